package io.github.wandbjdbc.calcite;

import io.github.wandbjdbc.client.ProjectInfo;
import io.github.wandbjdbc.client.WandbClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.util.BuiltInMethod;

/**
 * The root schema of a connection: one sub-schema per project of the entity. Projects are listed on
 * first use, not at connect time, and then kept for the connection's life. Its own tables only
 * explain that a project's table needs its project ({@link ProjectlessTable}).
 */
public final class EntitySchema extends AbstractSchema implements AutoCloseable {
  private final WandbClient client;
  private final String entity;
  private final String appUrl;
  private final AdapterSettings settings;
  private Map<String, Schema> projects;

  public EntitySchema(WandbClient client, String entity, String appUrl, AdapterSettings settings) {
    this.client = Objects.requireNonNull(client, "client is null");
    this.entity = Objects.requireNonNull(entity, "entity is null");
    this.appUrl = Objects.requireNonNull(appUrl, "appUrl is null");
    this.settings = Objects.requireNonNull(settings, "settings is null");
  }

  public String entity() {
    return entity;
  }

  /** As Calcite's own root schema: generated code reaches it through the data context. */
  @Override
  public Expression getExpression(SchemaPlus parentSchema, String name) {
    return Expressions.call(DataContext.ROOT, BuiltInMethod.DATA_CONTEXT_GET_ROOT_SCHEMA.method);
  }

  @Override
  protected Map<String, Table> getTableMap() {
    Map<String, Table> tables = new LinkedHashMap<>();
    for (String name : ProjectSchema.tableNames()) {
      tables.put(name, new ProjectlessTable(name));
    }
    return tables;
  }

  @Override
  protected synchronized Map<String, Schema> getSubSchemaMap() {
    if (projects == null) {
      Map<String, Schema> listed = new LinkedHashMap<>();
      for (ProjectInfo project : client.projects(entity)) {
        ProjectContext context = new ProjectContext(entity, project.name(), appUrl);
        listed.put(project.name(), new ProjectSchema(client, context, settings));
      }
      projects = listed;
    }
    return projects;
  }

  /** Closes the connection's W&B client. */
  @Override
  public void close() {
    client.close();
  }
}
