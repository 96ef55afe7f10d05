package io.github.wandbjdbc.pgwire;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pg_catalog and information_schema queries that psql, psycopg2/SQLAlchemy, pgJDBC and psqlODBC
 * send, recognised by their shape and answered from the driver's metadata ({@link CatalogModel}).
 * Any other query of the system catalogs gets no rows: a client then sees no indexes, constraints,
 * policies or types beyond the built-in ones.
 */
final class CatalogQueries {
  private static final Pattern SYSTEM_CATALOG =
      Pattern.compile(
          "(?is).*\\b(pg_catalog\\.|information_schema\\.|pg_(class|namespace|attribute|type|index|description|proc|database|roles|settings|am|attrdef|constraint|inherits|trigger)\\b).*");

  private final CatalogAnswers answers;

  CatalogQueries(SessionState state) {
    this.answers = new CatalogAnswers(state);
  }

  /** An answer and the {@link CatalogQuery} it answers ({@code UNRECOGNISED}: no rows). */
  record Answer(FixedAnswer answer, String shape) {}

  /**
   * The answer, or null when {@code sql} reads no system catalog (the driver answers it). A query
   * with {@code $n} parameters is matched with them as NULL for its columns, and answered with
   * their values in place when it runs.
   */
  Answer plan(String sql, List<PgType> declared) throws SQLException {
    if (!SYSTEM_CATALOG.matcher(sql).matches()) {
      return null;
    }
    int count = Math.max(declared.size(), PgSqlText.placeholders(sql).parameterCount());
    if (count == 0) {
      return answer(sql);
    }
    Answer shape = answer(PgSqlText.substitute(sql, n -> "NULL"));
    List<PgType> types = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      PgType type = n <= declared.size() ? declared.get(n - 1) : null;
      types.add(type == null ? PgType.TEXT : type);
    }
    FixedAnswer deferred =
        new FixedAnswer(
            shape.answer().columnsOrEmpty(),
            types,
            values ->
                answer(PgSqlText.substitute(sql, n -> PgSqlText.literal(values.get(n - 1))))
                    .answer()
                    .rows(List.of()),
            "SELECT");
    return new Answer(deferred, shape.shape());
  }

  private Answer answer(String sql) throws SQLException {
    String q = normalize(sql);
    for (CatalogQuery query : CatalogQuery.values()) {
      Matcher m = query.pattern.matcher(q);
      if (m.find()) {
        return new Answer(query.answer(answers, q, m), query.name());
      }
    }
    return new Answer(
        new FixedAnswer(List.of(), List.of(), p -> List.of(), "SELECT"), "UNRECOGNISED");
  }

  /** A {@code column LIKE 'pattern'} condition as a regex; null when the query has none. */
  static Pattern likePattern(String q, String column) {
    Matcher m =
        Pattern.compile(Pattern.quote(column) + " LIKE '((?:[^']|'')*)'", Pattern.CASE_INSENSITIVE)
            .matcher(q);
    if (!m.find()) {
      return null;
    }
    String like = m.group(1).replace("''", "'");
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (c == '\\' && i + 1 < like.length()) {
        regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /** One space for any run of blanks: the shapes in {@link CatalogQuery} are written so. */
  static String normalize(String sql) {
    return sql.replaceAll("\\s+", " ").strip();
  }

  /** A regex literal {@code OPERATOR(pg_catalog.~) '^(x)$'} psql sends for {@code column}. */
  static String psqlPattern(String q, String column) {
    Matcher m =
        Pattern.compile(
                Pattern.quote(column) + " (?:OPERATOR\\(pg_catalog\\.~\\)|~) '((?:[^']|'')*)'",
                Pattern.CASE_INSENSITIVE)
            .matcher(q);
    return m.find() ? m.group(1).replace("''", "'") : null;
  }

  static List<Object> row(Object... values) {
    List<Object> row = new ArrayList<>();
    for (Object value : values) {
      row.add(value);
    }
    return row;
  }
}
