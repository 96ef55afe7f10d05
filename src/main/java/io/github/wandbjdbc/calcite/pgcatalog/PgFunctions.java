package io.github.wandbjdbc.calcite.pgcatalog;

import io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.Attribute;
import io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.Constraint;
import io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.Relation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.calcite.DataContext;

/**
 * PostgreSQL's catalog and session functions that clients call in their catalog queries, answered
 * from the connection's objects. Each public static method is one function (overloads by arity);
 * its first parameter is the query's context. Privilege checks say yes: W&B decides access.
 */
public final class PgFunctions {
  /** A function as pg_proc lists it. */
  record Signature(int oid, String name, List<Integer> arguments, int result) {}

  /** The server's version as {@code version()} and the start-up parameters give it. */
  public static final String VERSION =
      "PostgreSQL 16.0 (wandb-jdbc PostgreSQL endpoint over Weights & Biases)";

  private static final int FIRST_OID = 13100;

  private PgFunctions() {}

  /** Every function, in name and arity order. */
  static List<PgFunction> all() {
    List<PgFunction> functions = new ArrayList<>();
    for (Method m : PgFunctions.class.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers())
          && Modifier.isStatic(m.getModifiers())
          && m.getParameterCount() > 0
          && m.getParameterTypes()[0] == DataContext.class) {
        functions.add(new PgFunction(m));
      }
    }
    functions.sort(
        Comparator.comparing((PgFunction f) -> f.method().getName())
            .thenComparing(f -> f.method().getParameterCount()));
    return functions;
  }

  static List<Signature> signatures(List<PgFunction> functions) {
    List<Signature> signatures = new ArrayList<>();
    for (int i = 0; i < functions.size(); i++) {
      Method m = functions.get(i).method();
      List<Integer> arguments =
          Arrays.stream(m.getParameterTypes()).skip(1).map(PgFunctions::typeOid).toList();
      signatures.add(
          new Signature(FIRST_OID + i, m.getName(), arguments, typeOid(m.getReturnType())));
    }
    return signatures;
  }

  private static int typeOid(Class<?> type) {
    if (type == Integer.class) {
      return PgTypes.INT4;
    } else if (type == Long.class) {
      return PgTypes.INT8;
    } else if (type == Boolean.class) {
      return PgTypes.BOOL;
    } else if (type == List.class) {
      return 1009;
    }
    return PgTypes.TEXT;
  }

  private static CatalogObjects objects(DataContext root) {
    return CatalogObjects.of(root);
  }

  public static String format_type(DataContext root, Integer type, Integer typmod) {
    return type == null ? null : PgTypes.byOid(type).map(PgTypes.PgType::formatted).orElse("???");
  }

  public static String pg_get_userbyid(DataContext root, Integer role) {
    return role == null ? null : CatalogObjects.OWNER;
  }

  /** Visible: in pg_catalog or in the session's project, the search path. */
  public static Boolean pg_table_is_visible(DataContext root, Integer oid) {
    if (oid == null) {
      return null;
    }
    CatalogObjects objects = objects(root);
    return objects
        .relation(oid)
        .map(
            r ->
                r.namespace().oid() == CatalogObjects.PG_CATALOG_OID
                    || r.namespace().name().equals(objects.currentSchema()))
        .orElse(false);
  }

  public static Boolean pg_type_is_visible(DataContext root, Integer oid) {
    return oid == null ? null : PgTypes.byOid(oid).isPresent();
  }

  public static Boolean pg_function_is_visible(DataContext root, Integer oid) {
    return oid == null ? null : true;
  }

  public static String obj_description(DataContext root, Integer oid, String catalog) {
    if (oid == null || !"pg_class".equals(catalog)) {
      return null;
    }
    return objects(root).relation(oid).map(Relation::remarks).orElse(null);
  }

  public static String obj_description(DataContext root, Integer oid) {
    return obj_description(root, oid, "pg_class");
  }

  public static String col_description(DataContext root, Integer oid, Integer column) {
    if (oid == null || column == null || column < 1) {
      return null;
    }
    CatalogObjects objects = objects(root);
    Optional<Relation> relation = objects.relation(oid);
    if (relation.isEmpty()) {
      return null;
    }
    List<Attribute> attributes = objects.attributes(relation.get());
    return column > attributes.size()
        ? null
        : objects.columnRemarks(relation.get(), attributes.get(column - 1).name()).orElse(null);
  }

  public static String shobj_description(DataContext root, Integer oid, String catalog) {
    return null;
  }

  public static String pg_get_expr(DataContext root, String expression, Integer relation) {
    return null;
  }

  public static String pg_get_expr(
      DataContext root, String expression, Integer relation, Boolean pretty) {
    return null;
  }

  public static String pg_get_constraintdef(DataContext root, Integer oid) {
    if (oid == null) {
      return null;
    }
    CatalogObjects objects = objects(root);
    Optional<Constraint> found = objects.constraint(oid);
    if (found.isEmpty()) {
      return null;
    }
    Constraint c = found.get();
    String columns = columnList(objects, c.relation(), c.columns());
    if (c.type() == 'p') {
      return "PRIMARY KEY (" + columns + ")";
    }
    return "FOREIGN KEY ("
        + columns
        + ") REFERENCES "
        + c.referenced().name()
        + "("
        + columnList(objects, c.referenced(), c.referencedColumns())
        + ")";
  }

  public static String pg_get_constraintdef(DataContext root, Integer oid, Boolean pretty) {
    return pg_get_constraintdef(root, oid);
  }

  /** A primary key's index as PostgreSQL would create it. */
  public static String pg_get_indexdef(DataContext root, Integer oid) {
    return pg_get_indexdef(root, oid, 0, false);
  }

  /** With {@code column} above 0, that key column's name only. */
  public static String pg_get_indexdef(
      DataContext root, Integer oid, Integer column, Boolean pretty) {
    if (oid == null) {
      return null;
    }
    CatalogObjects objects = objects(root);
    Optional<Relation> index = objects.relation(oid).filter(r -> r.kind() == 'i');
    if (index.isEmpty()) {
      return null;
    }
    List<String> key = objects.attributes(index.get()).stream().map(Attribute::name).toList();
    if (column != null && column > 0) {
      return column <= key.size() ? quote_ident(root, key.get(column - 1)) : "";
    }
    Relation table = objects.indexedTable(index.get()).orElseThrow();
    return "CREATE UNIQUE INDEX "
        + quote_ident(root, index.get().name())
        + " ON "
        + quote_ident(root, table.namespace().name())
        + "."
        + quote_ident(root, table.name())
        + " USING btree ("
        + key.stream().map(k -> quote_ident(root, k)).collect(Collectors.joining(", "))
        + ")";
  }

  public static String pg_get_viewdef(DataContext root, Integer oid) {
    return null;
  }

  public static String pg_get_viewdef(DataContext root, Integer oid, Boolean pretty) {
    return null;
  }

  public static String pg_get_triggerdef(DataContext root, Integer oid, Boolean pretty) {
    return null;
  }

  public static String pg_get_partkeydef(DataContext root, Integer oid) {
    return null;
  }

  public static String pg_get_function_result(DataContext root, Integer oid) {
    return null;
  }

  public static String pg_get_function_arguments(DataContext root, Integer oid) {
    return null;
  }

  public static String pg_get_function_identity_arguments(DataContext root, Integer oid) {
    return null;
  }

  public static String pg_get_serial_sequence(DataContext root, String table, String column) {
    return null;
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
      return new java.math.BigDecimal(x.toString())
              .compareTo(new java.math.BigDecimal(y.toString()))
          == 0;
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
        .filter(java.util.Objects::nonNull)
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

  /** No relation here is a partition: none has ancestors. */
  public static Integer pg_partition_ancestors(DataContext root, Integer oid) {
    return null;
  }

  public static String pg_get_statisticsobjdef_columns(DataContext root, Integer oid) {
    return null;
  }

  public static Boolean pg_relation_is_publishable(DataContext root, Integer oid) {
    return oid == null ? null : false;
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

  /**
   * {@code 'name'::regclass}: the relation's OID; an unknown name is an error, as there. A number
   * is an OID already.
   */
  public static Integer regclass(DataContext root, String name) {
    if (name == null) {
      return null;
    }
    if (name.strip().matches("\\d+")) {
      return Integer.valueOf(name.strip());
    }
    return objects(root)
        .relation(name)
        .map(Relation::oid)
        .orElseThrow(
            () -> new IllegalArgumentException("relation \"" + name + "\" does not exist"));
  }

  /** As regclass, but null for an unknown name. */
  public static Integer to_regclass(DataContext root, String name) {
    return name == null ? null : objects(root).relation(name).map(Relation::oid).orElse(null);
  }

  /** {@code 'name'::regtype}: the type's OID. */
  public static Integer regtype(DataContext root, String name) {
    if (name == null) {
      return null;
    }
    String plain = name.strip().toLowerCase(Locale.ROOT).replaceFirst("^pg_catalog\\.", "");
    if (plain.matches("\\d+")) {
      return Integer.valueOf(plain);
    }
    return PgTypes.ALL.stream()
        .filter(t -> t.name().equals(plain) || t.formatted().equals(plain))
        .findFirst()
        .map(PgTypes.PgType::oid)
        .orElseThrow(() -> new IllegalArgumentException("type \"" + name + "\" does not exist"));
  }

  /** {@code 'name'::regproc}: a function of pg_proc's OID; null for one this server lacks. */
  public static Integer regproc(DataContext root, String name) {
    if (name == null) {
      return null;
    }
    String plain = name.strip().replaceFirst("^pg_catalog\\.", "");
    return signatures(all()).stream()
        .filter(s -> s.name().equals(plain))
        .findFirst()
        .map(Signature::oid)
        .orElse(null);
  }

  /** An int2vector or oidvector as PostgreSQL writes it: its elements separated by spaces. */
  public static String pg_vector_text(DataContext root, List<?> vector) {
    return vector == null
        ? null
        : vector.stream().map(String::valueOf).collect(Collectors.joining(" "));
  }

  /** {@code 'name'::regnamespace}: the schema's OID. */
  public static Integer regnamespace(DataContext root, String name) {
    if (name == null) {
      return null;
    }
    return objects(root)
        .namespace(name.strip())
        .map(CatalogObjects.Namespace::oid)
        .orElseThrow(() -> new IllegalArgumentException("schema \"" + name + "\" does not exist"));
  }

  private static String columnList(CatalogObjects objects, Relation relation, List<Short> numbers) {
    List<Attribute> attributes = objects.attributes(relation);
    return numbers.stream()
        .map(n -> attributes.get(n - 1).name())
        .collect(Collectors.joining(", "));
  }
}
