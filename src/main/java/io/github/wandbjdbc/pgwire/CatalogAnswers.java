package io.github.wandbjdbc.pgwire;

import static io.github.wandbjdbc.pgwire.CatalogQueries.row;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rows of each {@link CatalogQuery}, from the session's {@link CatalogModel}. */
final class CatalogAnswers {
  private final SessionState state;
  private CatalogModel model;

  CatalogAnswers(SessionState state) {
    this.state = state;
  }

  SessionState state() {
    return state;
  }

  CatalogModel model() throws SQLException {
    if (model == null) {
      model = new CatalogModel(state.connection().getMetaData());
    }
    return model;
  }

  /**
   * Relations whose schema and name match psql's regexes; without a schema regex, those of the
   * session's project (psql's pg_table_is_visible: what the search path reaches).
   */
  private List<CatalogModel.Relation> psqlRelations(String q) throws SQLException {
    Pattern schema = regex(CatalogQueries.psqlPattern(q, "n.nspname"));
    Pattern name = regex(CatalogQueries.psqlPattern(q, "c.relname"));
    List<CatalogModel.Relation> matching = new ArrayList<>();
    for (CatalogModel.Relation r : model().allRelations()) {
      boolean visible =
          schema == null ? r.schema().equals(state.schema()) : schema.matcher(r.schema()).matches();
      if (visible && (name == null || name.matcher(r.name()).matches())) {
        matching.add(r);
      }
    }
    return matching;
  }

  private static Pattern regex(String posix) {
    return posix == null ? null : Pattern.compile(posix);
  }

  FixedAnswer psqlTables(String q) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    for (CatalogModel.Relation r : psqlRelations(q)) {
      rows.add(row(r.schema(), r.name(), "table", state.user()));
    }
    return FixedAnswer.rows(
        List.of(
            new PgColumn("Schema", PgType.NAME),
            new PgColumn("Name", PgType.NAME),
            new PgColumn("Type", PgType.TEXT),
            new PgColumn("Owner", PgType.NAME)),
        rows);
  }

  FixedAnswer psqlFindRelation(String q) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    for (CatalogModel.Relation r : psqlRelations(q)) {
      rows.add(row(r.oid(), r.schema(), r.name()));
    }
    return FixedAnswer.rows(
        List.of(
            new PgColumn("oid", PgType.OID),
            new PgColumn("nspname", PgType.NAME),
            new PgColumn("relname", PgType.NAME)),
        rows);
  }

  FixedAnswer psqlRelationDetails(int oid) throws SQLException {
    List<PgColumn> columns =
        List.of(
            new PgColumn("relchecks", PgType.INT2),
            new PgColumn("relkind", PgType.CHAR),
            new PgColumn("relhasindex", PgType.BOOL),
            new PgColumn("relhasrules", PgType.BOOL),
            new PgColumn("relhastriggers", PgType.BOOL),
            new PgColumn("relrowsecurity", PgType.BOOL),
            new PgColumn("relforcerowsecurity", PgType.BOOL),
            new PgColumn("relhasoids", PgType.BOOL),
            new PgColumn("relispartition", PgType.BOOL),
            new PgColumn("array_to_string", PgType.TEXT),
            new PgColumn("reltablespace", PgType.OID),
            new PgColumn("reloftype", PgType.TEXT),
            new PgColumn("relpersistence", PgType.CHAR),
            new PgColumn("relreplident", PgType.CHAR),
            new PgColumn("amname", PgType.NAME));
    List<List<Object>> rows = new ArrayList<>();
    if (model().relation(oid).isPresent()) {
      rows.add(
          row(
              (short) 0, "r", false, false, false, false, false, false, false, "", 0, "", "p", "d",
              "heap"));
    }
    return FixedAnswer.rows(columns, rows);
  }

  /** Seven columns for {@code \d}; {@code \d+} adds storage, statistics target and description. */
  FixedAnswer psqlAttributes(int oid, String q) throws SQLException {
    boolean verbose = q.contains("col_description");
    List<PgColumn> columns =
        new ArrayList<>(
            List.of(
                new PgColumn("attname", PgType.NAME),
                new PgColumn("format_type", PgType.TEXT),
                new PgColumn("pg_get_expr", PgType.TEXT),
                new PgColumn("attnotnull", PgType.BOOL),
                new PgColumn("attcollation", PgType.NAME),
                new PgColumn("attidentity", PgType.CHAR),
                new PgColumn("attgenerated", PgType.CHAR)));
    if (verbose) {
      columns.add(new PgColumn("attstorage", PgType.CHAR));
      columns.add(new PgColumn("attstattarget", PgType.INT4));
      columns.add(new PgColumn("col_description", PgType.TEXT));
    }
    List<List<Object>> rows = new ArrayList<>();
    Optional<CatalogModel.Relation> relation = model().relation(oid);
    if (relation.isPresent()) {
      for (CatalogModel.Attribute a : model().attributes(relation.get())) {
        List<Object> row =
            row(a.name(), CatalogModel.formatType(a.type()), null, a.notNull(), null, "", "");
        if (verbose) {
          row.addAll(List.of("x", -1));
          row.add(a.remarks());
        }
        rows.add(row);
      }
    }
    return FixedAnswer.rows(columns, rows);
  }
}
