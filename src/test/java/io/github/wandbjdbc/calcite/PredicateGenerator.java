package io.github.wandbjdbc.calcite;

import io.github.wandbjdbc.calcite.RunsSample.Column;
import io.github.wandbjdbc.calcite.RunsSample.Kind;
import io.github.wandbjdbc.calcite.filter.LikePatternGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random WHERE conditions over every column of {@code runs}: comparisons (either way round),
 * BETWEEN, IN and NOT IN (with NULLs), IS [NOT] NULL, comparisons with NULL, LIKE and NOT LIKE,
 * BOOLEAN tests, column-to-column and computed comparisons, combined with AND, OR and NOT.
 *
 * <p>Such conditions are rarely pushed whole, and only whole ones let COUNT(*), LIMIT and ORDER BY
 * go to W&B too; so in the <em>exact</em> flavour conditions are mostly equalities, IN lists and
 * null tests of the fixed columns W&B filters exactly, combined with AND and OR.
 */
final class PredicateGenerator {
  private static final List<String> COMPARISONS = List.of("=", "<>", "<", "<=", ">", ">=");
  private static final List<String> BOOLEAN_TESTS =
      List.of(
          "",
          "NOT ",
          " IS TRUE",
          " IS NOT TRUE",
          " IS FALSE",
          " IS NOT FALSE",
          " IS UNKNOWN",
          " = TRUE",
          " <> FALSE");

  /** Longer IN lists than this become a join with VALUES in Calcite, which is never pushed. */
  private static final int IN_LIST_JOIN_THRESHOLD = 20;

  /** The columns whose equality, IN and null tests W&B evaluates exactly as SQL does. */
  private static final List<String> EXACT_COLUMNS =
      List.of(
          "run_id", "display_name", "state", "group_name", "job_type", "sweep_name", "username");

  private final Random random;
  private final RunsSample sample;
  private final SqlValues values;
  private final LikePatternGenerator likes;
  private final boolean exact;

  /**
   * @param exact whether to generate the flavour that W&B can mostly evaluate exactly
   */
  PredicateGenerator(Random random, RunsSample sample, SqlValues values, boolean exact) {
    this.random = random;
    this.sample = sample;
    this.values = values;
    this.likes = new LikePatternGenerator(random);
    this.exact = exact;
  }

  /**
   * A condition nesting AND, OR and NOT up to {@code depth} levels.
   *
   * @param qualifier prefix of every column reference, e.g. {@code "a."}, or empty
   */
  String predicate(String qualifier, int depth) {
    if (depth == 0 || random.nextInt(100) < 45) {
      return leaf(qualifier);
    }
    int roll = random.nextInt(10);
    if (roll >= 8 && !exact) {
      return "NOT (" + predicate(qualifier, depth - 1) + ")";
    }
    String connective = roll < 4 ? " AND " : " OR ";
    List<String> operands = new ArrayList<>();
    int count = 2 + random.nextInt(2);
    for (int i = 0; i < count; i++) {
      operands.add(predicate(qualifier, depth - 1));
    }
    return "(" + String.join(connective, operands) + ")";
  }

  private String leaf(String qualifier) {
    if (exact) {
      return exactLeaf(qualifier);
    }
    List<Column> columns = sample.columns();
    Column column = columns.get(random.nextInt(columns.size()));
    String ref = qualifier + SqlText.identifier(column.name());
    Kind kind = column.kind();
    int roll = random.nextInt(100);
    if (kind == Kind.TEXT && roll < 25) {
      return like(ref, column);
    }
    if (kind == Kind.BOOLEAN && roll < 25) {
      String test = BOOLEAN_TESTS.get(random.nextInt(BOOLEAN_TESTS.size()));
      return test.equals("NOT ") ? "NOT " + ref : ref + test;
    }
    if (roll < 55) {
      return comparison(ref, column);
    }
    if (roll < 70) {
      return in(ref, column);
    }
    if (roll < 80) {
      return between(ref, column);
    }
    if (roll < 90) {
      return ref + (random.nextBoolean() ? " IS NULL" : " IS NOT NULL");
    }
    if (roll < 95) {
      return ref + " " + pick(COMPARISONS) + " " + values.nullOperand(kind);
    }
    return roll < 98 ? otherColumn(ref, qualifier, column) : computed(ref, column);
  }

