package io.github.wandbjdbc.pgwire;

import static io.github.wandbjdbc.pgwire.CatalogQueries.row;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQLAlchemy 1.4's PostgreSQL reflection queries (what Superset's schema browser sends). */
final class SqlAlchemyCatalogAnswers {
  private final CatalogAnswers catalog;

  SqlAlchemyCatalogAnswers(CatalogAnswers catalog) {
    this.catalog = catalog;
  }

  FixedAnswer schemas() throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    for (String schema : catalog.model().schemas()) {
      rows.add(row(schema));
    }
    return FixedAnswer.rows(PgColumn.list("nspname name"), rows);
  }

  /**
   * @param schema a quoted literal, or {@code current_schema()}
   */
  FixedAnswer tables(String schema) throws SQLException {
    String name = schema.startsWith("'") ? unquote(schema) : catalog.state().schema();
    List<List<Object>> rows = new ArrayList<>();
    for (CatalogModel.Relation r : catalog.model().relations(name == null ? "" : name)) {
      rows.add(row(r.name()));
    }
    return FixedAnswer.rows(PgColumn.list("relname name"), rows);
  }

  /**
   * @param schema the schema, or null for the visible one (the session's project)
   */
  FixedAnswer tableOid(String schema, String table) throws SQLException {
    String name = schema == null ? catalog.state().schema() : schema.replace("''", "'");
    List<List<Object>> rows = new ArrayList<>();
    for (CatalogModel.Relation r : catalog.model().relations(name == null ? "" : name)) {
      if (r.name().equals(table.replace("''", "'"))) {
        rows.add(row(r.oid()));
      }
    }
    return FixedAnswer.rows(PgColumn.list("oid oid"), rows);
  }

  /** With {@code generated} and {@code identity_options} only when the query selects them. */
  FixedAnswer columns(int oid, String q) throws SQLException {
    boolean generated = q.contains("as generated");
    boolean identity = q.contains("as identity_options");
    List<PgColumn> columns =
        PgColumn.list(
            "attname name, format_type text, default text, attnotnull bool, table_oid oid,"
                + " comment text"
                + (generated ? ", generated char" : "")
                + (identity ? ", identity_options text" : ""));
    List<List<Object>> rows = new ArrayList<>();
    for (CatalogModel.Attribute a : catalog.model().attributes(oid)) {
      List<Object> row =
          row(a.name(), CatalogModel.formatType(a.type()), null, a.notNull(), oid, a.remarks());
      if (generated) {
        row.add("");
      }
      if (identity) {
        row.add(null);
      }
      rows.add(row);
    }
    return FixedAnswer.rows(columns, rows);
  }

  private static String unquote(String literal) {
    return literal.substring(1, literal.length() - 1).replace("''", "'");
  }
}
