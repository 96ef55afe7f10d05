package io.github.wandbjdbc.calcite.filter;

import com.fasterxml.jackson.databind.JsonNode;
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
              PushedFilter.operator(field.filterKey(), "$ne", FilterOperand.NULL),
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
              PushedFilter.equal(field.filterKey(), FilterOperand.NULL), Precision.EXACT));
    }
    if (arms.isEmpty()) {
      return null;
    }
    List<PushedFilter> filters = new ArrayList<>();
    Precision precision = Precision.EXACT;
    for (Translation arm : arms) {
      filters.add(arm.filter());
      precision = precision.weaker(arm.precision());
    }
    return new Translation(PushedFilter.or(filters), precision);
  }

  /** NOT IN: {@code $nin} (or {@code $ne}), which also matches null and missing keys. */
  private Translation complementedPoints(Sarg<?> sarg) {
    if (field.type() == SqlTypeName.TIMESTAMP) {
      return null;
    }
    List<FilterOperand.Constant> excluded = new ArrayList<>();
    for (Range<?> range : sarg.rangeSet.complement().asRanges()) {
      FilterOperand.Constant point = constant(range.lowerEndpoint(), 0);
      if (point == null) {
        return null;
      }
      excluded.add(point);
    }
    PushedFilter filter =
        excluded.size() == 1
            ? PushedFilter.operator(field.filterKey(), "$ne", excluded.get(0))
            : PushedFilter.operator(
                field.filterKey(), "$nin", new FilterOperand.Constants(excluded));
    return new Translation(filter, Precision.NEGATABLE);
  }

  /** Adds one arm for all points and one per range; false when some piece cannot be pushed. */
  private boolean pointsAndRanges(Sarg<?> sarg, List<Translation> arms) {
    boolean timestamp = field.type() == SqlTypeName.TIMESTAMP;
    List<FilterOperand.Constant> points = new ArrayList<>();
    for (Range<?> range : sarg.rangeSet.asRanges()) {
      boolean point =
          range.hasLowerBound()
              && range.hasUpperBound()
              && range.lowerEndpoint().equals(range.upperEndpoint());
      if (point && !timestamp) {
        FilterOperand.Constant value = constant(range.lowerEndpoint(), 0);
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
      PushedFilter filter =
          points.size() == 1
              ? PushedFilter.equal(field.filterKey(), points.get(0))
              : PushedFilter.operator(
                  field.filterKey(), "$in", new FilterOperand.Constants(points));
      arms.add(0, new Translation(filter, Precision.exactIf(field.scalarExact())));
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
    List<PushedFilter.Condition> conditions = new ArrayList<>();
    if (range.hasLowerBound()) {
      FilterOperand bound = constant(range.lowerEndpoint(), -1);
      if (bound == null) {
        return null;
      }
      conditions.add(
          new PushedFilter.Condition(
              range.lowerBoundType() == BoundType.CLOSED ? "$gte" : "$gt", bound));
    }
    if (range.hasUpperBound()) {
      FilterOperand bound = constant(range.upperEndpoint(), 1);
      if (bound == null) {
        return null;
      }
      conditions.add(
          new PushedFilter.Condition(
              range.upperBoundType() == BoundType.CLOSED ? "$lte" : "$lt", bound));
    }
    Precision precision =
        type == SqlTypeName.TIMESTAMP ? Precision.SUPERSET : Precision.exactIf(field.scalarExact());
    return new Translation(PushedFilter.operators(field.filterKey(), conditions), precision);
  }

  private FilterOperand.Constant constant(Comparable<?> value, int shiftSeconds) {
    Object constant = Operands.constant(value, valueType, field);
    JsonNode json =
        constant == null ? null : FilterOperand.encode(field.type(), constant, shiftSeconds);
    return json == null ? null : new FilterOperand.Constant(json);
  }
}
