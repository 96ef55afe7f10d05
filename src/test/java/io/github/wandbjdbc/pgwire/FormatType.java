package io.github.wandbjdbc.pgwire;

/** PostgreSQL's format_type() name for a JDBC column type, as the endpoint types columns. */
final class FormatType {
  private FormatType() {}

  static String of(int jdbcType) {
    return switch (PgType.forJdbc(jdbcType)) {
      case INT8 -> "bigint";
      case INT4 -> "integer";
      case INT2 -> "smallint";
      case FLOAT8 -> "double precision";
      case FLOAT4 -> "real";
      case BOOL -> "boolean";
      case TIMESTAMP -> "timestamp without time zone";
      case DATE -> "date";
      case NUMERIC -> "numeric";
      default -> "text";
    };
  }
}
