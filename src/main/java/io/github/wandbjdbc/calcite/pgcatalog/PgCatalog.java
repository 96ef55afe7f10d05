package io.github.wandbjdbc.calcite.pgcatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.TableFunction;
import org.apache.calcite.schema.impl.TableFunctionImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlConformance;

/**
 * PostgreSQL's catalog over a connection: the pg_catalog and information_schema schemas, the
 * catalog functions clients call, PostgreSQL's type names for casts, and the parser settings of
 * PostgreSQL's syntax: Calcite's Babel parser, {@link PgConformance}, the PostgreSQL function
 * library and {@link PgTypeSystem}. What the PostgreSQL endpoint's sessions query.
 */
public final class PgCatalog {
  /** The data-context variable holding the session's current project (schema), if any. */
  public static final String CURRENT_SCHEMA = "wandb.currentSchema";

  /** PostgreSQL type names a cast may use that Calcite does not know ({@link CatalogColumns}). */
  private static final List<String> TYPE_NAMES =
      List.of(
          "oid",
          "regclass",
          "regtype",
          "regproc",
          "regnamespace",
          "int2",
          "int4",
          "int8",
          "float4",
          "float8",
          "bool",
          "text",
          "name",
          "bpchar",
          "timestamptz");

  private PgCatalog() {}

  /** Adds the schemas, functions and type names to a connection's root schema. */
  public static void install(SchemaPlus root) {
    List<PgFunction> functions = PgFunctionRegistry.all();
    Map<String, CatalogTable> pg = pgCatalogTables(functions);
    SchemaPlus catalog = root.add(CatalogObjects.PG_CATALOG, new CatalogSchema(pg));
    // PostgreSQL searches pg_catalog first, so clients name its relations unqualified.
    pg.forEach(root::add);
    root.add(
        CatalogObjects.INFORMATION_SCHEMA, new CatalogSchema(InformationSchemaRelations.all()));
    for (PgFunction function : functions) {
      root.add(function.method().getName(), function);
      catalog.add(function.method().getName(), function);
    }
    for (String name : List.of("generate_series", "pg_get_keywords")) {
      TableFunction function = TableFunctionImpl.create(PgTableFunctions.class, name);
      root.add(name, function);
      catalog.add(name, function);
    }
    for (String name : TYPE_NAMES) {
      SqlTypeName type = CatalogColumns.scalar(name);
      root.add(name, factory -> factory.createSqlType(type));
      catalog.add(name, factory -> factory.createSqlType(type));
    }
  }

  private static Map<String, CatalogTable> pgCatalogTables(List<PgFunction> functions) {
    Map<String, CatalogTable> pg = new TreeMap<>();
    PgObjectRelations.addTo(pg);
    PgSystemRelations.addTo(pg, PgFunctionRegistry.signatures(functions));
    return pg;
  }

  /** The boolean columns of the catalog's relations, by name; see {@link PgSyntax}. */
  static Set<String> booleanColumns() {
    return BooleanColumns.NAMES;
  }

  private static final class BooleanColumns {
    static final Set<String> NAMES = collect();

    private static Set<String> collect() {
      Set<String> names = new TreeSet<>();
      List<CatalogTable> tables =
          new ArrayList<>(pgCatalogTables(PgFunctionRegistry.all()).values());
      tables.addAll(InformationSchemaRelations.all().values());
      for (CatalogTable table : tables) {
        names.addAll(table.booleanColumns());
      }
      return Set.copyOf(names);
    }
  }

  /** Calcite connection properties for PostgreSQL's syntax and functions. */
  public static void parserProperties(Properties properties) {
    properties.setProperty("parserFactory", PgParser.class.getName() + "#FACTORY");
    properties.setProperty("fun", "standard,postgresql");
    properties.setProperty("typeSystem", PgTypeSystem.class.getName() + "#INSTANCE");
  }

  /**
   * The conformance of PostgreSQL's syntax, which the connection's configuration reports: the
   * {@code conformance} property can only name one of Calcite's own.
   */
  public static SqlConformance conformance() {
    return PgConformance.INSTANCE;
  }

  /** The statement with what PostgreSQL writes and Calcite's parser does not read rewritten. */
  public static String rewrite(String sql) {
    return PgSyntax.rewrite(sql);
  }
}
