package io.github.wandbjdbc.calcite.pgcatalog;

import io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.Attribute;
import io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.Constraint;
import io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.Namespace;
import io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.Relation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * information_schema's schemata, tables, columns, views and keys, from the same objects as
 * pg_catalog. A scan fixed to one schema or table reads only its columns.
 */
final class InformationSchemaRelations {
  private InformationSchemaRelations() {}

  static Map<String, CatalogTable> all() {
    Map<String, CatalogTable> tables = new LinkedHashMap<>();
    tables.put(
        "schemata",
        table(
            "catalog_name name, schema_name name, schema_owner name,"
                + " default_character_set_catalog name, default_character_set_schema name,"
                + " default_character_set_name name, sql_path text",
            (objects, filter) -> {
              List<Object[]> rows = new ArrayList<>();
              for (Namespace n : objects.namespaces()) {
                rows.add(
                    new Object[] {
                      objects.database(), n.name(), CatalogObjects.OWNER, null, null, null, null
                    });
              }
              return rows;
            }));
    tables.put(
        "tables",
        table(
            "table_catalog name, table_schema name, table_name name, table_type text,"
                + " self_referencing_column_name name, reference_generation text,"
                + " user_defined_type_catalog name, user_defined_type_schema name,"
                + " user_defined_type_name name, is_insertable_into text, is_typed text,"
                + " commit_action text",
            (objects, filter) -> {
              List<Object[]> rows = new ArrayList<>();
              for (Relation r : relations(objects, filter, 1, 2)) {
                rows.add(
                    new Object[] {
                      objects.database(),
                      r.namespace().name(),
                      r.name(),
                      r.kind() == 'v' ? "VIEW" : "BASE TABLE",
                      null,
                      null,
                      null,
                      null,
                      null,
                      "NO",
                      "NO",
                      null
                    });
              }
              return rows;
            }));
    tables.put(
        "columns",
        table(
            "table_catalog name, table_schema name, table_name name, column_name name,"
                + " ordinal_position int4, column_default text, is_nullable text,"
                + " data_type text, character_maximum_length int4,"
                + " character_octet_length int4, numeric_precision int4,"
                + " numeric_precision_radix int4, numeric_scale int4, datetime_precision int4,"
                + " interval_type text, interval_precision int4, character_set_catalog name,"
                + " character_set_schema name, character_set_name name,"
                + " collation_catalog name, collation_schema name, collation_name name,"
                + " domain_catalog name, domain_schema name, domain_name name,"
                + " udt_catalog name, udt_schema name, udt_name name, scope_catalog name,"
                + " scope_schema name, scope_name name, maximum_cardinality int4,"
                + " dtd_identifier name, is_self_referencing text, is_identity text,"
                + " identity_generation text, identity_start text, identity_increment text,"
                + " identity_maximum text, identity_minimum text, identity_cycle text,"
                + " is_generated text, generation_expression text, is_updatable text",
            (objects, filter) -> {
              List<Object[]> rows = new ArrayList<>();
              for (Relation r : relations(objects, filter, 1, 2)) {
                for (Attribute a : objects.attributes(r)) {
                  PgTypes.PgType type = PgTypes.byOid(a.typeOid()).orElseThrow();
                  rows.add(
                      new Object[] {
                        objects.database(),
                        r.namespace().name(),
                        r.name(),
                        a.name(),
                        a.number(),
                        null,
                        a.notNull() ? "NO" : "YES",
                        type.formatted(),
                        null,
                        null,
                        precision(type),
                        type.category() == 'N' ? 2 : null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        objects.database(),
                        CatalogObjects.PG_CATALOG,
                        type.name(),
                        null,
                        null,
                        null,
                        null,
                        String.valueOf(a.number()),
                        "NO",
                        "NO",
                        null,
                        null,
                        null,
                        null,
                        null,
                        "NO",
                        "NEVER",
                        null,
                        "NO"
                      });
                }
              }
              return rows;
            }));
    tables.put(
        "views",
        table(
            "table_catalog name, table_schema name, table_name name, view_definition text,"
                + " check_option text, is_updatable text, is_insertable_into text,"
                + " is_trigger_updatable text, is_trigger_deletable text,"
                + " is_trigger_insertable_into text",
            (objects, filter) -> List.of()));
    String constraint =
        "constraint_catalog name, constraint_schema name, constraint_name name,"
            + " table_catalog name, table_schema name, table_name name";
    tables.put(
        "table_constraints",
        table(
            constraint
                + ", constraint_type text, is_deferrable text, initially_deferred text,"
                + " enforced text, nulls_distinct text",
            (objects, filter) -> {
              List<Object[]> rows = new ArrayList<>();
              for (Constraint c : constraints(objects, filter, 5)) {
                rows.add(
                    constraintRow(
                        objects,
                        c,
                        c.type() == 'p' ? "PRIMARY KEY" : "FOREIGN KEY",
                        "NO",
                        "NO",
                        "YES",
                        null));
              }
              return rows;
            }));
    tables.put(
        "key_column_usage",
        table(
            constraint
                + ", column_name name, ordinal_position int4,"
                + " position_in_unique_constraint int4",
            (objects, filter) -> {
              List<Object[]> rows = new ArrayList<>();
              for (Constraint c : constraints(objects, filter, 5)) {
                List<Attribute> attributes = objects.attributes(c.relation());
                for (int i = 0; i < c.columns().size(); i++) {
                  String column = attributes.get(c.columns().get(i) - 1).name();
                  rows.add(
                      constraintRow(
                          objects, c, column, i + 1, c.type() == 'f' ? (Object) (i + 1) : null));
                }
              }
              return rows;
            }));
    tables.put(
        "referential_constraints",
        table(
            "constraint_catalog name, constraint_schema name, constraint_name name,"
                + " unique_constraint_catalog name, unique_constraint_schema name,"
                + " unique_constraint_name name, match_option text, update_rule text,"
                + " delete_rule text",
            (objects, filter) -> {
              List<Object[]> rows = new ArrayList<>();
              for (Constraint c : constraints(objects, filter, -1)) {
                if (c.type() == 'f') {
                  rows.add(
                      new Object[] {
                        objects.database(),
                        c.relation().namespace().name(),
                        c.name(),
                        objects.database(),
                        c.referenced().namespace().name(),
                        c.referenced().name() + "_pkey",
                        "NONE",
                        "NO ACTION",
                        "NO ACTION"
                      });
                }
              }
              return rows;
            }));
    return tables;
  }

