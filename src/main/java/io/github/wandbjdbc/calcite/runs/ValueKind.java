package io.github.wandbjdbc.calcite.runs;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.wandbjdbc.calcite.JsonText;
import org.apache.calcite.sql.type.SqlTypeName;

/** What sampled values of one key looked like, and how a run's value reads in that column. */
enum ValueKind {
  INTEGER(SqlTypeName.BIGINT),
  NUMBER(SqlTypeName.DOUBLE),
  BOOLEAN(SqlTypeName.BOOLEAN),
  STRING(SqlTypeName.VARCHAR),
  /** Lists, objects, or values of more than one kind: the column holds JSON text. */
  JSON(SqlTypeName.VARCHAR);

  private final SqlTypeName sqlType;

  ValueKind(SqlTypeName sqlType) {
    this.sqlType = sqlType;
  }

  SqlTypeName sqlType() {
    return sqlType;
  }

  static ValueKind of(JsonNode value) {
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return INTEGER;
    }
    if (value.isNumber()) {
      return NUMBER;
    }
    if (value.isBoolean()) {
      return BOOLEAN;
    }
    return value.isTextual() ? STRING : JSON;
  }

  ValueKind join(ValueKind other) {
    if (this == other) {
      return this;
    }
    if ((this == INTEGER && other == NUMBER) || (this == NUMBER && other == INTEGER)) {
      return NUMBER;
    }
    return JSON;
  }

  /**
   * Whether SQL comparisons on this column mean what W&B's comparisons on the key mean: not for
   * JSON text, which SQL compares as text and W&B as the values it holds.
   */
  boolean filterable() {
    return this != JSON;
  }

  /** A run's value in this column: null when absent or of another kind; JSON shows any value. */
  Object read(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    return switch (this) {
      case INTEGER ->
          value.isIntegralNumber() && value.canConvertToLong() ? value.longValue() : null;
      case NUMBER -> value.isNumber() ? value.doubleValue() : null;
      case BOOLEAN -> value.isBoolean() ? value.booleanValue() : null;
      case STRING -> value.isTextual() ? value.textValue() : null;
      case JSON -> JsonText.textOrNull(value);
    };
  }
}
