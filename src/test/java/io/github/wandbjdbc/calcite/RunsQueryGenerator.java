package io.github.wandbjdbc.calcite;

import io.github.wandbjdbc.calcite.RunsSample.Column;
import io.github.wandbjdbc.calcite.RunsSample.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates queries over {@code runs} from a seed: filtered selections, total ORDER BYs with LIMIT
 * / OFFSET (a third of those by a DOUBLE column first), COUNT(*), GROUP BY, other aggregates, and
 * self-joins, unions and subqueries; a quarter of them with {@code ?} parameters. Rows are only
 * limited under an order that is total (ending with {@code run_id}, or on the distinct {@code
 * created_at}) or under an aggregate, so every query has one right answer.
 */
final class RunsQueryGenerator {
  private static final List<String> JSON_COLUMNS = List.of("config", "summary", "system_metrics");
  private static final List<String> GROUP_KEYS =
      List.of(
          "state",
          "group_name",
          "job_type",
          "username",
          "config.optimizer",
          "config.use_amp",
          "config.warmup",
          "config.epochs");
  private static final List<String> JOIN_KEYS =
      List.of("group_name", "group_name", "run_id", "state", "config.optimizer");

  /** Percentage of queries whose conditions W&B can mostly evaluate exactly. */
  private static final int EXACT_SHARE = 35;

  private final RunsSample sample;

  RunsQueryGenerator(RunsSample sample) {
    this.sample = sample;
  }

  GeneratedQuery generate(long seed) {
    Random random = new Random(seed);
    SqlValues values = new SqlValues(random, sample, random.nextInt(4) == 0 ? 0.5 : 0);
    boolean exact = random.nextInt(100) < EXACT_SHARE;
    Builder query =
        new Builder(random, values, new PredicateGenerator(random, sample, values, exact));
    int roll = random.nextInt(100);
    String shape;
    String sql;
    boolean ordered = false;
    if (roll < 28) {
      shape = "select";
      sql = "SELECT " + query.selectList("") + " FROM runs" + query.where("");
    } else if (roll < 53) {
      shape = "ordered";
      sql =
          "SELECT "
              + query.selectList("")
              + " FROM runs"
              + query.where("")
              + query.orderBy()
              + query.limit();
      ordered = true;
    } else if (roll < 73) {
      shape = "count";
      sql = "SELECT COUNT(*) FROM runs" + query.where("");
    } else if (roll < 80) {
      shape = "group";
      sql = query.groupBy();
      ordered = sql.contains("ORDER BY");
    } else if (roll < 88) {
      shape = "aggregate";
      sql = query.aggregate();
    } else {
      shape = "join";
      sql = query.join();
      ordered = sql.contains("ORDER BY");
    }
    return new GeneratedQuery(seed, shape, sql, values.parameters(), ordered);
  }

  /** The clauses of one query, drawn from one Random. */
  private final class Builder {
    private final Random random;
    private final SqlValues values;
    private final PredicateGenerator predicates;

    Builder(Random random, SqlValues values, PredicateGenerator predicates) {
      this.random = random;
      this.values = values;
      this.predicates = predicates;
    }

    String where(String qualifier) {
      return random.nextInt(10) == 0 ? "" : " WHERE " + condition(qualifier);
    }

    String condition(String qualifier) {
      return predicates.predicate(qualifier, random.nextInt(4));
    }

    /** {@code *}, or a few columns, sometimes with the JSON columns. */
    String selectList(String qualifier) {
      if (random.nextInt(7) == 0) {
        return qualifier + "*";
      }
      Set<String> names = new LinkedHashSet<>();
      int count = 1 + random.nextInt(5);
      for (int i = 0; i < count; i++) {
        names.add(randomColumn().name());
      }
      if (random.nextInt(4) == 0) {
        names.add(JSON_COLUMNS.get(random.nextInt(JSON_COLUMNS.size())));
      }
      List<String> refs = new ArrayList<>();
      names.forEach(name -> refs.add(qualifier + SqlText.identifier(name)));
      return String.join(", ", refs);
    }

    /** A total order: run_id alone, created_at alone (distinct per run), or keys then run_id. */
    String orderBy() {
      int roll = random.nextInt(100);
      if (roll < 25) {
        return " ORDER BY run_id" + direction();
      }
      if (roll < 45) {
        return " ORDER BY created_at" + direction();
      }
      List<String> keys = new ArrayList<>();
      int count = 1 + random.nextInt(2);
      for (int i = 0; i < count; i++) {
        // A third of the orders start with a DOUBLE column, where NaN and infinities sort.
        Column column = i == 0 && random.nextInt(3) == 0 ? doubleColumn() : randomColumn();
        String nulls =
            switch (random.nextInt(3)) {
              case 0 -> " NULLS FIRST";
              case 1 -> " NULLS LAST";
              default -> "";
            };
        keys.add(SqlText.identifier(column.name()) + direction() + nulls);
      }
      keys.add("run_id" + direction());
      return " ORDER BY " + String.join(", ", keys);
    }

