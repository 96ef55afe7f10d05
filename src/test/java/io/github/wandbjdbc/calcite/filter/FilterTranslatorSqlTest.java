package io.github.wandbjdbc.calcite.filter;

import static io.github.wandbjdbc.calcite.filter.RunsFilterFixture.assertJson;
import static io.github.wandbjdbc.calcite.filter.RunsFilterFixture.json;
import static io.github.wandbjdbc.calcite.filter.RunsFilterFixture.pushedJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.calcite.config.Lex;
import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSimplify;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real SQL through Calcite's parser, validator and simplifier, so the translator sees what the
 * planner rules will see: SEARCH/Sarg for IN, NOT IN, BETWEEN and ranges, NOT pushed into
 * comparisons, CASTs around literals.
 */
class FilterTranslatorSqlTest {
  private static final FrameworkConfig CONFIG;

  static {
    SchemaPlus root = Frameworks.createRootSchema(true);
    root.add(
        "runs",
        new AbstractTable() {
          @Override
          public RelDataType getRowType(RelDataTypeFactory typeFactory) {
            RelDataTypeFactory.Builder row = typeFactory.builder();
            for (int i = 0; i < RunsFilterFixture.NAMES.size(); i++) {
              row.add(RunsFilterFixture.NAMES.get(i), RunsFilterFixture.FIELDS.get(i).type())
                  .nullable(i != 0);
            }
            return row.build();
          }
        });
    CONFIG =
        Frameworks.newConfigBuilder()
            .defaultSchema(root)
            .parserConfig(SqlParser.config().withLex(Lex.JAVA))
            .build();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "state = 'finished' | {'state':'finished'} | 0",
        "state in ('a', 'bbb') | {'state':{'$in':['a','bbb']}} | 0",
        "state not in ('a', 'bbb') | {'state':{'$nin':['a','bbb']}} | 1",
        "not (state = 'a') | {'state':{'$ne':'a'}} | 1",
        "state <> 'a' and state <> 'b' | {'state':{'$nin':['a','b']}} | 1",
        "state is null or state in ('x', 'y') | {'$or':[{'state':{'$in':['x','y']}},{'state':null}]} | 0",
        "`config.lr` > 0.1 and `config.lr` < 1 | {'config.lr':{'$gt':0.1,'$lt':1.0}} | 1",
        "`config.lr` between 1 and 2 | {'config.lr':{'$gte':1.0,'$lte':2.0}} | 1",
        "`config.epochs` not between 1 and 5 | {'$or':[{'config.epochs':{'$lt':1}},{'config.epochs':{'$gt':5}}]} | 1",
        "`config.epochs` in (1, 2, 3) or `config.epochs` > 10 | {'$or':[{'config.epochs':{'$in':[1,2,3]}},{'config.epochs':{'$gt':10}}]} | 1",
        "`config.lr` = 1 | {'config.lr':1.0} | 1",
        "1 < `config.epochs` | {'config.epochs':{'$gt':1}} | 1",
        "`config.epochs` = 2.5 | - | 1",
        "created_at > timestamp '2024-01-01 00:00:00' | {'created_at':{'$gt':'2023-12-31T23:59:59'}} | 1",
        "created_at > '2024-01-01 00:00:00' | {'created_at':{'$gt':'2023-12-31T23:59:59'}} | 1",
        "created_at in (timestamp '2024-01-01 00:00:00', timestamp '2024-01-02 00:00:00.5') "
            + "| {'$or':[{'created_at':{'$gte':'2023-12-31T23:59:59','$lte':'2024-01-01T00:00:01'}},"
            + "{'created_at':{'$gte':'2024-01-01T23:59:59','$lte':'2024-01-02T00:00:02'}}]} | 1",
        "state > 'm' | - | 1",
        "upper(state) = 'X' | - | 1",
        "notes = 'x' and state = 'a' | {'state':'a'} | 1",
        "state like 'a\\_%' escape '\\' | {'state':{'$regex':'(?s)^a_.*\\\\z'}} | 1",
        "state not like 'a%' | {'$nor':[{'state':{'$regex':'(?s)^a.*\\\\z'}}]} | 1",
        "state similar to 'a%' | - | 1",
        "`config.flag` | {'config.flag':true} | 1",
        "not `config.flag` | {'config.flag':false} | 1",
        "`config.flag` is not true | - | 1",
        "state = 'a' or `summary.acc` >= 0.9 | {'$or':[{'state':'a'},{'summary_metrics.acc':{'$gte':0.9}}]} | 1",
        "state = 'a' or notes = 'x' | - | 1",
        "state is not null and `config.lr` is not null | {'state':{'$ne':null},'config.lr':{'$ne':null}} | 1",
        "state = ? and `config.lr` > ? | {'state':{'$slot':0,'$sqlType':'VARCHAR'},'config.lr':{'$gt':{'$slot':1,'$sqlType':'DOUBLE'}}} | 1",
        "`config.epochs` in (?, ?) | {'$or':[{'config.epochs':{'$slot':0,'$sqlType':'BIGINT'}},{'config.epochs':{'$slot':1,'$sqlType':'BIGINT'}}]} | 1"
      })
  void translatesWhatThePlannerSees(String where, String expected, int remainder) throws Exception {
    Planner planner = Frameworks.getPlanner(CONFIG);
    RelNode rel =
        planner.rel(planner.validate(planner.parse("select * from runs where " + where))).project();
    Filter filter = findFilter(rel);
    RexNode condition =
        new RexSimplify(
                filter.getCluster().getRexBuilder(), RelOptPredicateList.EMPTY, RexUtil.EXECUTOR)
            .simplifyUnknownAsFalse(filter.getCondition());
    FilterTranslator.Split split =
        FilterTranslator.split(
            condition, RunsFilterFixture.FIELDS, filter.getCluster().getRexBuilder());
    JsonNode expectedJson = expected == null ? null : json(expected);
    assertJson(expectedJson, pushedJson(split));
    assertEquals(
        remainder, split.remainder().size(), () -> condition + " left " + split.remainder());
  }

  private static Filter findFilter(RelNode rel) {
    if (rel instanceof Filter filter) {
      return filter;
    }
    for (RelNode input : rel.getInputs()) {
      Filter found = findFilter(input);
      if (found != null) {
        return found;
      }
    }
    throw new AssertionError("no Filter in " + rel.explain());
  }
}
