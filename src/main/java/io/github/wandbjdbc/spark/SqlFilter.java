package io.github.wandbjdbc.spark;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.sources.And;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.sources.IsNull;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;
import org.apache.spark.sql.sources.Not;
import org.apache.spark.sql.sources.Or;

/**
 * A Spark filter as a SQL condition for the driver, which then pushes it to W&B as it would the
 * same SQL. {@code exact} says whether rows the SQL keeps are exactly those Spark's filter keeps;
 * when not (timestamps, string ordering), Spark checks the rows again.
 */
record SqlFilter(String sql, boolean exact) {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  /** The filter as SQL over {@code columns}, or empty when it has no exact-enough translation. */
  static Optional<SqlFilter> of(Filter filter, Set<String> columns) {
    if (filter instanceof And and) {
      return both(and.left(), and.right(), " AND ", columns);
    }
    if (filter instanceof Or or) {
      return both(or.left(), or.right(), " OR ", columns);
    }
    if (filter instanceof Not not) {
      return of(not.child(), columns).map(c -> new SqlFilter("NOT (" + c.sql + ")", c.exact));
    }
    if (filter instanceof IsNull isNull) {
      return column(isNull.attribute(), columns).map(c -> new SqlFilter(c + " IS NULL", true));
    }
    if (filter instanceof IsNotNull isNotNull) {
      return column(isNotNull.attribute(), columns)
          .map(c -> new SqlFilter(c + " IS NOT NULL", true));
    }
    if (filter instanceof EqualTo eq) {
      return compare(eq.attribute(), "=", eq.value(), columns);
    }
    if (filter instanceof GreaterThan gt) {
      return ordered(compare(gt.attribute(), ">", gt.value(), columns), gt.value());
    }
    if (filter instanceof GreaterThanOrEqual ge) {
      return ordered(compare(ge.attribute(), ">=", ge.value(), columns), ge.value());
    }
    if (filter instanceof LessThan lt) {
      return ordered(compare(lt.attribute(), "<", lt.value(), columns), lt.value());
    }
    if (filter instanceof LessThanOrEqual le) {
      return ordered(compare(le.attribute(), "<=", le.value(), columns), le.value());
    }
    if (filter instanceof In in) {
      return in(in, columns);
    }
    return Optional.empty();
  }

  /** The names of the columns {@code filter} reads, unquoted. */
  static Set<String> columnsOf(Filter filter) {
    return Arrays.stream(filter.references())
        .map(SqlFilter::unquoted)
        .flatMap(Optional::stream)
        .collect(Collectors.toSet());
  }

  private static Optional<SqlFilter> both(
      Filter left, Filter right, String op, Set<String> columns) {
    Optional<SqlFilter> l = of(left, columns);
    Optional<SqlFilter> r = of(right, columns);
    if (l.isEmpty() || r.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new SqlFilter(
            "(" + l.get().sql + ")" + op + "(" + r.get().sql + ")",
            l.get().exact && r.get().exact));
  }

  private static Optional<SqlFilter> compare(
      String attribute, String op, Object value, Set<String> columns) {
    Optional<String> column = column(attribute, columns);
    Optional<SqlFilter> literal = literal(value);
    if (column.isEmpty() || literal.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new SqlFilter(column.get() + " " + op + " " + literal.get().sql, literal.get().exact));
  }

  /** String order may differ between Spark (UTF-8 bytes) and the driver, so Spark re-checks it. */
  private static Optional<SqlFilter> ordered(Optional<SqlFilter> comparison, Object value) {
    return comparison.map(c -> value instanceof String ? new SqlFilter(c.sql, false) : c);
  }

  private static Optional<SqlFilter> in(In in, Set<String> columns) {
    Optional<String> column = column(in.attribute(), columns);
    if (column.isEmpty() || in.values().length == 0) {
      return Optional.empty();
    }
    StringBuilder sql = new StringBuilder(column.get()).append(" IN (");
    boolean exact = true;
    for (int i = 0; i < in.values().length; i++) {
      Optional<SqlFilter> literal = literal(in.values()[i]);
      if (literal.isEmpty()) {
        return Optional.empty();
      }
      exact &= literal.get().exact;
      sql.append(i == 0 ? "" : ", ").append(literal.get().sql);
    }
    return Optional.of(new SqlFilter(sql.append(')').toString(), exact));
  }

  private static Optional<String> column(String attribute, Set<String> columns) {
    return unquoted(attribute).filter(columns::contains).map(SqlFilter::quoted);
  }

  /**
   * Spark names a top-level column holding dots in backquotes ({@code `config.lr`}); an unquoted
   * dotted name is a nested field, which no table of the driver has.
   */
  static Optional<String> unquoted(String attribute) {
    if (attribute.length() >= 2 && attribute.startsWith("`") && attribute.endsWith("`")) {
      String inner = attribute.substring(1, attribute.length() - 1);
      return inner.replace("``", "").contains("`")
          ? Optional.empty()
          : Optional.of(inner.replace("``", "`"));
    }
    return attribute.contains(".") || attribute.contains("`")
        ? Optional.empty()
        : Optional.of(attribute);
  }

  static String quoted(String column) {
    return '"' + column.replace("\"", "\"\"") + '"';
  }

  private static Optional<SqlFilter> literal(Object value) {
    if (value instanceof String s) {
      return Optional.of(new SqlFilter("'" + s.replace("'", "''") + "'", true));
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return Optional.of(new SqlFilter(value.toString(), true));
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d)
          ? Optional.of(new SqlFilter(Double.toString(d), true))
          : Optional.empty();
    }
    if (value instanceof Boolean b) {
      return Optional.of(new SqlFilter(b ? "TRUE" : "FALSE", true));
    }
    if (value instanceof Timestamp ts) {
      return Optional.of(timestamp(ts.toInstant()));
    }
    if (value instanceof Instant instant) {
      return Optional.of(timestamp(instant));
    }
    return Optional.empty();
  }

  /** The driver reads timestamps as UTC; W&B's precision differs, so Spark re-checks. */
  private static SqlFilter timestamp(Instant instant) {
    LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    return new SqlFilter("TIMESTAMP '" + TIMESTAMP.format(utc) + "'", false);
  }
}
