package io.github.wandbjdbc.pgwire;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalog query shapes the endpoint recognises, each named after the client and command that
 * sends it, with the text (blanks collapsed) that identifies it.
 */
enum CatalogQuery {
  /** psql {@code \dt [pattern]}. */
  PSQL_LIST_TABLES("c\\.relname as \"Name\", CASE c\\.relkind"),
  /** psql {@code \d name}: which relations the pattern names. */
  PSQL_FIND_RELATION(
      "^SELECT c\\.oid, n\\.nspname, c\\.relname FROM pg_catalog\\.pg_class c LEFT JOIN"
          + " pg_catalog\\.pg_namespace n"),
  /** psql {@code \d name}: the relation's kind and flags. */
  PSQL_RELATION_DETAILS("^SELECT c\\.relchecks, c\\.relkind,.* WHERE c\\.oid = '(\\d+)'"),
  /** psql {@code \d name}: its columns. */
  PSQL_ATTRIBUTES(
      "^SELECT a\\.attname, pg_catalog\\.format_type\\(a\\.atttypid, a\\.atttypmod\\),.*"
          + " FROM pg_catalog\\.pg_attribute a WHERE a\\.attrelid = '(\\d+)'"),
  /** pgJDBC {@code DatabaseMetaData.getTables}. */
  PGJDBC_TABLES("AS \"TABLE_SCHEM\", c\\.relname AS \"TABLE_NAME\", CASE n\\.nspname ~ '\\^pg_'"),
  /** pgJDBC {@code DatabaseMetaData.getColumns}. */
  PGJDBC_COLUMNS(
      "^SELECT \\* FROM \\(SELECT (?:current_database\\(\\) AS current_database, )?n\\.nspname,"
          + "c\\.relname,a\\.attname,a\\.atttypid"),
  /** SQLAlchemy {@code inspect(engine).get_schema_names()}. */
  SQLALCHEMY_SCHEMAS(
      "^SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg_%' ORDER BY nspname$"),
  /** SQLAlchemy {@code get_table_names(schema)}: tables only (its view query gets none). */
  SQLALCHEMY_TABLES(
      "^SELECT c\\.relname FROM pg_class c JOIN pg_namespace n ON n\\.oid = c\\.relnamespace"
          + " WHERE n\\.nspname = ('(?:[^']|'')*'|current_schema\\(\\)) AND c\\.relkind in \\('r', 'p'\\)$"),
  /** SQLAlchemy: the OID of a table named in {@code get_columns} and other reflection calls. */
  SQLALCHEMY_TABLE_OID(
      "^SELECT c\\.oid FROM pg_catalog\\.pg_class c LEFT JOIN pg_catalog\\.pg_namespace n ON"
          + " n\\.oid = c\\.relnamespace WHERE \\((?:n\\.nspname = '((?:[^']|'')*)'|"
          + "pg_catalog\\.pg_table_is_visible\\(c\\.oid\\))\\) AND c\\.relname = '((?:[^']|'')*)'"),
  /** SQLAlchemy {@code get_columns}: the columns of the table whose OID it found. */
  SQLALCHEMY_COLUMNS(
      "^SELECT a\\.attname, pg_catalog\\.format_type\\(a\\.atttypid, a\\.atttypmod\\), .* AS DEFAULT,"
          + " a\\.attnotnull, a\\.attrelid as table_oid, .* WHERE a\\.attrelid = (\\d+) ");

  final Pattern pattern;

  CatalogQuery(String regex) {
    this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
  }

  FixedAnswer answer(CatalogAnswers answers, String q, Matcher m) throws SQLException {
    return switch (this) {
      case PSQL_LIST_TABLES -> answers.psqlTables(q);
      case PSQL_FIND_RELATION -> answers.psqlFindRelation(q);
      case PSQL_RELATION_DETAILS -> answers.psqlRelationDetails(Integer.parseInt(m.group(1)));
      case PSQL_ATTRIBUTES -> answers.psqlAttributes(Integer.parseInt(m.group(1)), q);
      case PGJDBC_TABLES -> new JdbcCatalogAnswers(answers).tables(q);
      case PGJDBC_COLUMNS -> new JdbcCatalogAnswers(answers).columns(q);
      case SQLALCHEMY_SCHEMAS -> new SqlAlchemyCatalogAnswers(answers).schemas();
      case SQLALCHEMY_TABLES -> new SqlAlchemyCatalogAnswers(answers).tables(m.group(1));
      case SQLALCHEMY_TABLE_OID ->
          new SqlAlchemyCatalogAnswers(answers).tableOid(m.group(1), m.group(2));
      case SQLALCHEMY_COLUMNS ->
          new SqlAlchemyCatalogAnswers(answers).columns(Integer.parseInt(m.group(1)), q);
    };
  }
}
