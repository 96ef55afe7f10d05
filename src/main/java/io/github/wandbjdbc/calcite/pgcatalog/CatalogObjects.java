package io.github.wandbjdbc.calcite.pgcatalog;

import io.github.wandbjdbc.calcite.EntitySchema;
import io.github.wandbjdbc.calcite.TableFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.DataContext;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.LikePattern;

/**
 * The connection's schemas, tables and columns as PostgreSQL's catalog numbers them: pg_catalog is
 * namespace 11 and information_schema 12000, as in PostgreSQL; project {@code i} (in name order) is
 * namespace {@code 16384 + 1000 i} and its tables, in name order, the numbers after it. So an OID
 * names the same object for the connection's life. Columns are read from the tables only when asked
 * for, since a table may discover them with a W&B request.
 */
final class CatalogObjects {
  static final String PG_CATALOG = "pg_catalog";
  static final String INFORMATION_SCHEMA = "information_schema";

  /** The owner of every object: W&B's own permissions are not PostgreSQL's. */
  static final String OWNER = "wandb";

  static final int OWNER_OID = 10;
  static final int PG_CATALOG_OID = 11;
  static final int INFORMATION_SCHEMA_OID = 12000;
  static final int FIRST_PROJECT_OID = 16384;
  private static final int OIDS_PER_NAMESPACE = 1000;

  /** Where a namespace's constraints are numbered from, after its relations. */
  private static final int FIRST_CONSTRAINT = 500;

  /** A primary key's index is its table's OID plus this. */
  private static final int INDEX_OFFSET = 100;

  record Namespace(int oid, String name, boolean project) {}

  record Relation(int oid, Namespace namespace, String name, Table table, char kind) {
    /** What the table holds; an index, which shares its table's, has none of its own. */
    String remarks() {
      return kind != 'i' && table instanceof TableFacts facts ? facts.remarks() : null;
    }
  }

  record Attribute(Relation relation, int number, String name, int typeOid, boolean notNull) {}

  /** A primary ({@code p}) or foreign ({@code f}) key of a project's table. */
  record Constraint(
      int oid,
      Relation relation,
      char type,
      String name,
      List<Short> columns,
      Relation referenced,
      List<Short> referencedColumns) {}

  private final SchemaPlus root;
  private final RelDataTypeFactory typeFactory;
  private final String currentSchema;
  private List<Namespace> namespaces;

  private CatalogObjects(SchemaPlus root, RelDataTypeFactory typeFactory, String currentSchema) {
    this.root = root;
    this.typeFactory = typeFactory;
    this.currentSchema = currentSchema;
  }

  static CatalogObjects of(DataContext context) {
    Object schema = context.get(PgCatalog.CURRENT_SCHEMA);
    return new CatalogObjects(
        context.getRootSchema(), context.getTypeFactory(), schema == null ? null : (String) schema);
  }

  String database() {
    EntitySchema entity = root.unwrap(EntitySchema.class);
    return entity == null ? "" : entity.entity();
  }

  /** The session's project, or null when it has none. */
  String currentSchema() {
    return currentSchema;
  }

  List<Namespace> namespaces() {
    if (namespaces == null) {
      List<Namespace> all = new ArrayList<>();
      all.add(new Namespace(PG_CATALOG_OID, PG_CATALOG, false));
      all.add(new Namespace(INFORMATION_SCHEMA_OID, INFORMATION_SCHEMA, false));
      int i = 0;
      for (String name : sorted(root.subSchemas().getNames(LikePattern.any()))) {
        if (!name.equals(PG_CATALOG) && !name.equals(INFORMATION_SCHEMA)) {
          all.add(new Namespace(FIRST_PROJECT_OID + OIDS_PER_NAMESPACE * i++, name, true));
        }
      }
      namespaces = List.copyOf(all);
    }
    return namespaces;
  }

  Optional<Namespace> namespace(int oid) {
    return namespaces().stream().filter(n -> n.oid() == oid).findFirst();
  }

  Optional<Namespace> namespace(String name) {
    return namespaces().stream().filter(n -> n.name().equals(name)).findFirst();
  }

  List<Relation> relations() {
    List<Relation> all = new ArrayList<>();
    for (Namespace namespace : namespaces()) {
      all.addAll(relations(namespace));
    }
    return all;
  }

  /**
   * The relations a catalog scan needs: the one its column {@code oidColumn} is fixed to by a
   * condition, else all (with the primary keys' indexes, if asked).
   */
  List<Relation> relations(CatalogFilter filter, int oidColumn, boolean withIndexes) {
    Optional<Integer> oid = filter.equalToNumber(oidColumn);
    if (oid.isPresent()) {
      return relation(oid.get()).map(List::of).orElse(List.of());
    }
    return withIndexes ? relationsAndIndexes() : relations();
  }

  List<Relation> relations(Namespace namespace) {
    SchemaPlus schema = root.subSchemas().get(namespace.name());
    List<Relation> relations = new ArrayList<>();
    if (schema == null) {
      return relations;
    }
    List<String> names = sorted(schema.tables().getNames(LikePattern.any()));
    for (int i = 0; i < names.size(); i++) {
      Table table = schema.tables().get(names.get(i));
      char kind = table instanceof CatalogTable catalog ? catalog.kind() : 'r';
      relations.add(
          new Relation(relationOid(namespace, i, table), namespace, names.get(i), table, kind));
    }
    return relations;
  }

  /**
   * The tables with, after each, the index of its primary key: PostgreSQL backs every primary key
   * with a unique index (relkind {@code i}), and clients read keys through it.
   */
  List<Relation> relationsAndIndexes(Namespace namespace) {
    List<Relation> all = new ArrayList<>();
    for (Relation r : relations(namespace)) {
      all.add(r);
      primaryKeyIndex(r).ifPresent(all::add);
    }
    return all;
  }

