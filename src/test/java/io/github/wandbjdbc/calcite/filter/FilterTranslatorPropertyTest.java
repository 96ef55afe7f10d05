package io.github.wandbjdbc.calcite.filter;

import static org.apache.calcite.sql.fun.SqlStdOperatorTable.AND;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.EQUALS;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.GREATER_THAN;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.GREATER_THAN_OR_EQUAL;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.IS_FALSE;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.IS_NOT_NULL;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.IS_NOT_TRUE;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.IS_NULL;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.IS_TRUE;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.LESS_THAN;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.LESS_THAN_OR_EQUAL;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.LIKE;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.NOT;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.NOT_EQUALS;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.OR;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.UPPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.calcite.MongoFilterSemantics;
import io.github.wandbjdbc.calcite.SqlTruth;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.TimestampString;
import org.junit.jupiter.api.Test;

/**
 * Generated (condition, row) pairs: SQL's three-valued answer (plain Java) against the pushed
 * filter under MongoDB semantics over rows that include missing keys, nulls, mistyped values,
 * arrays and objects in the discovered columns. Whenever SQL says TRUE the filter must match; the
 * pushed filter plus the remainder must give exactly SQL's answer; an exact split must agree alone.
 */
class FilterTranslatorPropertyTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> STRINGS =
      List.of(
          "a", "b", "ab", "a%b", "a_b", "x\ny", "ab\n", "", "A", "a.b", "a\\b", "(", "finished");
  private static final List<String> PATTERNS =
      List.of("a%", "%b", "a_b", "_", "%", "a.b", "a\\b", "x%y", "ab", "(%", "a!%b", "%!_%");
  private static final List<Double> DOUBLES = List.of(0.1, 0.5, 1.0, 2.0, 5.0);
  private static final List<Long> LONGS = List.of(1L, 2L, 5L, 10L);
  private static final long BASE = Instant.parse("2024-03-01T12:00:00Z").toEpochMilli();
  private static final List<Long> INSTANTS =
      List.of(
          BASE - 1000, BASE - 500, BASE, BASE + 300, BASE + 1000, BASE + 1999, BASE + 86_400_000L);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private final RunsFilterFixture f = new RunsFilterFixture();
  private final Random random = new Random(20241126L);
  private final List<Object> parameters = new ArrayList<>();

  /** A row as SQL sees it and as W&B holds it. */
  record Row(Object[] sql, ObjectNode wandb) {}

  @Test
  void pushedFilterIsASupersetAndTheSplitIsExact() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      rows.add(row());
    }
    int pushed = 0;
    int exact = 0;
    int checked = 0;
    for (int i = 0; i < 400; i++) {
      parameters.clear();
      RexNode condition = condition(2);
      if (random.nextBoolean()) {
        condition = f.simplified(condition);
      }
      FilterTranslator.Split split = f.split(condition);
      Object[] values =
          split.values().stream()
              .map(value -> parameters.get(((RexDynamicParam) value).getIndex()))
              .toArray();
      ObjectNode filter = split.pushed() == null ? null : split.pushed().build(values);
      pushed += filter == null ? 0 : 1;
      exact += split.exact() && filter != null ? 1 : 0;
      for (Row row : rows) {
        SqlTruth sql = new SqlTruth(row.sql(), parameters.toArray());
        boolean selected = Boolean.TRUE.equals(sql.truth(condition));
        boolean matched = filter == null || MongoFilterSemantics.matches(filter, row.wandb());
        boolean kept = split.remainder().stream().allMatch(r -> Boolean.TRUE.equals(sql.truth(r)));
        String where =
            condition + " params " + parameters + "\nfilter " + filter + "\nrow " + row.wandb();
        if (selected && !matched) {
          fail("pushed filter lost a row: " + where);
        }
        assertEquals(
            selected, matched && kept, () -> "filter + remainder disagree with SQL: " + where);
        if (split.exact()) {
          assertEquals(selected, matched, () -> "exact filter disagrees with SQL: " + where);
        }
        checked++;
      }
    }
    assertEquals(400 * 60, checked);
    assertTrue(pushed > 150, "only " + pushed + " conditions pushed");
    assertTrue(exact > 10, "only " + exact + " exact splits");
  }

  private RexNode condition(int depth) {
    int choice = random.nextInt(depth > 0 ? 10 : 7);
    switch (choice) {
      case 7:
        return f.call(random.nextBoolean() ? AND : OR, condition(depth - 1), condition(depth - 1));
      case 8:
        return f.call(NOT, condition(depth - 1));
      case 9:
        return f.call(OR, condition(depth - 1), condition(depth - 1), condition(depth - 1));
      default:
        return leaf();
    }
  }

  private RexNode leaf() {
    String field =
        pick(
            List.of(
                "run_id",
                "state",
                "created_at",
                "config.lr",
                "config.epochs",
                "summary.acc",
                "notes",
                "config.flag",
                "config.opt"));
    SqlTypeName type = RunsFilterFixture.FIELDS.get(RunsFilterFixture.NAMES.indexOf(field)).type();
    RexNode ref = f.ref(field);
    switch (random.nextInt(8)) {
      case 0:
        return f.call(random.nextBoolean() ? IS_NULL : IS_NOT_NULL, ref);
      case 1:
        if (type == SqlTypeName.VARCHAR) {
          RexNode like =
              random.nextBoolean()
                  ? f.call(LIKE, ref, f.str(pick(PATTERNS)))
                  : f.call(LIKE, ref, f.str(pick(PATTERNS)), f.str("!"));
          return random.nextBoolean() ? f.call(NOT, like) : like;
        }
        if (type == SqlTypeName.BOOLEAN) {
          return f.call(pick(List.of(IS_TRUE, IS_FALSE, IS_NOT_TRUE, NOT)), ref);
        }
        return f.call(EQUALS, f.call(UPPER, f.ref("state")), f.str("A"));
      case 2:
        RexNode in = f.in(ref, value(type, false), value(type, false), value(type, false));
        return random.nextBoolean() ? f.call(NOT, in) : in;
      case 3:
        if (type == SqlTypeName.BOOLEAN) {
          return ref;
        }
        return f.call(
            AND,
            f.call(GREATER_THAN_OR_EQUAL, ref, value(type, false)),
            f.call(LESS_THAN_OR_EQUAL, ref, value(type, false)));
      default:
        SqlOperator op =
            pick(
                List.of(
                    EQUALS,
                    NOT_EQUALS,
                    LESS_THAN,
                    LESS_THAN_OR_EQUAL,
                    GREATER_THAN,
                    GREATER_THAN_OR_EQUAL));
        RexNode value = value(type, true);
        return random.nextBoolean() ? f.call(op, ref, value) : f.call(op, value, ref);
    }
  }

  /** A literal of the field's type, or (when allowed) a `?` whose runtime value is recorded. */
  private RexNode value(SqlTypeName type, boolean parameterAllowed) {
    boolean parameter = parameterAllowed && random.nextInt(4) == 0;
    Object runtime;
    RexNode literal;
    switch (type) {
      case VARCHAR:
        {
          String s = pick(STRINGS);
          runtime = s;
          literal = f.str(s);
          break;
        }
      case DOUBLE:
        {
          double d = pick(DOUBLES);
          runtime = d;
          literal = f.dbl(d);
          break;
        }
      case BIGINT:
        {
          long l = pick(LONGS);
          runtime = l;
          literal = f.bigint(l);
          break;
        }
      case BOOLEAN:
        {
          boolean b = random.nextBoolean();
          runtime = b;
          literal = f.rex.makeLiteral(b);
          break;
        }
      default:
        {
          long millis = pick(INSTANTS) + pick(List.of(0L, 250L, -1000L));
          runtime = millis;
          literal = f.rex.makeTimestampLiteral(TimestampString.fromMillisSinceEpoch(millis), 3);
          break;
        }
    }
    if (!parameter) {
      return literal;
    }
    parameters.add(random.nextInt(8) == 0 ? null : runtime);
    return f.param(parameters.size() - 1, type);
  }

  private Row row() {
    Object[] sql = new Object[RunsFilterFixture.NAMES.size()];
    ObjectNode wandb = JSON.objectNode();
    String runId = pick(STRINGS);
    sql[0] = runId;
    wandb.put("name", runId);
    String state = random.nextInt(4) == 0 ? null : pick(STRINGS);
    sql[1] = state;
    exactValue(wandb, "state", state == null ? null : JSON.textNode(state));
    Long created = random.nextInt(5) == 0 ? null : pick(INSTANTS);
    sql[2] = created;
    exactValue(
        wandb,
        "created_at",
        created == null
            ? null
            : JSON.textNode(
                (created % 1000 == 0 ? SECONDS : MILLIS).format(Instant.ofEpochMilli(created))));
    sql[3] = discovered(wandb, "config.lr", SqlTypeName.DOUBLE);
    sql[4] = discovered(wandb, "config.epochs", SqlTypeName.BIGINT);
    sql[5] = discovered(wandb, "summary_metrics.acc", SqlTypeName.DOUBLE);
    sql[6] = random.nextBoolean() ? null : pick(STRINGS);
    sql[7] = discovered(wandb, "config.flag", SqlTypeName.BOOLEAN);
    sql[8] = discovered(wandb, "config.opt", SqlTypeName.VARCHAR);
    return new Row(sql, wandb);
  }

  /** A fixed column: missing or null when SQL sees NULL, else exactly SQL's value. */
  private void exactValue(ObjectNode wandb, String key, JsonNode value) {
    if (value != null) {
      wandb.set(key, value);
    } else if (random.nextBoolean()) {
      wandb.putNull(key);
    }
  }

  /**
   * A discovered column: W&B may hold anything; SQL sees a scalar of the column's type (an integral
   * number for BIGINT, any number for DOUBLE) and NULL for everything else.
   */
  private Object discovered(ObjectNode wandb, String key, SqlTypeName type) {
    ArrayNode array = JSON.arrayNode();
    JsonNode value =
        switch (random.nextInt(12)) {
          case 0 -> null;
          case 1 -> JSON.nullNode();
          case 2 -> JSON.textNode(pick(STRINGS));
          case 3 -> JSON.numberNode(pick(LONGS));
          case 4 -> JSON.numberNode(pick(DOUBLES));
          case 5 -> JSON.numberNode(2.5);
          case 6 -> JSON.booleanNode(random.nextBoolean());
          case 7 ->
              array
                  .add(pick(LONGS))
                  .add(pick(DOUBLES))
                  .add(pick(STRINGS))
                  .add(random.nextBoolean());
          case 8 -> array.addNull().add(pick(STRINGS));
          case 9 -> JSON.objectNode().put("value", 1);
          default -> typed(type);
        };
    if (value != null) {
      wandb.set(key, value);
    }
    if (value == null || value.isNull()) {
      return null;
    }
    switch (type) {
      case DOUBLE:
        return value.isNumber() ? value.doubleValue() : null;
      case BIGINT:
        return value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue())
            ? value.doubleValue()
            : null;
      case BOOLEAN:
        return value.isBoolean() ? value.booleanValue() : null;
      default:
        return value.isTextual() ? value.textValue() : null;
    }
  }

  private JsonNode typed(SqlTypeName type) {
    switch (type) {
      case DOUBLE:
        return JSON.numberNode(pick(DOUBLES));
      case BIGINT:
        return JSON.numberNode(pick(LONGS));
      case BOOLEAN:
        return JSON.booleanNode(random.nextBoolean());
      default:
        return JSON.textNode(pick(STRINGS));
    }
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
