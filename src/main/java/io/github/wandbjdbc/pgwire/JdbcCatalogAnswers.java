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
    List<PgColumn> columns = new ArrayList<>();
    for (String name :
        List.of(
            "TABLE_CAT",
            "TABLE_SCHEM",
            "TABLE_NAME",
            "TABLE_TYPE",
            "REMARKS",
            "TYPE_CAT",
            "TYPE_SCHEM",
            "TYPE_NAME",
            "SELF_REFERENCING_COL_NAME",
            "REF_GENERATION")) {
      columns.add(new PgColumn(name, PgType.TEXT));
    }
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
    List<PgColumn> columns = new ArrayList<>();
    if (withDatabase) {
      columns.add(new PgColumn("current_database", PgType.NAME));
    }
    columns.addAll(
        List.of(
            new PgColumn("nspname", PgType.NAME),
            new PgColumn("relname", PgType.NAME),
            new PgColumn("attname", PgType.NAME),
            new PgColumn("atttypid", PgType.OID),
            new PgColumn("attnotnull", PgType.BOOL),
            new PgColumn("atttypmod", PgType.INT4),
            new PgColumn("attlen", PgType.INT2),
            new PgColumn("typtypmod", PgType.INT4),
            new PgColumn("attnum", PgType.INT8),
            new PgColumn("attidentity", PgType.CHAR),
            new PgColumn("attgenerated", PgType.CHAR),
            new PgColumn("adsrc", PgType.TEXT),
            new PgColumn("description", PgType.TEXT),
            new PgColumn("typbasetype", PgType.OID),
            new PgColumn("typtype", PgType.CHAR)));
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
