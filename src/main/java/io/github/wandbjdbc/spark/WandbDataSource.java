package io.github.wandbjdbc.spark;

import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** {@code format("wandb")}: the table named by {@code load(...)}, with the driver's schema. */
public final class WandbDataSource implements TableProvider, DataSourceRegister {
  @Override
  public String shortName() {
    return "wandb";
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    return WandbSources.schema(WandbOptions.from(options.asCaseSensitiveMap()));
  }

  @Override
  public Table getTable(
      StructType schema, Transform[] partitioning, Map<String, String> properties) {
    return new WandbTable(WandbOptions.from(properties), schema);
  }
}
