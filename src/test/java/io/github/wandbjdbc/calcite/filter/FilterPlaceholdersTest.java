package io.github.wandbjdbc.calcite.filter;

import static io.github.wandbjdbc.calcite.filter.RunsFilterFixture.assertJson;
import static io.github.wandbjdbc.calcite.filter.RunsFilterFixture.json;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.AND;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.EQUALS;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.GREATER_THAN;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.LESS_THAN_OR_EQUAL;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.LIKE;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.NOT;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.NOT_EQUALS;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.OR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A `?` becomes a placeholder; binding it yields exactly the filter the literal would have. */
class FilterPlaceholdersTest {
  private static final RunsFilterFixture F = new RunsFilterFixture();

  /** One comparison written with a literal and with `?` bound to a runtime value. */
  record Case(
      String name,
      SqlOperator operator,
      String field,
      RexNode literal,
      SqlTypeName paramType,
      Object runtimeValue) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("string =", EQUALS, "state", F.str("running"), SqlTypeName.VARCHAR, "running"),
        new Case(
            "string <>", NOT_EQUALS, "state", F.str("running"), SqlTypeName.VARCHAR, "running"),
        new Case(
            "bigint from Integer",
            GREATER_THAN,
            "config.epochs",
            F.bigint(7),
            SqlTypeName.BIGINT,
            7),
        new Case(
            "bigint from Long", GREATER_THAN, "config.epochs", F.bigint(7), SqlTypeName.BIGINT, 7L),
        new Case(
            "double from BigDecimal",
            GREATER_THAN,
            "config.lr",
            F.dbl(0.1),
            SqlTypeName.DOUBLE,
            new BigDecimal("0.1")),
        new Case("double from Double", EQUALS, "config.lr", F.dbl(0.1), SqlTypeName.DOUBLE, 0.1d),
        new Case(
            "double from Integer",
            LESS_THAN_OR_EQUAL,
            "config.lr",
            F.dbl(2),
            SqlTypeName.DOUBLE,
            2),
        new Case(
            "boolean", EQUALS, "config.flag", F.rex.makeLiteral(true), SqlTypeName.BOOLEAN, true),
        new Case(
            "timestamp from epoch millis",
            GREATER_THAN,
            "created_at",
            F.ts("2024-05-06 07:08:09.500"),
            SqlTypeName.TIMESTAMP,
            1714979289500L),
        new Case(
            "timestamp =",
            EQUALS,
            "created_at",
            F.ts("2024-05-06 07:08:09"),
            SqlTypeName.TIMESTAMP,
            1714979289000L),
        new Case(
            "timestamp from java.sql.Timestamp (wall clock)",
            LESS_THAN_OR_EQUAL,
            "created_at",
            F.ts("2024-05-06 07:08:09"),
            SqlTypeName.TIMESTAMP,
            Timestamp.valueOf(LocalDateTime.of(2024, 5, 6, 7, 8, 9))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void boundParameterEqualsLiteral(Case c) {
    RexNode withLiteral = F.call(c.operator(), F.ref(c.field()), c.literal());
    RexNode withParam = F.call(c.operator(), F.ref(c.field()), F.param(0, c.paramType()));
    FilterTranslator.Split literal = F.split(withLiteral);
    FilterTranslator.Split param = F.split(withParam);
    assertTrue(FilterPlaceholders.hasPlaceholders(param.pushed()));
    assertFalse(FilterPlaceholders.hasPlaceholders(literal.pushed()));
    assertEquals(literal.remainder().size(), param.remainder().size());
    assertJson(literal.pushed(), FilterPlaceholders.bind(param.pushed(), i -> c.runtimeValue()));
  }

  @ParameterizedTest(name = "negated: {0}")
  @ValueSource(booleans = {false, true})
  void likeParameterBindsToTheLiteralRegex(boolean negated) {
    Function<RexNode, RexNode> like =
        pattern -> {
          RexNode call = F.call(LIKE, F.ref("state"), pattern, F.str("!"));
          return negated ? F.call(NOT, call) : call;
        };
    ObjectNode literal = F.split(like.apply(F.str("a!%[x]!_%"))).pushed();
    RexNode parameter = F.param(3, SqlTypeName.VARCHAR);
    FilterTranslator.Split split = F.split(like.apply(parameter));
    // The ? is the split's first value: its placeholder names slot 0, not parameter 3.
    assertEquals(List.of(parameter), split.values());
    ObjectNode param = split.pushed();
    assertJson(literal, FilterPlaceholders.bind(param, i -> i == 0 ? "a!%[x]!_%" : null));
    assertThrows(IllegalArgumentException.class, () -> FilterPlaceholders.bind(param, i -> "a!b"));
  }

  /**
   * A {@code _} makes the regex wider than the LIKE (it also matches a line break), which is right
   * for LIKE and wrong under NOT: there the condition matches nothing, so the {@code $nor} widens.
   */
  @Test
  void likeParameterWithAnUnderscoreIsDroppedUnderNot() {
    RexNode pattern = F.param(0, SqlTypeName.VARCHAR);
    ObjectNode like = F.split(F.call(LIKE, F.ref("state"), pattern)).pushed();
    ObjectNode notLike = F.split(F.call(NOT, F.call(LIKE, F.ref("state"), pattern))).pushed();
    assertJson(
        json("{'state':{'$regex':'(?s)^a.\\\\z'}}"), FilterPlaceholders.bind(like, i -> "a_"));
    assertJson(
        json("{'$nor':[{'state':{'$eq':null,'$ne':null}}]}"),
        FilterPlaceholders.bind(notLike, i -> "a_"));
    assertJson(
        json("{'$nor':[{'state':{'$regex':'(?s)^a.*\\\\z'}}]}"),
        FilterPlaceholders.bind(notLike, i -> "a%"));
  }

  @Test
  void nullParameterMakesItsFieldConditionMatchNothing() {
    ObjectNode pushed =
        F.split(
                F.call(
                    AND,
                    F.call(GREATER_THAN, F.ref("created_at"), F.param(0, SqlTypeName.TIMESTAMP)),
                    F.call(
                        LESS_THAN_OR_EQUAL, F.ref("created_at"), F.param(1, SqlTypeName.TIMESTAMP)),
                    F.call(
                        OR,
                        F.call(EQUALS, F.ref("state"), F.param(2, SqlTypeName.VARCHAR)),
                        F.call(EQUALS, F.ref("state"), F.str("done")))))
            .pushed();
    ObjectNode bound = FilterPlaceholders.bind(pushed, i -> i == 0 ? 0L : null);
    assertJson(
        json(
            "{'created_at':{'$eq':null,'$ne':null},"
                + "'$or':[{'state':{'$eq':null,'$ne':null}},{'state':'done'}]}"),
        bound);
    assertFalse(FilterPlaceholders.hasPlaceholders(bound));
  }

  @Test
  void bindLeavesTheInputUntouched() {
    ObjectNode pushed =
        F.split(F.call(EQUALS, F.ref("state"), F.param(0, SqlTypeName.VARCHAR))).pushed();
    String before = pushed.toString();
    FilterPlaceholders.bind(pushed, i -> "x");
    assertEquals(before, pushed.toString());
  }

  @Test
  void valueOfTheWrongTypeIsRejected() {
    ObjectNode bigint =
        F.split(F.call(GREATER_THAN, F.ref("config.epochs"), F.param(0, SqlTypeName.BIGINT)))
            .pushed();
    IllegalArgumentException fraction =
        assertThrows(
            IllegalArgumentException.class,
            () -> FilterPlaceholders.bind(bigint, i -> new BigDecimal("2.5")));
    assertEquals(
        "a ? parameter has the BigDecimal value 2.5, which cannot be compared as BIGINT",
        fraction.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FilterPlaceholders.bind(bigint, i -> "7"));
  }

  /** NaN and infinities have no JSON form: their condition widens, under $nor as well. */
  @Test
  void nonFiniteDoubleCannotNarrow() {
    RexNode lessThan =
        F.call(LESS_THAN_OR_EQUAL, F.ref("config.lr"), F.param(0, SqlTypeName.DOUBLE));
    ObjectNode positive =
        F.split(F.call(AND, lessThan, F.call(EQUALS, F.ref("state"), F.str("done")))).pushed();
    assertJson(
        json("{'state':'done'}"), FilterPlaceholders.bind(positive, i -> Double.POSITIVE_INFINITY));
    ObjectNode negated = F.split(F.call(NOT, lessThan)).pushed();
    assertJson(
        json("{'$nor':[{'config.lr':{'$eq':null,'$ne':null}}]}"),
        FilterPlaceholders.bind(negated, i -> Double.NaN));
    assertJson(
        json("{'$nor':[{'config.lr':{'$lte':1.5}}]}"), FilterPlaceholders.bind(negated, i -> 1.5));
  }
}
