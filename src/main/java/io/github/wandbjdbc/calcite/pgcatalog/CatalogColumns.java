package io.github.wandbjdbc.calcite.pgcatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A catalog relation's columns, written as PostgreSQL declares them ({@code "oid oid, relname name,
 * relacl aclitem[]"}), and their values coerced to the Java types Calcite expects of each.
 */
final class CatalogColumns {
  record Column(String name, SqlTypeName type, SqlTypeName element) {}

  private final List<Column> columns;

  CatalogColumns(String declaration) {
    List<Column> parsed = new ArrayList<>();
    for (String part : declaration.split(",")) {
      String[] words = part.strip().split("\\s+");
      parsed.add(column(words[0], words[1].toLowerCase(Locale.ROOT)));
    }
    this.columns = List.copyOf(parsed);
  }

  List<Column> columns() {
    return columns;
  }

  RelDataType rowType(RelDataTypeFactory factory) {
    RelDataTypeFactory.Builder builder = factory.builder();
    for (Column column : columns) {
      RelDataType type =
          column.element() == null
              ? factory.createSqlType(column.type())
              : factory.createArrayType(factory.createSqlType(column.element()), -1);
      builder.add(column.name(), factory.createTypeWithNullability(type, true));
    }
    return builder.build();
  }

  /** The row with each value as its column's Java type (an int given for a smallint, say). */
  Object[] coerce(Object[] row) {
    if (row.length != columns.size()) {
      throw new IllegalStateException(
          "catalog row has " + row.length + " values for " + columns.size() + " columns");
    }
    Object[] out = new Object[row.length];
    for (int i = 0; i < row.length; i++) {
      // An absent array is an empty one: Calcite's UNNEST cannot walk a NULL, as clients' SQL does.
      Column column = columns.get(i);
      if (column.type() == SqlTypeName.ARRAY) {
        out[i] = row[i] == null ? List.of() : coerceElements((List<?>) row[i], column.element());
      } else {
        out[i] = coerce(row[i], column.type());
      }
    }
    return out;
  }

  private static List<Object> coerceElements(List<?> values, SqlTypeName element) {
    List<Object> out = new ArrayList<>(values.size());
    for (Object value : values) {
      out.add(coerce(value, element));
    }
    return out;
  }

  private static Object coerce(Object value, SqlTypeName type) {
    if (!(value instanceof Number number)) {
      return value instanceof Character c ? String.valueOf(c) : value;
    }
    return switch (type) {
      case SMALLINT -> number.shortValue();
      case INTEGER -> number.intValue();
      case BIGINT -> number.longValue();
      case REAL -> number.floatValue();
      case DOUBLE -> number.doubleValue();
      default -> value;
    };
  }

  private static Column column(String name, String pgType) {
    if (pgType.endsWith("[]")) {
      return new Column(name, SqlTypeName.ARRAY, scalar(pgType.substring(0, pgType.length() - 2)));
    }
    return switch (pgType) {
      case "int2vector" -> new Column(name, SqlTypeName.ARRAY, SqlTypeName.SMALLINT);
      case "oidvector" -> new Column(name, SqlTypeName.ARRAY, SqlTypeName.INTEGER);
      default -> new Column(name, scalar(pgType), null);
    };
  }

  /** The Calcite type of a PostgreSQL scalar type's values here, by PostgreSQL's name. */
  static SqlTypeName scalar(String pgType) {
    return switch (pgType) {
      case "oid", "int4", "regproc", "regclass", "regtype", "regnamespace", "xid", "cid" ->
          SqlTypeName.INTEGER;
      case "int2" -> SqlTypeName.SMALLINT;
      case "int8" -> SqlTypeName.BIGINT;
      case "float4" -> SqlTypeName.REAL;
      case "float8" -> SqlTypeName.DOUBLE;
      case "bool" -> SqlTypeName.BOOLEAN;
      case "timestamptz", "timestamp" -> SqlTypeName.TIMESTAMP;
      case "name",
          "text",
          "char",
          "bpchar",
          "varchar",
          "pg_node_tree",
          "aclitem",
          "anyarray",
          "inet" ->
          SqlTypeName.VARCHAR;
      default -> throw new IllegalArgumentException("no catalog type " + pgType);
    };
  }
}
