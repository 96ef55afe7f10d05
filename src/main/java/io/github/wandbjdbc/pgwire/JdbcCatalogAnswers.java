package io.github.wandbjdbc.pgwire;

import static io.github.wandbjdbc.pgwire.CatalogQueries.row;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** pgJDBC's DatabaseMetaData queries, answered with the columns pgJDBC reads by name. */
final class JdbcCatalogAnswers {
  private final CatalogAnswers catalog;

  JdbcCatalogAnswers(CatalogAnswers catalog) {
    this.catalog = catalog;
  }

  private List<CatalogModel.Relation> relations(String q) throws SQLException {
    Pattern schema = CatalogQueries.likePattern(q, "n.nspname");
    Pattern name = CatalogQueries.likePattern(q, "c.relname");
    List<CatalogModel.Relation> matching = new ArrayList<>();
    for (CatalogModel.Relation r : catalog.model().allRelations()) {
      if ((schema == null || schema.matcher(r.schema()).matches())
          && (name == null || name.matcher(r.name()).matches())) {
        matching.add(r);
      }
    }
    return matching;
  }

  FixedAnswer tables(String q) throws SQLException {
    List<PgColumn> columns =
        PgColumn.list(
            "TABLE_CAT text, TABLE_SCHEM text, TABLE_NAME text, TABLE_TYPE text, REMARKS text,"
                + " TYPE_CAT text, TYPE_SCHEM text, TYPE_NAME text, SELF_REFERENCING_COL_NAME text,"
                + " REF_GENERATION text");
    List<List<Object>> rows = new ArrayList<>();
    // the query asks for ordinary tables (relkind 'r') only when TABLE is among the types asked for
    if (q.contains("c.relkind = 'r'") || !q.contains("c.relkind")) {
      String database = catalog.state().database();
      for (CatalogModel.Relation r : relations(q)) {
        rows.add(row(database, r.schema(), r.name(), "TABLE", r.remarks(), "", "", "", "", ""));
      }
    }
    return FixedAnswer.rows(columns, rows);
  }

  FixedAnswer columns(String q) throws SQLException {
    boolean withDatabase = q.contains("current_database() AS current_database");
    List<PgColumn> columns =
        PgColumn.list(
            (withDatabase ? "current_database name, " : "")
                + "nspname name, relname name, attname name, atttypid oid, attnotnull bool,"
                + " atttypmod int4, attlen int2, typtypmod int4, attnum int8, attidentity char,"
                + " attgenerated char, adsrc text, description text, typbasetype oid, typtype char");
    Pattern attribute = CatalogQueries.likePattern(q, "a.attname");
    List<List<Object>> rows = new ArrayList<>();
    for (CatalogModel.Relation r : relations(q)) {
      for (CatalogModel.Attribute a : catalog.model().attributes(r)) {
        if (attribute == null || attribute.matcher(a.name()).matches()) {
          List<Object> row = new ArrayList<>();
          if (withDatabase) {
            row.add(catalog.state().database());
          }
          row.addAll(
              row(
                  r.schema(),
                  r.name(),
                  a.name(),
                  a.type().oid,
                  a.notNull(),
                  -1,
                  (short) a.type().length,
                  -1,
                  (long) a.number(),
                  null,
                  null,
                  null,
                  a.remarks(),
                  0,
                  "b"));
          rows.add(row);
        }
      }
    }
    return FixedAnswer.rows(columns, rows);
  }
}