  /**
   * Mostly what W&B evaluates exactly; some leaves are not (a comparison, a LIKE), so only part is
   * pushed.
   */
  private String exactLeaf(String qualifier) {
    Column column = sample.column(EXACT_COLUMNS.get(random.nextInt(EXACT_COLUMNS.size())));
    String ref = qualifier + SqlText.identifier(column.name());
    int roll = random.nextInt(100);
    if (roll < 45) {
      String operand = values.operand(column.kind(), values.pick(column));
      return random.nextInt(5) == 0 ? operand + " = " + ref : ref + " = " + operand;
    }
    if (roll < 70) {
      List<String> operands = new ArrayList<>();
      int count = 1 + random.nextInt(4);
      for (int i = 0; i < count; i++) {
        operands.add(values.operand(column.kind(), values.pick(column)));
      }
      return ref + " IN (" + String.join(", ", operands) + ")";
    }
    if (roll < 85) {
      return ref + (random.nextBoolean() ? " IS NULL" : " IS NOT NULL");
    }
    return roll < 90 ? comparison(ref, column) : like(ref, column);
  }

  private String comparison(String ref, Column column) {
    String operator = pick(COMPARISONS);
    String operand = values.operand(column.kind(), values.pick(column));
    if (random.nextInt(5) == 0) {
      return operand + " " + mirrored(operator) + " " + ref;
    }
    return ref + " " + operator + " " + operand;
  }

  private String in(String ref, Column column) {
    boolean join = random.nextInt(20) == 0 && !column.hasNonFinite();
    int count = join ? IN_LIST_JOIN_THRESHOLD + 1 + random.nextInt(5) : 1 + random.nextInt(4);
    List<String> operands = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Object value = values.pick(column);
      if (join && !isFinite(value)) {
        value = 0.5; // Calcite's VALUES of the list are DECIMAL, which holds no NaN or infinity
      }
      if (join) {
        // Literals only: Calcite's VALUES for the list cannot take a BIGINT `?` among decimals.
        operands.add(
            random.nextInt(12) == 0 ? "NULL" : SqlText.literal(value, random.nextBoolean()));
      } else {
        operands.add(
            random.nextInt(12) == 0
                ? values.nullOperand(column.kind())
                : values.operand(column.kind(), value));
      }
    }
    return ref + (random.nextBoolean() ? " NOT IN (" : " IN (") + String.join(", ", operands) + ")";
  }

  private String between(String ref, Column column) {
    Object low = values.pick(column);
    Object high = values.pick(column);
    if (random.nextInt(4) != 0 && compare(low, high) > 0) {
      Object swap = low;
      low = high;
      high = swap;
    }
    return ref
        + (random.nextInt(4) == 0 ? " NOT BETWEEN " : " BETWEEN ")
        + values.operand(column.kind(), low)
        + " AND "
        + values.operand(column.kind(), high);
  }

  private String like(String ref, Column column) {
    LikePatternGenerator.Like like = likes.like((String) values.real(column));
    String escape =
        like.escape() == null ? "" : " ESCAPE " + SqlText.quote(like.escape().toString());
    return ref
        + (random.nextInt(3) == 0 ? " NOT LIKE " : " LIKE ")
        + values.pattern(like.pattern())
        + escape;
  }

  /** A comparison of two columns of one kind: never pushed, it stays in Calcite. */
  private String otherColumn(String ref, String qualifier, Column column) {
    List<Column> sameKind = sample.columns(column.kind());
    Column other = sameKind.get(random.nextInt(sameKind.size()));
    return ref + " " + pick(COMPARISONS) + " " + qualifier + SqlText.identifier(other.name());
  }

  /** A condition on an expression of the column: never pushed. */
  private String computed(String ref, Column column) {
    return switch (column.kind()) {
      case TEXT -> "CHAR_LENGTH(" + ref + ") " + pick(COMPARISONS) + " " + random.nextInt(12);
      case INTEGER, DOUBLE ->
          ref
              + " * 2 "
              + pick(COMPARISONS)
              + " "
              + values.operand(column.kind(), values.pick(column));
      case BOOLEAN -> "COALESCE(" + ref + ", FALSE)";
      case TIMESTAMP ->
          "EXTRACT(HOUR FROM " + ref + ") " + pick(COMPARISONS) + " " + random.nextInt(24);
    };
  }

  private static boolean isFinite(Object value) {
    return !(value instanceof Double number) || Double.isFinite(number);
  }

  private static String mirrored(String operator) {
    return switch (operator) {
      case "<" -> ">";
      case "<=" -> ">=";
      case ">" -> "<";
      case ">=" -> "<=";
      default -> operator;
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    return a.getClass() == b.getClass() ? ((Comparable) a).compareTo(b) : 0;
  }

  private String pick(List<String> choices) {
    return choices.get(random.nextInt(choices.size()));
  }
}
