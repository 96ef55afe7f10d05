package io.github.wandbjdbc.calcite.pgcatalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.calcite.DataContext;

/**
 * PostgreSQL's functions of values and of the session that catalog queries call: arrays, settings,
 * privileges (yes: W&B decides access), sizes (none: nothing is stored). Each public static method
 * is one function, its first parameter the query's context ({@link PgFunctionRegistry}).
 */
public final class PgValueFunctions {
  /** The server's version as {@code version()} and the start-up parameters give it. */
  public static final String VERSION =
      "PostgreSQL 16.0 (wandb-jdbc PostgreSQL endpoint over Weights & Biases)";

  private PgValueFunctions() {}

  private static CatalogObjects objects(DataContext root) {
    return CatalogObjects.of(root);
  }

  public static String pg_encoding_to_char(DataContext root, Integer encoding) {
    return encoding == null ? null : "UTF8";
  }

  public static Integer pg_char_to_encoding(DataContext root, String encoding) {
    return encoding == null ? null : 6;
  }

  /** The search path: pg_catalog (with {@code implicit}), then the session's project. */
  public static List<String> current_schemas(DataContext root, Boolean implicit) {
    List<String> path = new ArrayList<>();
    if (Boolean.TRUE.equals(implicit)) {
      path.add(CatalogObjects.PG_CATALOG);
    }
    String schema = objects(root).currentSchema();
    if (schema != null) {
      path.add(schema);
    }
    return path;
  }

  /**
   * {@code value = ANY(array)}: true when an element equals it, else null when an element or the
   * value is null, else false. Numbers compare by value, anything else by its text. The array may
   * also come as PostgreSQL's text form of one ({@code = ANY('{r,v}')}).
   */
  public static Boolean pg_any_equal(DataContext root, Object value, Object array) {
    if (value == null || array == null) {
      return null;
    }
    List<?> elements = array instanceof List<?> list ? list : pg_text_array(root, array.toString());
    boolean sawNull = false;
    for (Object element : elements) {
      if (element == null) {
        sawNull = true;
      } else if (same(value, element)) {
        return true;
      }
    }
    return sawNull ? null : false;
  }

  /**
   * PostgreSQL's text form of a one-dimensional array, {@code {a,"b c",NULL}}, as its elements;
   * what {@code '{a,b}'::text[]} reads.
   */
  public static List<String> pg_text_array(DataContext root, String text) {
    if (text == null) {
      return null;
    }
    String body = text.strip();
    if (!body.startsWith("{") || !body.endsWith("}")) {
      throw new IllegalArgumentException("malformed array literal: \"" + text + "\"");
    }
    List<String> elements = new ArrayList<>();
    body = body.substring(1, body.length() - 1);
    StringBuilder element = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        element.append(body.charAt(++i));
      } else if (c == '"') {
        quoted = !quoted;
        wasQuoted = true;
      } else if (c == ',' && !quoted) {
        elements.add(element(element, wasQuoted));
        element.setLength(0);
        wasQuoted = false;
      } else {
        element.append(c);
      }
    }
    if (!body.isBlank()) {
      elements.add(element(element, wasQuoted));
    }
    return elements;
  }

  private static String element(StringBuilder text, boolean quoted) {
    String value = quoted ? text.toString() : text.toString().strip();
    return !quoted && value.equalsIgnoreCase("NULL") ? null : value;
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    return String.valueOf(a).equals(String.valueOf(b));
  }

  public static String pg_current_schema(DataContext root) {
    return objects(root).currentSchema();
  }

  public static String array_to_string(DataContext root, List<?> array, String separator) {
    if (array == null || separator == null) {
      return null;
    }
    return array.stream()
        .filter(Objects::nonNull)
        .map(String::valueOf)
        .collect(Collectors.joining(separator));
  }

  public static Integer array_upper(DataContext root, List<?> array, Integer dimension) {
    return array == null || array.isEmpty() || !Integer.valueOf(1).equals(dimension)
        ? null
        : array.size();
  }

  /**
   * Two arrays walked in step, as PostgreSQL walks the set-returning items of one select list: a
   * (text, text) pair per position of the longer, the shorter padded with NULLs; a NULL array is an
   * empty one. {@link SetReturningItems} unnests these pairs.
   */
  public static List<Object[]> pg_zip(DataContext root, List<?> first, List<?> second) {
    List<?> a = first == null ? List.of() : first;
    List<?> b = second == null ? List.of() : second;
    List<Object[]> pairs = new ArrayList<>();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      pairs.add(new Object[] {text(a, i), text(b, i)});
    }
    return pairs;
  }

  private static String text(List<?> array, int i) {
    return i < array.size() && array.get(i) != null ? String.valueOf(array.get(i)) : null;
  }

  public static String current_database(DataContext root) {
    return objects(root).database();
  }

  public static String version(DataContext root) {
    return VERSION;
  }

  public static Integer pg_backend_pid(DataContext root) {
    return 0;
  }

  public static Boolean pg_is_in_recovery(DataContext root) {
    return false;
  }

  public static String current_setting(DataContext root, String name) {
    if (name == null) {
      return null;
    }
    if (name.equalsIgnoreCase("search_path")) {
      String schema = objects(root).currentSchema();
      return schema == null ? "" : schema;
    }
    return PgSystemRelations.setting(name);
  }

  public static Boolean has_table_privilege(DataContext root, String table, String privilege) {
    return true;
  }

  public static Boolean has_table_privilege(DataContext root, Integer table, String privilege) {
    return true;
  }

  public static Boolean has_table_privilege(
      DataContext root, String user, String table, String privilege) {
    return true;
  }

  public static Boolean has_schema_privilege(DataContext root, String schema, String privilege) {
    return true;
  }

  public static Boolean has_schema_privilege(DataContext root, Integer schema, String privilege) {
    return true;
  }

  public static Boolean has_schema_privilege(
      DataContext root, String user, String schema, String privilege) {
    return true;
  }

  public static Boolean has_database_privilege(
      DataContext root, String database, String privilege) {
    return true;
  }

  public static Long pg_relation_size(DataContext root, Integer oid) {
    return 0L;
  }

  public static Long pg_total_relation_size(DataContext root, Integer oid) {
    return 0L;
  }

  public static Long pg_table_size(DataContext root, Integer oid) {
    return 0L;
  }

  public static String pg_size_pretty(DataContext root, Long bytes) {
    return bytes == null ? null : bytes + " bytes";
  }

  public static String quote_ident(DataContext root, String name) {
    if (name == null) {
      return null;
    }
    return name.matches("[a-z_][a-z0-9_$]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** An int2vector or oidvector as PostgreSQL writes it: its elements separated by spaces. */
  public static String pg_vector_text(DataContext root, List<?> vector) {
    return vector == null
        ? null
        : vector.stream().map(String::valueOf).collect(Collectors.joining(" "));
  }

  /** The record pgJDBC's {@code _pg_expandarray} gives: element and subscript, {@code (x, n)}. */
  public static Object[] pg_expanded(DataContext root, Object element, Integer subscript) {
    return new Object[] {element instanceof Number n ? n.intValue() : null, subscript};
  }
}
