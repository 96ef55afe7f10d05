package io.github.wandbjdbc.calcite.filter;

import static io.github.wandbjdbc.calcite.filter.RunsFilterFixture.assertJson;
import static io.github.wandbjdbc.calcite.filter.RunsFilterFixture.json;
import static io.github.wandbjdbc.calcite.filter.RunsFilterFixture.nor;
import static io.github.wandbjdbc.calcite.filter.RunsFilterFixture.pushedJson;
import static io.github.wandbjdbc.calcite.filter.RunsFilterFixture.regexFilter;
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
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.SIMILAR_TO;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.UPPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hand-built conditions: the exact filter pushed, how many conjuncts stay, and exactness. */
class FilterTranslatorTest {

  /** expected == null means "nothing pushed". */
  record Case(
      String name,
      Function<RunsFilterFixture, RexNode> condition,
      JsonNode expected,
      int remainder) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case pushed(
      String name, Function<RunsFilterFixture, RexNode> condition, String expected, int remainder) {
    return new Case(name, condition, json(expected), remainder);
  }

  private static Case notPushed(String name, Function<RunsFilterFixture, RexNode> condition) {
    return new Case(name, condition, null, 1);
  }

  static Stream<Case> cases() {
    return Stream.of(
        pushed(
            "= on a fixed column is exact",
            f -> f.call(EQUALS, f.ref("state"), f.str("finished")),
            "{'state':'finished'}",
            0),
        pushed(
            "literal = field",
            f -> f.call(EQUALS, f.str("finished"), f.ref("state")),
            "{'state':'finished'}",
            0),
        pushed(
            "run_id maps to name",
            f -> f.call(EQUALS, f.ref("run_id"), f.str("ab12")),
            "{'name':'ab12'}",
            0),
        pushed(
            "<> is $ne, kept",
            f -> f.call(NOT_EQUALS, f.ref("state"), f.str("x")),
            "{'state':{'$ne':'x'}}",
            1),
        notPushed("string < is never pushed", f -> f.call(LESS_THAN, f.ref("state"), f.str("m"))),
        notPushed(
            "string >= is never pushed",
            f -> f.call(GREATER_THAN_OR_EQUAL, f.ref("config.opt"), f.str("m"))),
        pushed(
            "> on a discovered double",
            f -> f.call(GREATER_THAN, f.ref("config.lr"), f.dbl(0.1)),
            "{'config.lr':{'$gt':0.1}}",
            1),
        pushed(
            "literal < field is reversed",
            f -> f.call(LESS_THAN, f.dbl(0.1), f.ref("config.lr")),
            "{'config.lr':{'$gt':0.1}}",
            1),
        pushed(
            ">= bigint",
            f -> f.call(GREATER_THAN_OR_EQUAL, f.ref("config.epochs"), f.bigint(5)),
            "{'config.epochs':{'$gte':5}}",
            1),
        pushed(
            "<= bigint from a double literal that is integral",
            f -> f.call(LESS_THAN_OR_EQUAL, f.ref("config.epochs"), f.dbl(5)),
            "{'config.epochs':{'$lte':5}}",
            1),
        pushed(
            "summary key",
            f -> f.call(LESS_THAN, f.ref("summary.acc"), f.decimal("0.5")),
            "{'summary_metrics.acc':{'$lt':0.5}}",
            1),
        pushed(
            "integer literal against a double field",
            f -> f.call(EQUALS, f.ref("config.lr"), f.bigint(1)),
            "{'config.lr':1.0}",
            1),
        pushed(
            "CAST of a literal is reduced",
            f ->
                f.call(
                    EQUALS,
                    f.ref("config.lr"),
                    f.rex.makeAbstractCast(
                        SqlParserPos.ZERO,
                        f.types.createSqlType(SqlTypeName.DOUBLE),
                        f.decimal("0.1"),
                        false)),
            "{'config.lr':0.1}",
            1),
        notPushed(
            "fraction against bigint",
            f -> f.call(EQUALS, f.ref("config.epochs"), f.decimal("2.5"))),
        notPushed(
            "number against a string field", f -> f.call(EQUALS, f.ref("state"), f.bigint(5))),
        notPushed(
            "string against a number field",
            f -> f.call(EQUALS, f.ref("config.epochs"), f.str("5"))),
        notPushed("field without a filter key", f -> f.call(EQUALS, f.ref("notes"), f.str("x"))),
        notPushed(
            "function around the field",
            f -> f.call(EQUALS, f.call(UPPER, f.ref("state")), f.str("X"))),
        notPushed(
            "CAST around the field",
            f ->
                f.call(
                    EQUALS,
                    f.rex.makeCast(
                        f.types.createSqlType(SqlTypeName.DOUBLE), f.ref("config.epochs")),
                    f.dbl(1))),
        notPushed("field = field", f -> f.call(EQUALS, f.ref("state"), f.ref("config.opt"))),
        pushed(
            "IS NULL on a fixed column", f -> f.call(IS_NULL, f.ref("state")), "{'state':null}", 0),
        pushed(
            "IS NOT NULL on a fixed column",
            f -> f.call(IS_NOT_NULL, f.ref("state")),
            "{'state':{'$ne':null}}",
            0),
        notPushed("IS NULL on a discovered column", f -> f.call(IS_NULL, f.ref("config.lr"))),
        pushed(
            "IS NOT NULL on a discovered column",
            f -> f.call(IS_NOT_NULL, f.ref("config.lr")),
            "{'config.lr':{'$ne':null}}",
            1),
        pushed(
            "timestamp >",
            f -> f.call(GREATER_THAN, f.ref("created_at"), f.ts("2024-03-01 12:00:00")),
            "{'created_at':{'$gt':'2024-03-01T11:59:59'}}",
            1),
        pushed(
            "timestamp >=",
            f -> f.call(GREATER_THAN_OR_EQUAL, f.ref("created_at"), f.ts("2024-03-01 00:00:00")),
            "{'created_at':{'$gte':'2024-02-29T23:59:59'}}",
            1),
        pushed(
            "timestamp <",
            f -> f.call(LESS_THAN, f.ref("created_at"), f.ts("2024-12-31 23:59:59")),
            "{'created_at':{'$lt':'2025-01-01T00:00:00'}}",
            1),
        pushed(
            "timestamp <= with millis rounds up",
            f -> f.call(LESS_THAN_OR_EQUAL, f.ref("created_at"), f.ts("2024-03-01 12:00:00.250")),
            "{'created_at':{'$lte':'2024-03-01T12:00:02'}}",
            1),
        pushed(
            "timestamp > with millis rounds down",
            f -> f.call(GREATER_THAN, f.ref("created_at"), f.ts("2024-03-01 12:00:00.250")),
            "{'created_at':{'$gt':'2024-03-01T11:59:59'}}",
            1),
        pushed(
            "timestamp =",
            f -> f.call(EQUALS, f.ref("created_at"), f.ts("2024-03-01 12:00:00")),
            "{'created_at':{'$gte':'2024-03-01T11:59:59','$lte':'2024-03-01T12:00:01'}}",
            1),
        notPushed(
            "timestamp <>",
            f -> f.call(NOT_EQUALS, f.ref("created_at"), f.ts("2024-03-01 12:00:00"))),
        pushed(
            "IN is $in",
            f -> f.in(f.ref("state"), f.str("a"), f.str("b")),
            "{'state':{'$in':['a','b']}}",
            0),
        pushed(
            "NOT IN is $nin, kept",
            f -> f.simplified(f.call(NOT, f.in(f.ref("state"), f.str("a"), f.str("b")))),
            "{'state':{'$nin':['a','b']}}",
            1),
        pushed(
            "IN on a discovered column is kept",
            f -> f.in(f.ref("config.epochs"), f.bigint(1), f.bigint(2)),
            "{'config.epochs':{'$in':[1,2]}}",
            1),
        pushed(
            "BETWEEN via Sarg",
            f ->
                f.simplified(
                    f.call(
                        AND,
                        f.call(GREATER_THAN_OR_EQUAL, f.ref("config.epochs"), f.bigint(1)),
                        f.call(LESS_THAN_OR_EQUAL, f.ref("config.epochs"), f.bigint(5)))),
            "{'config.epochs':{'$gte':1,'$lte':5}}",
            1),
        pushed(
            "NOT BETWEEN via Sarg",
            f ->
                f.simplified(
                    f.call(
                        NOT,
                        f.call(
                            AND,
                            f.call(GREATER_THAN_OR_EQUAL, f.ref("config.lr"), f.dbl(1)),
                            f.call(LESS_THAN_OR_EQUAL, f.ref("config.lr"), f.dbl(5))))),
            "{'$or':[{'config.lr':{'$lt':1.0}},{'config.lr':{'$gt':5.0}}]}",
            1),
        pushed(
            "points and a range via Sarg",
            f ->
                f.simplified(
                    f.call(
                        OR,
                        f.in(f.ref("config.epochs"), f.bigint(1), f.bigint(2)),
                        f.call(GREATER_THAN, f.ref("config.epochs"), f.bigint(10)))),
            "{'$or':[{'config.epochs':{'$in':[1,2]}},{'config.epochs':{'$gt':10}}]}",
            1),
        pushed(
            "IN or IS NULL on a fixed column",
            f ->
                f.simplified(
                    f.call(
                        OR,
                        f.call(EQUALS, f.ref("state"), f.str("a")),
                        f.call(IS_NULL, f.ref("state")))),
            "{'$or':[{'state':'a'},{'state':null}]}",
            0),
        pushed(
            "NOT IN or IS NULL",
            f ->
                f.simplified(
                    f.call(
                        OR,
                        f.call(NOT_EQUALS, f.ref("state"), f.str("a")),
                        f.call(IS_NULL, f.ref("state")))),
            "{'$or':[{'state':{'$ne':'a'}},{'state':null}]}",
            1),
        notPushed(
            "IS NULL arm on a discovered column",
            f ->
                f.simplified(
                    f.call(
                        OR,
                        f.call(EQUALS, f.ref("config.lr"), f.dbl(1)),
                        f.call(IS_NULL, f.ref("config.lr"))))),
        notPushed(
            "string range via Sarg",
            f ->
                f.simplified(
                    f.call(
                        AND,
                        f.call(GREATER_THAN, f.ref("state"), f.str("a")),
                        f.call(LESS_THAN, f.ref("state"), f.str("c"))))),
        pushed(
            "timestamp points via Sarg",
            f ->
                f.in(f.ref("created_at"), f.ts("2024-01-01 00:00:00"), f.ts("2024-01-02 00:00:00")),
            "{'$or':[{'created_at':{'$gte':'2023-12-31T23:59:59','$lte':'2024-01-01T00:00:01'}},"
                + "{'created_at':{'$gte':'2024-01-01T23:59:59','$lte':'2024-01-02T00:00:01'}}]}",
            1),
        new Case(
            "LIKE wildcards",
            f -> f.call(LIKE, f.ref("state"), f.str("a%b_c")),
            regexFilter("state", "(?s)^a.*b.c\\z"),
            1),
        new Case(
            "LIKE escapes every RE2 metacharacter and backslash",
            f -> f.call(LIKE, f.ref("state"), f.str("\\.+*?()|[]{}^$x")),
            regexFilter("state", "(?s)^\\\\\\.\\+\\*\\?\\(\\)\\|\\[\\]\\{\\}\\^\\$x\\z"),
            1),
        new Case(
            "LIKE with ESCAPE",
            f -> f.call(LIKE, f.ref("config.opt"), f.str("a!%b!_c!!%"), f.str("!")),
            regexFilter("config.opt", "(?s)^a%b_c!.*\\z"),
            1),
        notPushed(
            "LIKE with an invalid escape sequence",
            f -> f.call(LIKE, f.ref("state"), f.str("a!b"), f.str("!"))),
        new Case(
            "NOT over LIKE",
            f -> f.call(NOT, f.call(LIKE, f.ref("state"), f.str("a%"))),
            nor(regexFilter("state", "(?s)^a.*\\z")),
            1),
        notPushed(
            "NOT over LIKE with a _, whose regex is wider than the LIKE",
            f -> f.call(NOT, f.call(LIKE, f.ref("state"), f.str("a_")))),
        notPushed(
            "NOT over an AND holding a LIKE with a _",
            f ->
                f.call(
                    NOT,
                    f.call(
                        AND,
                        f.call(EQUALS, f.ref("state"), f.str("a")),
                        f.call(LIKE, f.ref("config.opt"), f.str("g_"))))),
        notPushed("ILIKE", f -> f.call(SqlLibraryOperators.ILIKE, f.ref("state"), f.str("a%"))),
        notPushed("SIMILAR TO", f -> f.call(SIMILAR_TO, f.ref("state"), f.str("a%"))),
        notPushed(
            "LIKE on a number field",
            f ->
                f.call(
                    LIKE,
                    f.rex.makeCast(
                        f.types.createSqlType(SqlTypeName.VARCHAR), f.ref("config.epochs")),
                    f.str("1%"))),
        pushed(
            "OR of pushable arms",
            f ->
                f.call(
                    OR,
                    f.call(EQUALS, f.ref("state"), f.str("a")),
                    f.call(GREATER_THAN, f.ref("config.lr"), f.dbl(1))),
            "{'$or':[{'state':'a'},{'config.lr':{'$gt':1.0}}]}",
            1),
        pushed(
            "OR of exact arms is exact",
            f ->
                f.call(
                    OR,
                    f.call(EQUALS, f.ref("state"), f.str("a")),
                    f.call(IS_NULL, f.ref("created_at"))),
            "{'$or':[{'state':'a'},{'created_at':null}]}",
            0),
        notPushed(
            "OR with a non-pushable arm",
            f ->
                f.call(
                    OR,
                    f.call(EQUALS, f.ref("state"), f.str("a")),
                    f.call(EQUALS, f.ref("notes"), f.str("x")))),
        pushed(
            "OR arm that is a partly pushable AND",
            f ->
                f.call(
                    OR,
                    f.call(
                        AND,
                        f.call(EQUALS, f.ref("state"), f.str("a")),
                        f.call(EQUALS, f.ref("notes"), f.str("x"))),
                    f.call(EQUALS, f.ref("state"), f.str("b"))),
            "{'$or':[{'state':'a'},{'state':'b'}]}",
            1),
        pushed(
            "NOT over an exact filter",
            f -> f.call(NOT, f.call(EQUALS, f.ref("state"), f.str("a"))),
            "{'$nor':[{'state':'a'}]}",
            1),
        pushed(
            "NOT over an equality on a discovered column",
            f -> f.call(NOT, f.call(GREATER_THAN, f.ref("config.lr"), f.dbl(1))),
            "{'$nor':[{'config.lr':{'$gt':1.0}}]}",
            1),
        notPushed(
            "NOT over a widened timestamp",
            f ->
                f.call(
                    NOT, f.call(GREATER_THAN, f.ref("created_at"), f.ts("2024-03-01 12:00:00")))),
        notPushed(
            "NOT over IS NOT NULL of a discovered column",
            f -> f.call(NOT, f.call(IS_NOT_NULL, f.ref("config.lr")))),
        notPushed(
            "NOT over a partly pushable AND",
            f ->
                f.call(
                    NOT,
                    f.call(
                        AND,
                        f.call(EQUALS, f.ref("state"), f.str("a")),
                        f.call(EQUALS, f.ref("notes"), f.str("x"))))),
        pushed("boolean field", f -> f.ref("config.flag"), "{'config.flag':true}", 1),
        pushed(
            "NOT boolean field",
            f -> f.call(NOT, f.ref("config.flag")),
            "{'config.flag':false}",
            1),
        pushed("IS TRUE", f -> f.call(IS_TRUE, f.ref("config.flag")), "{'config.flag':true}", 1),
        pushed("IS FALSE", f -> f.call(IS_FALSE, f.ref("config.flag")), "{'config.flag':false}", 1),
        notPushed("IS NOT TRUE", f -> f.call(IS_NOT_TRUE, f.ref("config.flag"))),
        pushed(
            "= ? on a fixed column",
            f -> f.call(EQUALS, f.ref("state"), f.param(0, SqlTypeName.VARCHAR)),
            "{'state':{'$slot':0,'$sqlType':'VARCHAR'}}",
            0),
        pushed(
            "? < timestamp field",
            f -> f.call(LESS_THAN, f.param(1, SqlTypeName.TIMESTAMP), f.ref("created_at")),
            "{'created_at':{'$gt':{'$slot':0,'$sqlType':'TIMESTAMP','$shiftSeconds':-1}}}",
            1),
        pushed(
            "LIKE ? with ESCAPE",
            f -> f.call(LIKE, f.ref("state"), f.param(2, SqlTypeName.VARCHAR), f.str("!")),
            "{'state':{'$regex':{'$slot':0,'$like':true,'$escape':'!'}}}",
            1),
        notPushed(
            "decimal ? against bigint",
            f -> f.call(GREATER_THAN, f.ref("config.epochs"), f.param(0, SqlTypeName.DECIMAL))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void translates(Case c) {
    RunsFilterFixture f = new RunsFilterFixture();
    FilterTranslator.Split split = f.split(c.condition().apply(f));
    assertJson(c.expected(), pushedJson(split));
    assertEquals(c.remainder(), split.remainder().size(), () -> "remainder " + split.remainder());
    assertEquals(c.remainder() == 0, split.exact());
  }

  @Test
  void mixedConjunctsPushWhatTheyCanAndKeepTheRest() {
    RunsFilterFixture f = new RunsFilterFixture();
    RexNode byNotes = f.call(EQUALS, f.ref("notes"), f.str("x"));
    RexNode lr = f.call(GREATER_THAN, f.ref("config.lr"), f.dbl(1));
    FilterTranslator.Split split =
        f.split(f.call(AND, f.call(EQUALS, f.ref("state"), f.str("a")), byNotes, lr));
    assertJson(json("{'state':'a','config.lr':{'$gt':1.0}}"), pushedJson(split));
    assertEquals(java.util.List.of(byNotes, lr), split.remainder());
  }

  @Test
  void operatorsOnOneKeyMergeAndCollisionsGoToAnd() {
    RunsFilterFixture f = new RunsFilterFixture();
    FilterTranslator.Split range =
        f.split(
            f.call(
                AND,
                f.call(GREATER_THAN, f.ref("config.epochs"), f.bigint(1)),
                f.call(LESS_THAN, f.ref("config.epochs"), f.bigint(5))));
    assertJson(json("{'config.epochs':{'$gt':1,'$lt':5}}"), pushedJson(range));
    FilterTranslator.Split collision =
        f.split(
            f.call(
                AND,
                f.call(EQUALS, f.ref("state"), f.str("a")),
                f.call(NOT_EQUALS, f.ref("state"), f.str("b")),
                f.call(GREATER_THAN, f.ref("config.lr"), f.dbl(1)),
                f.call(LESS_THAN, f.ref("config.lr"), f.dbl(1))));
    assertJson(
        json("{'$and':[{'state':'a','config.lr':{'$gt':1.0,'$lt':1.0}},{'state':{'$ne':'b'}}]}"),
        pushedJson(collision));
    assertEquals(3, collision.remainder().size());
  }

  @Test
  void trueConditionPushesNothingAndIsExact() {
    RunsFilterFixture f = new RunsFilterFixture();
    FilterTranslator.Split split = f.split(f.rex.makeLiteral(true));
    assertNull(split.pushed());
    assertEquals(true, split.exact());
  }
}
