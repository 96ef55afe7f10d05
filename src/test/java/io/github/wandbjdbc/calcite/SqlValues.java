package io.github.wandbjdbc.calcite;

import io.github.wandbjdbc.calcite.QueryParameter.Setter;
import io.github.wandbjdbc.calcite.RunsSample.Column;
import io.github.wandbjdbc.calcite.RunsSample.Kind;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Picks the values a generated predicate compares a column with (mostly real values of the column,
 * else near misses and edge values) and writes each as a literal or as a {@code ?} whose {@link
 * QueryParameter} it records.
 */
final class SqlValues {
  private final Random random;
  private final RunsSample sample;
  private final double parameterShare;
  private final List<QueryParameter> parameters = new ArrayList<>();

  /**
   * @param parameterShare the probability that an operand is written as {@code ?}
   */
  SqlValues(Random random, RunsSample sample, double parameterShare) {
    this.random = random;
    this.sample = sample;
    this.parameterShare = parameterShare;
  }

  List<QueryParameter> parameters() {
    return List.copyOf(parameters);
  }

  /** A value to compare {@code column} with: real (60%), near a real one, or an edge case. */
  Object pick(Column column) {
    Object real = real(column);
    int roll = random.nextInt(100);
    if (roll < 60) {
      return real;
    }
    return roll < 85 ? near(column.kind(), real) : edge(column.kind());
  }

  /** A real value of the column, or of another column of its kind when it has none. */
  Object real(Column column) {
    List<Object> values = column.values();
    if (values.isEmpty() || random.nextInt(10) == 0) {
      List<Column> sameKind =
          sample.columns(column.kind()).stream().filter(c -> !c.values().isEmpty()).toList();
      values = sameKind.get(random.nextInt(sameKind.size())).values();
    }
    return values.get(random.nextInt(values.size()));
  }

  /** The value as an operand: a literal, or a {@code ?} bound to it. */
  String operand(Kind kind, Object value) {
    if (random.nextDouble() < parameterShare) {
      QueryParameter parameter = parameter(kind, value);
      if (parameter != null) {
        parameters.add(parameter);
        return "?";
      }
    }
    return SqlText.literal(value, random.nextBoolean());
  }

  /** A NULL operand of the column's type: a NULL literal, a typed CAST of it, or a null `?`. */
  String nullOperand(Kind kind) {
    int roll = random.nextInt(3);
    if (roll == 0 && parameterShare > 0) {
      parameters.add(QueryParameter.ofNull(jdbcType(kind)));
      return "?";
    }
    return roll == 1 ? "CAST(NULL AS " + sqlType(kind) + ")" : "NULL";
  }

  /** A LIKE pattern as an operand: a literal or a {@code ?} set with setString. */
  String pattern(String pattern) {
    if (random.nextDouble() < parameterShare) {
      parameters.add(QueryParameter.of(Setter.STRING, pattern));
      return "?";
    }
    return SqlText.quote(pattern);
  }

  static String sqlType(Kind kind) {
    return switch (kind) {
      case TEXT -> "VARCHAR";
      case INTEGER -> "BIGINT";
      case DOUBLE -> "DOUBLE";
      case BOOLEAN -> "BOOLEAN";
      case TIMESTAMP -> "TIMESTAMP";
    };
  }

  private static int jdbcType(Kind kind) {
    return switch (kind) {
      case TEXT -> Types.VARCHAR;
      case INTEGER -> Types.BIGINT;
      case DOUBLE -> Types.DOUBLE;
      case BOOLEAN -> Types.BOOLEAN;
      case TIMESTAMP -> Types.TIMESTAMP;
    };
  }

  /**
   * The parameter for a value compared with a column of {@code kind}, or null when no setter fits
   * (a `?` takes the column's type, so a decimal cannot be bound to a BIGINT one).
   */
  private static QueryParameter parameter(Kind kind, Object value) {
    if (value instanceof String text) {
      return QueryParameter.of(Setter.STRING, text);
    }
    if (value instanceof Boolean flag) {
      return QueryParameter.of(Setter.BOOLEAN, flag);
    }
    if (value instanceof LocalDateTime time) {
      return QueryParameter.of(Setter.TIMESTAMP, time);
    }
    if (value instanceof Long number) {
      return QueryParameter.of(Setter.LONG, number);
    }
    if (kind == Kind.DOUBLE && value instanceof Double number) {
      return QueryParameter.of(Setter.DOUBLE, number);
    }
    return null;
  }

  private Object near(Kind kind, Object real) {
    return switch (kind) {
      case TEXT -> nearText((String) real);
      case INTEGER -> nearInteger((Long) real);
      case DOUBLE -> nearDouble((Double) real);
      case BOOLEAN -> !(Boolean) real;
      case TIMESTAMP -> nearTimestamp((LocalDateTime) real);
    };
  }

  private Object nearText(String real) {
    return switch (random.nextInt(6)) {
      case 0 -> real + "x";
      case 1 -> real.isEmpty() ? "" : real.substring(0, random.nextInt(real.length()));
      case 2 -> real.toUpperCase(Locale.ROOT);
      case 3 -> " " + real;
      case 4 -> real + " ";
      default -> real.isEmpty() ? "a" : real.substring(1);
    };
  }

  private Object nearInteger(long real) {
    return switch (random.nextInt(5)) {
      case 0 -> real + 1;
      case 1 -> real - 1;
      case 2 -> new BigDecimal(real).add(new BigDecimal("0.5"));
      case 3 -> new BigDecimal(real).setScale(1);
      default -> (double) real;
    };
  }

  private Object nearDouble(double real) {
    if (Double.isNaN(real) || Double.isInfinite(real)) {
      return random.nextBoolean() ? Double.MAX_VALUE : 0.0;
    }
    return switch (random.nextInt(5)) {
      case 0 -> Math.nextUp(real);
      case 1 -> Math.nextDown(real);
      case 2 -> real * 2;
      case 3 -> (long) real;
      default -> -real;
    };
  }

  private Object nearTimestamp(LocalDateTime real) {
    return switch (random.nextInt(6)) {
      case 0 -> real.plusSeconds(1);
      case 1 -> real.minusSeconds(1);
      case 2 -> real.plusNanos(500_000_000);
      case 3 -> real.minusNanos(1_000_000);
      case 4 -> real.plusDays(1);
      default -> real.minusNanos(500_000_000);
    };
  }

  private Object edge(Kind kind) {
    return switch (kind) {
      case TEXT -> List.of("", "'", "%", "_", "\\", "a.*", "null", "NaN").get(random.nextInt(8));
      // Large, but within the DECIMAL(19, 1) that Calcite compares a BIGINT and a decimal in.
      case INTEGER ->
          List.<Object>of(0L, -1L, 100_000_000_000_000_000L, 1L << 53, new BigDecimal("1e3"), 1e300)
              .get(random.nextInt(6));
      case DOUBLE ->
          List.of(
                  Double.NaN,
                  Double.POSITIVE_INFINITY,
                  Double.NEGATIVE_INFINITY,
                  0.0,
                  -0.0,
                  Double.MIN_VALUE,
                  Double.MAX_VALUE)
              .get(random.nextInt(7));
      case BOOLEAN -> random.nextBoolean();
      case TIMESTAMP ->
          List.of(
                  LocalDateTime.of(1970, 1, 1, 0, 0),
                  LocalDateTime.of(2026, 11, 1, 0, 0),
                  LocalDateTime.of(9999, 12, 31, 23, 59, 59),
                  LocalDateTime.of(1, 1, 1, 0, 0))
              .get(random.nextInt(4));
    };
  }
}
