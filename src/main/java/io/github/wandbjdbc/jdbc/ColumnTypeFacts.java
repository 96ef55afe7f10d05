package io.github.wandbjdbc.jdbc;

import java.sql.JDBCType;
import java.sql.Types;
import java.util.Objects;
import org.apache.calcite.avatica.MetaImpl.MetaTypeInfo;

/**
 * What {@code DatabaseMetaData.getColumns} reports for a column of one JDBC type: the plain type
 * name (Calcite's own is the full type string, e.g. {@code VARCHAR NOT NULL}), the size and digits
 * JDBC defines for it, and its radix.
 *
 * <p>VARCHAR columns have no declared length and W&B values (JSON config, notes) have no bound, so
 * their size is {@link Integer#MAX_VALUE}, as PostgreSQL reports {@code text}. TIMESTAMP values are
 * instants with millisecond resolution: 23 characters, {@code yyyy-mm-dd hh:mm:ss.fff}. DOUBLE
 * reports Calcite's 15 decimal digits, as its type information and result set metadata do.
 *
 * @param size COLUMN_SIZE; null when JDBC defines none for the type
 * @param decimalDigits DECIMAL_DIGITS (fractional digits); null where not applicable
 * @param radix NUM_PREC_RADIX; null for non-numeric types
 * @param octetLength CHAR_OCTET_LENGTH, for character types only
 */
record ColumnTypeFacts(
    String typeName, Integer size, Integer decimalDigits, Integer radix, Integer octetLength) {

  ColumnTypeFacts {
    Objects.requireNonNull(typeName, "typeName is null");
  }

  static ColumnTypeFacts of(int jdbcType) {
    return switch (jdbcType) {
      case Types.VARCHAR ->
          new ColumnTypeFacts("VARCHAR", Integer.MAX_VALUE, null, null, Integer.MAX_VALUE);
      case Types.BIGINT -> new ColumnTypeFacts("BIGINT", 19, 0, 10, null);
      case Types.DOUBLE -> new ColumnTypeFacts("DOUBLE", 15, null, 10, null);
      case Types.BOOLEAN -> new ColumnTypeFacts("BOOLEAN", 1, null, null, null);
      case Types.TIMESTAMP -> new ColumnTypeFacts("TIMESTAMP", 23, 3, null, null);
      default -> new ColumnTypeFacts(JDBCType.valueOf(jdbcType).getName(), null, null, null, null);
    };
  }

  /**
   * Calcite's {@code getTypeInfo} row with this size and scale, so that it agrees with {@code
   * getColumns} (Calcite says 65536 for VARCHAR, 3 for TIMESTAMP); unchanged for a type without a
   * size here.
   */
  MetaTypeInfo applyTo(MetaTypeInfo type) {
    if (size == null) {
      return type;
    }
    return new MetaTypeInfo(
        type.typeName,
        type.dataType,
        size,
        type.literalPrefix,
        type.literalSuffix,
        type.nullable,
        type.caseSensitive,
        type.searchable,
        type.unsignedAttribute,
        type.fixedPrecScale,
        type.autoIncrement,
        type.minimumScale,
        decimalDigits == null ? type.maximumScale : decimalDigits.shortValue(),
        // The constructor reads 0 as "no radix".
        type.numPrecRadix == null ? 0 : type.numPrecRadix);
  }
}
