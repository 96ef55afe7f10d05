package io.github.wandbjdbc.calcite.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSimplify;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.TimestampString;

/** A small runs row type with its filterable fields, and builders for conditions over it. */
public final class RunsFilterFixture {
  static final List<String> NAMES =
      List.of(
          "run_id",
          "state",
          "created_at",
          "config.lr",
          "config.epochs",
          "summary.acc",
          "notes",
          "config.flag",
          "config.opt");
  static final List<FilterableField> FIELDS =
      List.of(
          new FilterableField("name", SqlTypeName.VARCHAR, true),
          new FilterableField("state", SqlTypeName.VARCHAR, true),
          new FilterableField("created_at", SqlTypeName.TIMESTAMP, true),
          new FilterableField("config.lr", SqlTypeName.DOUBLE, false),
          new FilterableField("config.epochs", SqlTypeName.BIGINT, false),
          new FilterableField("summary_metrics.acc", SqlTypeName.DOUBLE, false),
          new FilterableField(null, SqlTypeName.VARCHAR, true),
          new FilterableField("config.flag", SqlTypeName.BOOLEAN, false),
          new FilterableField("config.opt", SqlTypeName.VARCHAR, false));
  private static final ObjectMapper MAPPER = new ObjectMapper();

  final RelDataTypeFactory types = new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT);
  final RexBuilder rex = new RexBuilder(types);
  final RelDataType rowType;

  RunsFilterFixture() {
    RelDataTypeFactory.Builder row = types.builder();
    for (int i = 0; i < NAMES.size(); i++) {
      row.add(NAMES.get(i), FIELDS.get(i).type()).nullable(i != 0);
    }
    rowType = row.build();
  }

  RexNode ref(String name) {
    int index = NAMES.indexOf(name);
    return rex.makeInputRef(rowType.getFieldList().get(index).getType(), index);
  }

  RexNode str(String value) {
    return rex.makeLiteral(value);
  }

  RexNode bigint(long value) {
    return rex.makeBigintLiteral(BigDecimal.valueOf(value));
  }

  RexNode decimal(String value) {
    return rex.makeExactLiteral(new BigDecimal(value));
  }

  RexNode dbl(double value) {
    return rex.makeApproxLiteral(BigDecimal.valueOf(value));
  }

  /** A TIMESTAMP literal from {@code yyyy-MM-dd HH:mm:ss[.SSS]}, precision 3 when it has millis. */
  RexNode ts(String value) {
    return rex.makeTimestampLiteral(new TimestampString(value), value.contains(".") ? 3 : 0);
  }

  RexNode param(int index, SqlTypeName type) {
    return rex.makeDynamicParam(
        types.createTypeWithNullability(types.createSqlType(type), true), index);
  }

  RexNode call(SqlOperator operator, RexNode... operands) {
    return rex.makeCall(operator, operands);
  }

  RexNode in(RexNode field, RexNode... values) {
    return rex.makeIn(field, Arrays.asList(values));
  }

  /** What the planner's rules see: the condition simplified for a WHERE clause. */
  RexNode simplified(RexNode condition) {
    return new RexSimplify(rex, RelOptPredicateList.EMPTY, RexUtil.EXECUTOR)
        .simplifyUnknownAsFalse(condition);
  }

  FilterTranslator.Split split(RexNode condition) {
    return FilterTranslator.split(condition, FIELDS, rex);
  }

  /** JSON written with single quotes for readability. */
  static JsonNode json(String singleQuoted) {
    try {
      return MAPPER.readTree(singleQuoted.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(singleQuoted, e);
    }
  }

  /**
   * Compares JSON trees where 5 (int) equals 5 (long) but never 5.0: the filter must carry a double
   * for a DOUBLE field and an integer for a BIGINT one.
   */
  static void assertJson(JsonNode expected, JsonNode actual) {
    if (expected == null || actual == null) {
      assertEquals(expected, actual);
      return;
    }
    Comparator<JsonNode> numbers =
        (a, b) -> {
          if (a.isNumber() && b.isNumber()) {
            return a.isIntegralNumber() == b.isIntegralNumber()
                    && a.decimalValue().compareTo(b.decimalValue()) == 0
                ? 0
                : 1;
          }
          return a.equals(b) ? 0 : 1;
        };
    assertTrue(
        expected.equals(numbers, actual), () -> "expected " + expected + " but was " + actual);
  }

  static ObjectNode regexFilter(String key, String regex) {
    return FilterDocuments.operator(key, "$regex", FilterDocuments.JSON.textNode(regex));
  }

  /** {@code {"$nor": [document]}}. */
  static ObjectNode nor(ObjectNode document) {
    ObjectNode nor = FilterDocuments.JSON.objectNode();
    nor.putArray("$nor").add(document);
    return nor;
  }

  /**
   * The pushed filter as EXPLAIN describes it (slots as {@code $slot} objects), or null when
   * nothing was pushed. A filter without slots must also be exactly what W&B receives.
   */
  static JsonNode pushedJson(FilterTranslator.Split split) {
    if (split.pushed() == null) {
      return null;
    }
    JsonNode described;
    try {
      described = MAPPER.readTree(split.pushed().describe());
    } catch (JsonProcessingException e) {
      throw new AssertionError("EXPLAIN text is not JSON: " + split.pushed().describe(), e);
    }
    if (split.values().isEmpty()) {
      assertJson(described, split.pushed().build(new Object[0]));
    }
    return described;
  }
}