  private static CatalogTable table(String columns, CatalogTable.Rows rows) {
    return new CatalogTable(0, 'v', columns, rows);
  }

  private static Object[] constraintRow(CatalogObjects objects, Constraint c, Object... rest) {
    Object[] row = new Object[6 + rest.length];
    row[0] = objects.database();
    row[1] = c.relation().namespace().name();
    row[2] = c.name();
    row[3] = objects.database();
    row[4] = c.relation().namespace().name();
    row[5] = c.relation().name();
    System.arraycopy(rest, 0, row, 6, rest.length);
    return row;
  }

  /**
   * Constraints of the tables in schema column 1 and table column {@code tableIndex} (-1: none).
   */
  private static List<Constraint> constraints(
      CatalogObjects objects, CatalogFilter filter, int tableIndex) {
    List<Constraint> all = new ArrayList<>();
    for (Relation r : relations(objects, filter, 1, tableIndex)) {
      all.addAll(objects.constraints(r));
    }
    return all;
  }

  /** Every relation, or those of the schema and table the scan's conditions on these fix. */
  private static List<Relation> relations(
      CatalogObjects objects, CatalogFilter filter, int schemaIndex, int tableIndex) {
    Optional<Object> schema = filter.equalTo(schemaIndex);
    Optional<Object> table = tableIndex < 0 ? Optional.empty() : filter.equalTo(tableIndex);
    List<Relation> relations = new ArrayList<>();
    for (Namespace n : objects.namespaces()) {
      if (schema.isEmpty() || schema.get().toString().equals(n.name())) {
        for (Relation r : objects.relations(n)) {
          if (table.isEmpty() || table.get().toString().equals(r.name())) {
            relations.add(r);
          }
        }
      }
    }
    return relations;
  }

  private static Integer precision(PgTypes.PgType type) {
    return switch (type.name()) {
      case "int8" -> 64;
      case "int4" -> 32;
      case "int2" -> 16;
      case "float8" -> 53;
      case "float4" -> 24;
      default -> null;
    };
  }
}
