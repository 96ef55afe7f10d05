package io.github.wandbjdbc.calcite.pgcatalog;

import io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.Attribute;
import io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.Constraint;
import io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.Relation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.calcite.DataContext;

/**
 * PostgreSQL's catalog functions that clients call in their catalog queries, answered from the
 * connection's objects ({@link CatalogObjects}). Each public static method is one function
 * (overloads by arity), its first parameter the query's context ({@link PgFunctionRegistry}).
 */
public final class PgFunctions {
  private PgFunctions() {}

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
      return column <= key.size() ? PgValueFunctions.quote_ident(root, key.get(column - 1)) : "";
    }
    Relation table = objects.indexedTable(index.get()).orElseThrow();
    return "CREATE UNIQUE INDEX "
        + PgValueFunctions.quote_ident(root, index.get().name())
        + " ON "
        + PgValueFunctions.quote_ident(root, table.namespace().name())
        + "."
        + PgValueFunctions.quote_ident(root, table.name())
        + " USING btree ("
        + key.stream()
            .map(k -> PgValueFunctions.quote_ident(root, k))
            .collect(Collectors.joining(", "))
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
    return PgFunctionRegistry.signatures(PgFunctionRegistry.all()).stream()
        .filter(s -> s.name().equals(plain))
        .findFirst()
        .map(PgFunctionRegistry.Signature::oid)
        .orElse(null);
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