  List<Relation> relationsAndIndexes() {
    List<Relation> all = new ArrayList<>();
    for (Namespace namespace : namespaces()) {
      all.addAll(relationsAndIndexes(namespace));
    }
    return all;
  }

  /** The index of a table's primary key, known without reading its columns. */
  Optional<Relation> primaryKeyIndex(Relation table) {
    if (table.kind() != 'r'
        || !(table.table() instanceof TableFacts facts)
        || facts.primaryKey().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Relation(
            table.oid() + INDEX_OFFSET,
            table.namespace(),
            table.name() + "_pkey",
            table.table(),
            'i'));
  }

  /** The table whose primary key {@code index} is. */
  Optional<Relation> indexedTable(Relation index) {
    return relations(index.namespace()).stream()
        .filter(r -> primaryKeyIndex(r).map(i -> i.oid() == index.oid()).orElse(false))
        .findFirst();
  }

  Optional<Relation> relation(int oid) {
    for (Namespace namespace : namespaces()) {
      if (oid > namespace.oid() && oid < namespace.oid() + OIDS_PER_NAMESPACE
          || namespace.oid() == PG_CATALOG_OID) {
        Optional<Relation> found =
            relationsAndIndexes(namespace).stream().filter(r -> r.oid() == oid).findFirst();
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** The relation {@code name} names, qualified or found on the search path, as regclass does. */
  Optional<Relation> relation(String name) {
    String[] parts = name.split("\\.", 2);
    List<Namespace> path = new ArrayList<>();
    if (parts.length == 2) {
      namespace(unquote(parts[0])).ifPresent(path::add);
    } else {
      namespace(PG_CATALOG).ifPresent(path::add);
      if (currentSchema != null) {
        namespace(currentSchema).ifPresent(path::add);
      }
    }
    String relation = unquote(parts[parts.length - 1]);
    for (Namespace namespace : path) {
      for (Relation r : relationsAndIndexes(namespace)) {
        if (r.name().equals(relation)) {
          return Optional.of(r);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Its columns, numbered from 1 (an index's: its key's); reading a project table's may discover
   * them from W&B.
   */
  List<Attribute> attributes(Relation relation) {
    List<RelDataTypeField> fields = relation.table().getRowType(typeFactory).getFieldList();
    if (relation.kind() == 'i') {
      List<RelDataTypeField> keyFields = new ArrayList<>();
      for (String column : ((TableFacts) relation.table()).primaryKey()) {
        fields.stream().filter(f -> f.getName().equals(column)).forEach(keyFields::add);
      }
      fields = keyFields;
    }
    List<Attribute> attributes = new ArrayList<>();
    int number = 1;
    for (RelDataTypeField field : fields) {
      attributes.add(
          new Attribute(
              relation,
              number++,
              field.getName(),
              PgTypes.forColumn(field.getType()),
              !field.getType().isNullable()));
    }
    return attributes;
  }

  Optional<String> columnRemarks(Relation relation, String column) {
    return relation.table() instanceof TableFacts facts
        ? facts.columnRemarks(column)
        : Optional.empty();
  }

  /** The primary and foreign keys a project table declares ({@link TableFacts}). */
  List<Constraint> constraints(Relation relation) {
    List<Constraint> constraints = new ArrayList<>();
    if (relation.kind() != 'r' || !(relation.table() instanceof TableFacts facts)) {
      return constraints;
    }
    int base =
        relation.namespace().oid()
            + FIRST_CONSTRAINT
            + 10 * (relation.oid() - relation.namespace().oid());
    if (!facts.primaryKey().isEmpty()) {
      constraints.add(
          new Constraint(
              base,
              relation,
              'p',
              relation.name() + "_pkey",
              numbers(relation, facts.primaryKey()),
              null,
              List.of()));
    }
    int k = 1;
    for (TableFacts.ForeignKey key : facts.foreignKeys()) {
      Optional<Relation> referenced =
          relations(relation.namespace()).stream()
              .filter(r -> r.name().equals(key.referencedTable()))
              .findFirst();
      if (referenced.isPresent()) {
        constraints.add(
            new Constraint(
                base + k++,
                relation,
                'f',
                relation.name() + "_" + key.column() + "_fkey",
                numbers(relation, List.of(key.column())),
                referenced.get(),
                numbers(referenced.get(), List.of(key.referencedColumn()))));
      }
    }
    return constraints;
  }

  Optional<Constraint> constraint(int oid) {
    for (Namespace namespace : namespaces()) {
      if (namespace.project()
          && oid > namespace.oid()
          && oid < namespace.oid() + OIDS_PER_NAMESPACE) {
        for (Relation relation : relations(namespace)) {
          for (Constraint c : constraints(relation)) {
            if (c.oid() == oid) {
              return Optional.of(c);
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  private List<Short> numbers(Relation relation, List<String> columns) {
    List<Attribute> attributes = attributes(relation);
    List<Short> numbers = new ArrayList<>();
    for (String column : columns) {
      attributes.stream()
          .filter(a -> a.name().equals(column))
          .findFirst()
          .ifPresent(a -> numbers.add((short) a.number()));
    }
    return numbers;
  }

  private static int relationOid(Namespace namespace, int index, Table table) {
    if (namespace.oid() == PG_CATALOG_OID && table instanceof CatalogTable catalog) {
      return catalog.oid();
    }
    return namespace.oid() + 1 + index;
  }

  private static String unquote(String name) {
    String n = name.strip();
    return n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")
        ? n.substring(1, n.length() - 1).replace("\"\"", "\"")
        : n;
  }

  private static List<String> sorted(java.util.Set<String> names) {
    List<String> list = new ArrayList<>(names);
    list.sort(null);
    return list;
  }
}
