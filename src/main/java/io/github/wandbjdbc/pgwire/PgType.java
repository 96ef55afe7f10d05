package io.github.wandbjdbc.pgwire;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * The PostgreSQL types the endpoint sends, with their OIDs from pg_type, how a JDBC column becomes
 * one, and their text and binary forms (PostgreSQL 16, protocol section "Formats and Format Codes";
 * binary forms as the types' send/recv functions write them).
 */
enum PgType {
  BOOL(16, "bool", 1),
  INT8(20, "int8", 8),
  INT2(21, "int2", 2),
  INT4(23, "int4", 4),
  TEXT(25, "text", -1),
  OID(26, "oid", 4),
  FLOAT4(700, "float4", 4),
  FLOAT8(701, "float8", 8),
  VARCHAR(1043, "varchar", -1),
  DATE(1082, "date", 4),
  TIMESTAMP(1114, "timestamp", 8),
  NUMERIC(1700, "numeric", -1),
  NAME(19, "name", 64),
  CHAR(18, "char", 1);

  /** 2000-01-01T00:00:00Z, PostgreSQL's epoch for binary timestamps and dates. */
  private static final Instant PG_EPOCH = Instant.parse("2000-01-01T00:00:00Z");

  final int oid;
  final String typeName;
  final int length;

  PgType(int oid, String typeName, int length) {
    this.oid = oid;
    this.typeName = typeName;
    this.length = length;
  }

  static PgType forJdbc(int jdbcType) {
    return switch (jdbcType) {
      case Types.BIGINT -> INT8;
      case Types.INTEGER -> INT4;
      case Types.SMALLINT, Types.TINYINT -> INT2;
      case Types.DOUBLE, Types.FLOAT -> FLOAT8;
      case Types.REAL -> FLOAT4;
      case Types.BOOLEAN, Types.BIT -> BOOL;
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP;
      case Types.DATE -> DATE;
      case Types.DECIMAL, Types.NUMERIC -> NUMERIC;
      default -> TEXT;
    };
  }

  /** The type of a parameter OID a client declared; 0 (unspecified) and unknown ones are null. */
  static PgType forOid(int oid) {
    return Arrays.stream(values()).filter(t -> t.oid == oid).findFirst().orElse(null);
  }

  /** The type PostgreSQL calls {@code typeName}, such as {@code int4}; an unknown name fails. */
  static PgType forName(String typeName) {
    return Arrays.stream(values())
        .filter(t -> t.typeName.equals(typeName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no PgType " + typeName));
  }

  /** Column {@code column} of the current row as this type's Java value, or null. */
  Object read(ResultSet rs, int column) throws SQLException {
    Object value =
        switch (this) {
          case BOOL -> rs.getBoolean(column);
          case INT8 -> rs.getLong(column);
          case INT4, OID -> rs.getInt(column);
          case INT2 -> rs.getShort(column);
          case FLOAT4 -> rs.getFloat(column);
          case FLOAT8 -> rs.getDouble(column);
          case TIMESTAMP -> {
            Timestamp t = rs.getTimestamp(column);
            yield t == null ? null : t.toInstant();
          }
          case DATE -> {
            Timestamp t = rs.getTimestamp(column);
            yield t == null ? null : LocalDate.ofInstant(t.toInstant(), ZoneOffset.UTC);
          }
          case NUMERIC -> rs.getBigDecimal(column);
          default -> rs.getString(column);
        };
    return rs.wasNull() ? null : value;
  }

  byte[] text(Object value) {
    String text =
        switch (this) {
          case BOOL -> (Boolean) value ? "t" : "f";
          case FLOAT4, FLOAT8 -> PgText.floatText(((Number) value).doubleValue());
          case TIMESTAMP -> PgText.timestampText((Instant) value);
          case NUMERIC -> ((BigDecimal) value).toPlainString();
          default -> value.toString();
        };
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The binary form, or null for a type the endpoint sends as text only ({@link #binary}). */
  byte[] binary(Object value) {
    return switch (this) {
      case BOOL -> new byte[] {(byte) ((Boolean) value ? 1 : 0)};
      case INT8 -> ByteBuffer.allocate(8).putLong(((Number) value).longValue()).array();
      case INT4, OID -> ByteBuffer.allocate(4).putInt(((Number) value).intValue()).array();
      case INT2 -> ByteBuffer.allocate(2).putShort(((Number) value).shortValue()).array();
      case FLOAT4 -> ByteBuffer.allocate(4).putFloat(((Number) value).floatValue()).array();
      case FLOAT8 -> ByteBuffer.allocate(8).putDouble(((Number) value).doubleValue()).array();
      case TIMESTAMP -> ByteBuffer.allocate(8).putLong(micros((Instant) value)).array();
      case DATE ->
          ByteBuffer.allocate(4)
              .putInt(
                  (int) (((LocalDate) value).toEpochDay() - LocalDate.of(2000, 1, 1).toEpochDay()))
              .array();
      case NUMERIC -> null;
      default -> value.toString().getBytes(StandardCharsets.UTF_8);
    };
  }

  /** Whether {@link #binary} has a form for this type. */
  boolean hasBinary() {
    return this != NUMERIC;
  }

  /** A bound parameter value in this type's text or binary form. */
  Object decode(byte[] value, boolean binary) throws PgProtocolException {
    if (binary) {
      return decodeBinary(value);
    }
    String text = new String(value, StandardCharsets.UTF_8);
    try {
      return switch (this) {
        case BOOL -> PgText.parseBool(text);
        case INT8 -> Long.parseLong(text.strip());
        case INT4, OID -> Integer.parseInt(text.strip());
        case INT2 -> Short.parseShort(text.strip());
        case FLOAT4, FLOAT8 -> PgText.parseFloat(text.strip());
        case NUMERIC -> new BigDecimal(text.strip());
        case TIMESTAMP -> PgText.parseTimestamp(text.strip());
        case DATE -> LocalDate.parse(text.strip());
        default -> text;
      };
    } catch (RuntimeException e) {
      throw new PgProtocolException(
          "22P02", "invalid input syntax for type " + typeName + ": \"" + text + "\"");
    }
  }

  private Object decodeBinary(byte[] value) throws PgProtocolException {
    ByteBuffer in = ByteBuffer.wrap(value);
    int expected = this == TEXT || this == VARCHAR || this == NAME ? value.length : length;
    if (this == NUMERIC || value.length != expected) {
      throw new PgProtocolException(
          "22P03",
          "incorrect binary data format for type " + typeName + " (" + value.length + " bytes)");
    }
    return switch (this) {
      case BOOL -> value[0] != 0;
      case INT8 -> in.getLong();
      case INT4, OID -> in.getInt();
      case INT2 -> in.getShort();
      case FLOAT4 -> (double) in.getFloat();
      case FLOAT8 -> in.getDouble();
      case TIMESTAMP -> PG_EPOCH.plusNanos(in.getLong() * 1000);
      case DATE -> LocalDate.of(2000, 1, 1).plusDays(in.getInt());
      default -> new String(value, StandardCharsets.UTF_8);
    };
  }

  private static long micros(Instant instant) {
    long seconds = instant.getEpochSecond() - PG_EPOCH.getEpochSecond();
    return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), instant.getNano() / 1000);
  }
}