    private String direction() {
      return switch (random.nextInt(3)) {
        case 0 -> " ASC";
        case 1 -> " DESC";
        default -> "";
      };
    }

    /** Nothing, LIMIT [OFFSET], OFFSET alone, or OFFSET ... FETCH. */
    String limit() {
      int fetch = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(15);
      int offset = random.nextInt(3) == 0 ? random.nextInt(120) : 0;
      return switch (random.nextInt(5)) {
        case 0 -> "";
        case 1 -> " OFFSET " + offset + " ROWS";
        case 2 -> " OFFSET " + offset + " ROWS FETCH NEXT " + fetch + " ROWS ONLY";
        default -> " LIMIT " + fetch + (offset > 0 ? " OFFSET " + offset : "");
      };
    }

    /** Grouped by a usual key, any column, or a DOUBLE column (NaN groups with NaN). */
    String groupBy() {
      Column column =
          switch (random.nextInt(6)) {
            case 0 -> randomColumn();
            case 1 -> doubleColumn();
            default -> sample.column(GROUP_KEYS.get(random.nextInt(GROUP_KEYS.size())));
          };
      String key = SqlText.identifier(column.name());
      String sql = "SELECT " + key + ", COUNT(*) FROM runs" + where("") + " GROUP BY " + key;
      if (random.nextInt(4) == 0) {
        sql += " HAVING COUNT(*) > " + random.nextInt(3);
      }
      if (random.nextInt(3) == 0) {
        // The group key is unique per row, so it orders the groups totally.
        sql +=
            " ORDER BY 1"
                + direction()
                + (random.nextBoolean() ? " NULLS FIRST" : " NULLS LAST")
                + " LIMIT "
                + (1 + random.nextInt(4));
      }
      return sql;
    }

    String aggregate() {
      Column column = randomColumn();
      String ref = SqlText.identifier(column.name());
      return switch (random.nextInt(3)) {
        case 0 ->
            "SELECT COUNT(*), COUNT("
                + ref
                + ")"
                + (column.kind() == Kind.BOOLEAN ? "" : ", MIN(" + ref + "), MAX(" + ref + ")")
                + " FROM runs"
                + where("");
        case 1 -> "SELECT DISTINCT " + ref + " FROM runs" + where("");
        default ->
            "SELECT COUNT(*) FROM (SELECT run_id FROM runs"
                + where("")
                + " LIMIT "
                + random.nextInt(40)
                + (random.nextBoolean() ? " OFFSET " + random.nextInt(60) : "")
                + ")";
      };
    }

    /** A self-join on a shared key, a union, or an IN / EXISTS subquery. */
    String join() {
      String key = SqlText.identifier(JOIN_KEYS.get(random.nextInt(JOIN_KEYS.size())));
      switch (random.nextInt(5)) {
        case 0, 1 -> {
          boolean left = random.nextInt(3) == 0;
          String sql =
              "SELECT a.run_id, b.run_id, "
                  + selectList("a.")
                  + " FROM runs a "
                  + (left ? "LEFT JOIN" : "JOIN")
                  + " runs b ON a."
                  + key
                  + " = b."
                  + key
                  + (random.nextBoolean() ? " AND " + condition("b.") : "")
                  + where("a.");
          if (random.nextInt(3) == 0) {
            sql +=
                " ORDER BY a.run_id"
                    + direction()
                    + ", b.run_id"
                    + direction()
                    + " NULLS FIRST"
                    + " LIMIT "
                    + (1 + random.nextInt(20));
          }
          return sql;
        }
        case 2 -> {
          return "SELECT run_id, state FROM runs"
              + where("")
              + " UNION ALL SELECT run_id, state"
              + " FROM runs"
              + where("");
        }
        case 3 -> {
          return "SELECT run_id, "
              + key
              + " FROM runs WHERE "
              + key
              + (random.nextBoolean() ? " IN" : " NOT IN")
              + " (SELECT "
              + key
              + " FROM runs"
              + where("")
              + ")";
        }
        default -> {
          return "SELECT a.run_id FROM runs a WHERE "
              + (random.nextBoolean() ? "" : "NOT ")
              + "EXISTS (SELECT 1 FROM runs b WHERE b."
              + key
              + " = a."
              + key
              + " AND b.run_id <> "
              + "a.run_id AND "
              + condition("b.")
              + ")"
              + (random.nextBoolean() ? " AND " + condition("a.") : "");
        }
      }
    }

    private Column doubleColumn() {
      List<Column> columns = sample.columns(Kind.DOUBLE);
      return columns.get(random.nextInt(columns.size()));
    }

    private Column randomColumn() {
      List<Column> columns = sample.columns();
      return columns.get(random.nextInt(columns.size()));
    }
  }
}
