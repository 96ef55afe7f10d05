package io.github.wandbjdbc.calcite.filter;

import static io.github.wandbjdbc.calcite.filter.RunsFilterFixture.assertJson;
import static io.github.wandbjdbc.calcite.filter.RunsFilterFixture.json;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.AND;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.EQUALS;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.GREATER_THAN;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.IS_NULL;
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

/**
 * A `?` becomes a slot of the pushed filter; building the filter with its value yields exactly the
 * document the literal would have, and no slot ever reaches that document.
 */
class PushedFilterTest {
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
    assertTrue(param.pushed().describe().contains("$slot"), param.pushed().describe());
    assertFalse(literal.pushed().describe().contains("$slot"), literal.pushed().describe());
    assertEquals(List.of(), literal.values());
    assertEquals(literal.remainder().size(), param.remainder().size());
    ObjectNode built = param.pushed().build(new Object[] {c.runtimeValue()});
    assertJson(literal.pushed().build(new Object[0]), built);
    assertFalse(built.toString().contains("$slot"), built.toString());
  }

  @ParameterizedTest(name = "negated: {0}")
  @ValueSource(booleans = {false, true})
  void likeParameterBindsToTheLiteralRegex(boolean negated) {
    Function<RexNode, RexNode> like =
        pattern -> {
          RexNode call = F.call(LIKE, F.ref("state"), pattern, F.str("!"));
          return negated ? F.call(NOT, call) : call;
        };
    ObjectNode literal = F.split(like.apply(F.str("a!%[x]!_%"))).pushed().build(new Object[0]);
    RexNode parameter = F.param(3, SqlTypeName.VARCHAR);
    FilterTranslator.Split split = F.split(like.apply(parameter));
    // The ? is the split's first value: its slot is 0, not parameter 3.
    assertEquals(List.of(parameter), split.values());
    PushedFilter param = split.pushed();
    assertJson(literal, param.build(new Object[] {"a!%[x]!_%"}));
    IllegalArgumentException invalid =
        assertThrows(IllegalArgumentException.class, () -> param.build(new Object[] {"a!b"}));
    assertEquals(
        "the ? parameter value 'a!b' is not a valid LIKE pattern with ESCAPE '!'",
        invalid.getMessage());
  }

  /**
   * A {@code _} makes the regex wider than the LIKE (it also matches a line break), which is right
   * for LIKE and wrong under NOT: there the condition matches nothing, so the {@code $nor} widens.
   */
  @Test
  void likeParameterWithAnUnderscoreIsDroppedUnderNot() {
    RexNode pattern = F.param(0, SqlTypeName.VARCHAR);
    PushedFilter like = F.split(F.call(LIKE, F.ref("state"), pattern)).pushed();
    PushedFilter notLike = F.split(F.call(NOT, F.call(LIKE, F.ref("state"), pattern))).pushed();
    assertJson(json("{'state':{'$regex':'(?s)^a.\\\\z'}}"), like.build(new Object[] {"a_"}));
    assertJson(
        json("{'$nor':[{'state':{'$eq':null,'$ne':null}}]}"), notLike.build(new Object[] {"a_"}));
    assertJson(
        json("{'$nor':[{'state':{'$regex':'(?s)^a.*\\\\z'}}]}"),
        notLike.build(new Object[] {"a%"}));
  }

  @Test
  void nullParameterMakesItsFieldConditionMatchNothing() {
    PushedFilter pushed =
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
    ObjectNode bound = pushed.build(new Object[] {0L, null, null});
    assertJson(
        json(
            "{'created_at':{'$eq':null,'$ne':null},"
                + "'$or':[{'state':{'$eq':null,'$ne':null}},{'state':'done'}]}"),
        bound);
    assertFalse(bound.toString().contains("$slot"), bound.toString());
  }

  /** Each execution gets a document of its own: what one caller does with it cannot leak. */
  @Test
  void everyBuildIsANewDocument() {
    PushedFilter pushed =
        F.split(
                F.call(
                    AND,
                    F.call(EQUALS, F.ref("state"), F.param(0, SqlTypeName.VARCHAR)),
                    F.in(F.ref("config.epochs"), F.bigint(1), F.bigint(2)),
                    F.call(IS_NULL, F.ref("run_id"))))
            .pushed();
    String before = pushed.describe();
    ObjectNode first = pushed.build(new Object[] {"x"});
    ((ObjectNode) first.get("config.epochs")).withArray("$in").add(3);
    first.put("state", "changed");
    assertJson(
        json("{'state':'y','config.epochs':{'$in':[1,2]},'name':null}"),
        pushed.build(new Object[] {"y"}));
    assertEquals(before, pushed.describe());
  }

  @Test
  void valueOfTheWrongTypeIsRejected() {
    PushedFilter bigint =
        F.split(F.call(GREATER_THAN, F.ref("config.epochs"), F.param(0, SqlTypeName.BIGINT)))
            .pushed();
    IllegalArgumentException fraction =
        assertThrows(
            IllegalArgumentException.class,
            () -> bigint.build(new Object[] {new BigDecimal("2.5")}));
    assertEquals(
        "a ? parameter has the BigDecimal value 2.5, which cannot be compared as BIGINT",
        fraction.getMessage());
    IllegalArgumentException text =
        assertThrows(IllegalArgumentException.class, () -> bigint.build(new Object[] {"7"}));
    assertEquals(
        "a ? parameter has the String value 7, which cannot be compared as BIGINT",
        text.getMessage());
  }

  /** NaN and infinities have no JSON form: their condition widens, under $nor as well. */
  @Test
  void nonFiniteDoubleCannotNarrow() {
    RexNode lessThan =
        F.call(LESS_THAN_OR_EQUAL, F.ref("config.lr"), F.param(0, SqlTypeName.DOUBLE));
    PushedFilter positive =
        F.split(F.call(AND, lessThan, F.call(EQUALS, F.ref("state"), F.str("done")))).pushed();
    assertJson(json("{'state':'done'}"), positive.build(new Object[] {Double.POSITIVE_INFINITY}));
    PushedFilter negated = F.split(F.call(NOT, lessThan)).pushed();
    assertJson(
        json("{'$nor':[{'config.lr':{'$eq':null,'$ne':null}}]}"),
        negated.build(new Object[] {Double.NaN}));
    assertJson(json("{'$nor':[{'config.lr':{'$lte':1.5}}]}"), negated.build(new Object[] {1.5}));
  }
}
