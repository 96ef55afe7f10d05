package io.github.wandbjdbc.spark;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The driver's JDBC column types as Spark types, and its values as Spark's internal ones. JSON
 * columns and any type without a Spark counterpart arrive as strings, as the driver renders them.
 */
final class ColumnTypes {
  private ColumnTypes() {}

  static StructType schema(ResultSetMetaData meta) throws SQLException {
    List<StructField> fields = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      fields.add(
          new StructField(
              meta.getColumnLabel(i),
              sparkType(meta.getColumnType(i)),
              meta.isNullable(i) != ResultSetMetaData.columnNoNulls,
              Metadata.empty()));
    }
    return new StructType(fields.toArray(StructField[]::new));
  }

  static DataType sparkType(int sqlType) {
    return switch (sqlType) {
      case Types.BIGINT -> DataTypes.LongType;
      case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> DataTypes.IntegerType;
      case Types.DOUBLE, Types.FLOAT, Types.REAL -> DataTypes.DoubleType;
      case Types.BOOLEAN, Types.BIT -> DataTypes.BooleanType;
      case Types.TIMESTAMP -> DataTypes.TimestampType;
      default -> DataTypes.StringType;
    };
  }

  /** Column {@code index} of the current row as the internal value of {@code type}. */
  static Object read(ResultSet rows, int index, DataType type) throws SQLException {
    Object value;
    if (type.equals(DataTypes.LongType)) {
      value = rows.getLong(index);
    } else if (type.equals(DataTypes.IntegerType)) {
      value = rows.getInt(index);
    } else if (type.equals(DataTypes.DoubleType)) {
      value = rows.getDouble(index);
    } else if (type.equals(DataTypes.BooleanType)) {
      value = rows.getBoolean(index);
    } else if (type.equals(DataTypes.TimestampType)) {
      Timestamp ts = rows.getTimestamp(index);
      // The driver hands out UTC wall-clock times; Spark wants microseconds since the epoch.
      value =
          ts == null
              ? null
              : ChronoUnit.MICROS.between(
                  java.time.Instant.EPOCH, ts.toLocalDateTime().toInstant(ZoneOffset.UTC));
    } else {
      String text = rows.getString(index);
      value = text == null ? null : UTF8String.fromString(text);
    }
    return rows.wasNull() ? null : value;
  }
}
