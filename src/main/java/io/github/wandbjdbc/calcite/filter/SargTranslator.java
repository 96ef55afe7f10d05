package io.github.wandbjdbc.calcite.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.BoundType;
import com.google.common.collect.Range;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.Sarg;

/**
 * Translates {@code SEARCH(field, Sarg[...])}, Calcite's form of IN, NOT IN, BETWEEN, ranges and
 * their ORs: points become {@code $in}, complemented points {@code $nin}, ranges operator objects
 * ({@code $or} of several), and "NULL AS TRUE" adds an {@code {k: null}} arm. Each piece follows
 * the same precision rules as the equivalent comparison.
 */
final class SargTranslator {
  private final FilterableField field;
  private final RelDataType valueType;

  private SargTranslator(FilterableField field, RelDataType valueType) {
    this.field = field;
    this.valueType = valueType;
  }

  /** The filter for the Sarg, or null when it cannot be pushed. */
  static Translation translate(FilterableField field, Sarg<?> sarg, RelDataType valueType) {
    return new SargTranslator(field, valueType).translate(sarg);
  }

  private Translation translate(Sarg<?> sarg) {
    boolean nullMatches = sarg.nullAs == RexUnknownAs.TRUE;
    // {k: null} cannot also match the arrays and mistyped values a discovered column sees as NULL.
    if (nullMatches && !field.scalarExact()) {
      return null;
    }
    List<Translation> arms = new ArrayList<>();
    if (sarg.isAll()) {
      if (nullMatches) {
        return null;
      }
      arms.add(
          new Translation(
              FilterDocuments.operator(field.filterKey(), "$ne", NullNode.instance),
              field.scalarExact() ? Precision.EXACT : Precision.SUPERSET));
    } else if (sarg.isComplementedPoints()) {
      Translation excluded = complementedPoints(sarg);
      if (excluded == null) {
        return null;
      }
      arms.add(excluded);
    } else if (!sarg.isNone() && !pointsAndRanges(sarg, arms)) {
      return null;
    }
    if (nullMatches) {
      arms.add(
          new Translation(
              FilterDocuments.field(field.filterKey(), NullNode.instance), Precision.EXACT));
    }
    if (arms.isEmpty()) {
      return null;
    }
    List<ObjectNode> filters = new ArrayList<>();
    Precision precision = Precision.EXACT;
    for (Translation arm : arms) {
      filters.add(arm.filter());
      precision = precision.weaker(arm.precision());
    }
    return new Translation(FilterDocuments.or(filters), precision);
  }

  /** NOT IN: {@code $nin} (or {@code $ne}), which also matches null and missing keys. */
  private Translation complementedPoints(Sarg<?> sarg) {
    if (field.type() == SqlTypeName.TIMESTAMP) {
      return null;
    }
    ArrayNode excluded = FilterDocuments.JSON.arrayNode();
    for (Range<?> range : sarg.rangeSet.complement().asRanges()) {
      JsonNode point = json(range.lowerEndpoint(), 0);
      if (point == null) {
        return null;
      }
      excluded.add(point);
    }
    ObjectNode filter =
        excluded.size() == 1
            ? FilterDocuments.operator(field.filterKey(), "$ne", excluded.get(0))
            : FilterDocuments.operator(field.filterKey(), "$nin", excluded);
    return new Translation(filter, Precision.NEGATABLE);
  }

  /** Adds one arm for all points and one per range; false when some piece cannot be pushed. */
  private boolean pointsAndRanges(Sarg<?> sarg, List<Translation> arms) {
    boolean timestamp = field.type() == SqlTypeName.TIMESTAMP;
    ArrayNode points = FilterDocuments.JSON.arrayNode();
    for (Range<?> range : sarg.rangeSet.asRanges()) {
      boolean point =
          range.hasLowerBound()
              && range.hasUpperBound()
              && range.lowerEndpoint().equals(range.upperEndpoint());
      if (point && !timestamp) {
        JsonNode value = json(range.lowerEndpoint(), 0);
        if (value == null) {
          return false;
        }
        points.add(value);
      } else {
        Translation arm = range(range);
        if (arm == null) {
          return false;
        }
        arms.add(arm);
      }
    }
    if (!points.isEmpty()) {
      JsonNode condition =
          points.size() == 1 ? points.get(0) : FilterDocuments.operators("$in", points);
      arms.add(
          0,
          new Translation(
              FilterDocuments.field(field.filterKey(), condition),
              Precision.exactIf(field.scalarExact())));
    }
    return true;
  }

  /**
   * A range as an operator object. Numbers only, and timestamps widened (see {@link
   * TimestampBounds}); string ranges are never pushed because W&B's collation is unverified.
   */
  private Translation range(Range<?> range) {
    SqlTypeName type = field.type();
    if (type != SqlTypeName.BIGINT && type != SqlTypeName.DOUBLE && type != SqlTypeName.TIMESTAMP) {
      return null;
    }
    ObjectNode condition = FilterDocuments.JSON.objectNode();
    if (range.hasLowerBound()) {
      JsonNode bound = json(range.lowerEndpoint(), -1);
      if (bound == null) {
        return null;
      }
      condition.set(range.lowerBoundType() == BoundType.CLOSED ? "$gte" : "$gt", bound);
    }
    if (range.hasUpperBound()) {
      JsonNode bound = json(range.upperEndpoint(), 1);
      if (bound == null) {
        return null;
      }
      condition.set(range.upperBoundType() == BoundType.CLOSED ? "$lte" : "$lt", bound);
    }
    Precision precision =
        type == SqlTypeName.TIMESTAMP ? Precision.SUPERSET : Precision.exactIf(field.scalarExact());
    return new Translation(FilterDocuments.field(field.filterKey(), condition), precision);
  }

  private JsonNode json(Comparable<?> value, int shiftSeconds) {
    Object constant = Operands.constant(value, valueType, field);
    return constant == null ? null : Operands.Value.constant(constant).json(field, shiftSeconds);
  }
}
