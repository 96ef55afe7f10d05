package io.github.wandbjdbc.calcite.pgcatalog;

import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The built-in PostgreSQL types pg_type lists, with PostgreSQL's own OIDs, and the one a column of
 * this driver's tables is sent as (the endpoint types result columns the same way).
 */
final class PgTypes {
  /** One pg_type row's essentials; {@code array} is the OID of its array type (0: none). */
  record PgType(int oid, String name, int length, char category, int element, int array) {
    /** PostgreSQL's spelling of the type in DDL, as format_type() gives it. */
    String formatted() {
      return switch (name) {
        case "int8" -> "bigint";
        case "int4" -> "integer";
        case "int2" -> "smallint";
        case "float8" -> "double precision";
        case "float4" -> "real";
        case "bool" -> "boolean";
        case "varchar" -> "character varying";
        case "bpchar" -> "character";
        case "timestamp" -> "timestamp without time zone";
        case "timestamptz" -> "timestamp with time zone";
        case "char" -> "\"char\"";
        default -> element != 0 ? byOid(element).map(e -> e.formatted() + "[]").orElse(name) : name;
      };
    }
  }

  static final int BOOL = 16;
  static final int INT8 = 20;
  static final int INT2 = 21;
  static final int INT4 = 23;
  static final int TEXT = 25;
  static final int OID = 26;
  static final int FLOAT4 = 700;
  static final int FLOAT8 = 701;
  static final int DATE = 1082;
  static final int TIMESTAMP = 1114;
  static final int NUMERIC = 1700;

  static final List<PgType> ALL =
      List.of(
          new PgType(BOOL, "bool", 1, 'B', 0, 1000),
          new PgType(17, "bytea", -1, 'U', 0, 1001),
          new PgType(18, "char", 1, 'Z', 0, 1002),
          new PgType(19, "name", 64, 'S', 0, 1003),
          new PgType(INT8, "int8", 8, 'N', 0, 1016),
          new PgType(INT2, "int2", 2, 'N', 0, 1005),
          new PgType(22, "int2vector", -1, 'A', INT2, 1006),
          new PgType(INT4, "int4", 4, 'N', 0, 1007),
          new PgType(24, "regproc", 4, 'N', 0, 1008),
          new PgType(TEXT, "text", -1, 'S', 0, 1009),
          new PgType(OID, "oid", 4, 'N', 0, 1028),
          new PgType(30, "oidvector", -1, 'A', OID, 1013),
          new PgType(114, "json", -1, 'U', 0, 199),
          new PgType(FLOAT4, "float4", 4, 'N', 0, 1021),
          new PgType(FLOAT8, "float8", 8, 'N', 0, 1022),
          new PgType(1033, "aclitem", 12, 'U', 0, 1034),
          new PgType(1042, "bpchar", -1, 'S', 0, 1014),
          new PgType(1043, "varchar", -1, 'S', 0, 1015),
          new PgType(DATE, "date", 4, 'D', 0, 1182),
          new PgType(1083, "time", 8, 'D', 0, 1183),
          new PgType(TIMESTAMP, "timestamp", 8, 'D', 0, 1115),
          new PgType(1184, "timestamptz", 8, 'D', 0, 1185),
          new PgType(1186, "interval", 16, 'T', 0, 1187),
          new PgType(NUMERIC, "numeric", -1, 'N', 0, 1231),
          new PgType(2205, "regclass", 4, 'N', 0, 2210),
          new PgType(2206, "regtype", 4, 'N', 0, 2211),
          new PgType(2950, "uuid", 16, 'U', 0, 2951),
          new PgType(3802, "jsonb", -1, 'U', 0, 3807),
          new PgType(4089, "regnamespace", 4, 'N', 0, 4090),
          new PgType(2249, "record", -1, 'P', 0, 2287),
          new PgType(2276, "any", 4, 'P', 0, 0),
          new PgType(2278, "void", 4, 'P', 0, 0),
          new PgType(2279, "trigger", 4, 'P', 0, 0),
          new PgType(1000, "_bool", -1, 'A', BOOL, 0),
          new PgType(1002, "_char", -1, 'A', 18, 0),
          new PgType(1003, "_name", -1, 'A', 19, 0),
          new PgType(1005, "_int2", -1, 'A', INT2, 0),
          new PgType(1007, "_int4", -1, 'A', INT4, 0),
          new PgType(1009, "_text", -1, 'A', TEXT, 0),
          new PgType(1015, "_varchar", -1, 'A', 1043, 0),
          new PgType(1016, "_int8", -1, 'A', INT8, 0),
          new PgType(1021, "_float4", -1, 'A', FLOAT4, 0),
          new PgType(1022, "_float8", -1, 'A', FLOAT8, 0),
          new PgType(1028, "_oid", -1, 'A', OID, 0),
          new PgType(1034, "_aclitem", -1, 'A', 1033, 0),
          new PgType(1115, "_timestamp", -1, 'A', TIMESTAMP, 0),
          new PgType(1182, "_date", -1, 'A', DATE, 0),
          new PgType(1231, "_numeric", -1, 'A', NUMERIC, 0));

  private PgTypes() {}

  static Optional<PgType> byOid(int oid) {
    return ALL.stream().filter(t -> t.oid() == oid).findFirst();
  }

  static Optional<PgType> byName(String name) {
    return ALL.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
  }

  /**
   * The type a column is sent as: numbers, booleans, dates and timestamps as themselves, anything
   * else (strings, JSON, arrays) as text, as the endpoint's result columns are.
   */
  static int forColumn(RelDataType type) {
    return switch (type.getSqlTypeName()) {
      case BIGINT -> INT8;
      case INTEGER -> INT4;
      case SMALLINT, TINYINT -> INT2;
      case DOUBLE, FLOAT -> FLOAT8;
      case REAL -> FLOAT4;
      case BOOLEAN -> BOOL;
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> TIMESTAMP;
      case DATE -> DATE;
      case DECIMAL -> NUMERIC;
      default -> TEXT;
    };
  }
}
