package io.github.wandbjdbc.calcite.histories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.calcite.JsonText;
import io.github.wandbjdbc.calcite.PlanLineage;
import java.util.Objects;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One column of a history table: the W&B key it reads from a history row (null for {@code run_id}
 * and {@code row}), its SQL type and how a row's value becomes a SQL value.
 */
record HistoryColumn(String name, String key, Reading reading, String remarks) {
  static final String RUN_ID = PlanLineage.RUN_ID;
  static final String STEP = "_step";
  static final String RUNTIME = "_runtime";
  static final String TIMESTAMP = "_timestamp";
  static final String ROW = "row";

  /** How a value is read; each reading has one SQL type. */
  enum Reading {
    RUN_NAME(SqlTypeName.VARCHAR),
    STEP(SqlTypeName.BIGINT),
    NUMBER(SqlTypeName.DOUBLE),
    /** Epoch seconds (W&B's {@code _timestamp}) as a TIMESTAMP. */
    EPOCH_SECONDS(SqlTypeName.TIMESTAMP),
    BOOLEAN(SqlTypeName.BOOLEAN),
    STRING(SqlTypeName.VARCHAR),
    /** Media, tables, histograms, lists and mixed types: JSON text. */
    JSON(SqlTypeName.VARCHAR),
    /** The whole row as JSON text. */
    WHOLE_ROW(SqlTypeName.VARCHAR);

    private final SqlTypeName sqlType;

    Reading(SqlTypeName sqlType) {
      this.sqlType = sqlType;
    }

    SqlTypeName sqlType() {
      return sqlType;
    }
  }

  HistoryColumn {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(reading, "reading is null");
    Objects.requireNonNull(remarks, "remarks is null");
  }

  SqlTypeName type() {
    return reading.sqlType();
  }

  boolean nullable() {
    return reading != Reading.RUN_NAME && reading != Reading.STEP;
  }

  /** The value in Calcite's internal form (TIMESTAMP as epoch millis); null when absent. */
  Object value(String run, ObjectNode row) {
    if (reading == Reading.RUN_NAME) {
      return run;
    }
    if (reading == Reading.WHOLE_ROW) {
      return JsonText.textOrNull(row);
    }
    JsonNode value = at(row, key);
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    return switch (reading) {
      case STEP -> value.canConvertToLong() ? value.asLong() : null;
      case NUMBER -> number(value);
      case EPOCH_SECONDS -> {
        Double seconds = number(value);
        yield seconds == null || !Double.isFinite(seconds) ? null : Math.round(seconds * 1000);
      }
      case BOOLEAN -> value.isBoolean() ? value.booleanValue() : null;
      case STRING -> value.isTextual() ? value.textValue() : null;
      default -> JsonText.textOrNull(value);
    };
  }

  /**
   * The value of {@code key}: the field of that name, or, for a dotted key W&B reports for a logged
   * dict ({@code "dict.val1"}), the nested field.
   */
  private static JsonNode at(ObjectNode row, String key) {
    JsonNode direct = row.get(key);
    if (direct != null || key.indexOf('.') < 0) {
      return direct;
    }
    JsonNode node = row;
    for (String segment : key.split("\\.", -1)) {
      if (node == null || !node.isObject()) {
        return null;
      }
      node = node.get(segment);
    }
    return node;
  }

  /**
   * A number, NaN and the infinities included: W&B writes those as bare {@code NaN} / {@code
   * Infinity} tokens inside its JSON strings, or as strings.
   */
  private static Double number(JsonNode value) {
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isTextual()) {
      return switch (value.textValue()) {
        case "NaN" -> Double.NaN;
        case "Infinity", "inf" -> Double.POSITIVE_INFINITY;
        case "-Infinity", "-inf" -> Double.NEGATIVE_INFINITY;
        default -> null;
      };
    }
    return null;
  }
}
