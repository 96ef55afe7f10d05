package io.github.wandbjdbc.pgwire;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The driver's DatabaseMetaData in pg_catalog's terms: projects as namespaces and tables as
 * relations, each with a stable synthetic OID (namespace {@code 16384 + 1000 i}, its tables the
 * next numbers), and columns as attributes.
 */
final class CatalogModel {
  static final int FIRST_NAMESPACE_OID = 16384;
  private static final int OIDS_PER_NAMESPACE = 1000;

  record Relation(int oid, int namespaceOid, String schema, String name, String remarks) {}

  record Attribute(int number, String name, PgType type, boolean notNull, String remarks) {}

  private final DatabaseMetaData metaData;
  private List<String> schemas;

  CatalogModel(DatabaseMetaData metaData) {
    this.metaData = metaData;
  }

  /** The projects, sorted (the driver lists them when connecting, so this costs no request). */
  List<String> schemas() throws SQLException {
    if (schemas == null) {
      List<String> names = new ArrayList<>();
      try (ResultSet rs = metaData.getSchemas()) {
        while (rs.next()) {
          names.add(rs.getString("TABLE_SCHEM"));
        }
      }
      names.sort(null);
      schemas = List.copyOf(names);
    }
    return schemas;
  }

  int namespaceOid(String schema) throws SQLException {
    int index = schemas().indexOf(schema);
    return index < 0 ? 0 : FIRST_NAMESPACE_OID + OIDS_PER_NAMESPACE * index;
  }

  List<Relation> relations(String schema) throws SQLException {
    List<Relation> relations = new ArrayList<>();
    int namespace = namespaceOid(schema);
    if (namespace == 0) {
      return relations;
    }
    try (ResultSet rs = metaData.getTables(null, schema, "%", null)) {
      while (rs.next()) {
        relations.add(
            new Relation(
                0, namespace, schema, rs.getString("TABLE_NAME"), rs.getString("REMARKS")));
      }
    }
    relations.sort((a, b) -> a.name().compareTo(b.name()));
    List<Relation> numbered = new ArrayList<>();
    for (int i = 0; i < relations.size(); i++) {
      Relation r = relations.get(i);
      numbered.add(new Relation(namespace + 1 + i, namespace, schema, r.name(), r.remarks()));
    }
    return numbered;
  }

  List<Relation> allRelations() throws SQLException {
    List<Relation> all = new ArrayList<>();
    for (String schema : schemas()) {
      all.addAll(relations(schema));
    }
    return all;
  }

  Optional<Relation> relation(int oid) throws SQLException {
    int index = (oid - FIRST_NAMESPACE_OID) / OIDS_PER_NAMESPACE;
    if (oid <= FIRST_NAMESPACE_OID || index >= schemas().size()) {
      return Optional.empty();
    }
    return relations(schemas().get(index)).stream().filter(r -> r.oid() == oid).findFirst();
  }

  /** The columns of the relation {@code oid} is, in table order; none when it is no relation. */
  List<Attribute> attributes(int oid) throws SQLException {
    Optional<Relation> relation = relation(oid);
    return relation.isPresent() ? attributes(relation.get()) : List.of();
  }

  /** The columns, in table order; the first call for a project costs its column discovery. */
  List<Attribute> attributes(Relation relation) throws SQLException {
    List<Attribute> attributes = new ArrayList<>();
    try (ResultSet rs = metaData.getColumns(null, relation.schema(), relation.name(), "%")) {
      while (rs.next()) {
        attributes.add(
            new Attribute(
                rs.getInt("ORDINAL_POSITION"),
                rs.getString("COLUMN_NAME"),
                PgType.forJdbc(rs.getInt("DATA_TYPE")),
                rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls,
                rs.getString("REMARKS")));
      }
    }
    return attributes;
  }

  /** PostgreSQL's name for a column type, as format_type() gives it. */
  static String formatType(PgType type) {
    return switch (type) {
      case INT8 -> "bigint";
      case INT4 -> "integer";
      case INT2 -> "smallint";
      case FLOAT8 -> "double precision";
      case FLOAT4 -> "real";
      case BOOL -> "boolean";
      case TIMESTAMP -> "timestamp without time zone";
      case DATE -> "date";
      case NUMERIC -> "numeric";
      case VARCHAR -> "character varying";
      default -> "text";
    };
  }
}
