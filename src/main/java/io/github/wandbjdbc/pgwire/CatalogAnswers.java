package io.github.wandbjdbc.pgwire;

import static io.github.wandbjdbc.pgwire.CatalogQueries.row;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
    return FixedAnswer.rows(PgColumn.list("Schema name, Name name, Type text, Owner name"), rows);
  }

  FixedAnswer psqlFindRelation(String q) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    for (CatalogModel.Relation r : psqlRelations(q)) {
      rows.add(row(r.oid(), r.schema(), r.name()));
    }
    return FixedAnswer.rows(PgColumn.list("oid oid, nspname name, relname name"), rows);
  }

  FixedAnswer psqlRelationDetails(int oid) throws SQLException {
    List<PgColumn> columns =
        PgColumn.list(
            "relchecks int2, relkind char, relhasindex bool, relhasrules bool, relhastriggers bool,"
                + " relrowsecurity bool, relforcerowsecurity bool, relhasoids bool,"
                + " relispartition bool, array_to_string text, reltablespace oid, reloftype text,"
                + " relpersistence char, relreplident char, amname name");
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
        PgColumn.list(
            "attname name, format_type text, pg_get_expr text, attnotnull bool, attcollation name,"
                + " attidentity char, attgenerated char"
                + (verbose ? ", attstorage char, attstattarget int4, col_description text" : ""));
    List<List<Object>> rows = new ArrayList<>();
    for (CatalogModel.Attribute a : model().attributes(oid)) {
      List<Object> row =
          row(a.name(), CatalogModel.formatType(a.type()), null, a.notNull(), null, "", "");
      if (verbose) {
        row.addAll(List.of("x", -1));
        row.add(a.remarks());
      }
      rows.add(row);
    }
    return FixedAnswer.rows(columns, rows);
  }
}
