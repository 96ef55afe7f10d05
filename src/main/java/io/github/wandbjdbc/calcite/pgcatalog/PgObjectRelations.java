package io.github.wandbjdbc.calcite.pgcatalog;

import static io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.OWNER_OID;

import io.github.wandbjdbc.calcite.TableFacts;
import io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.Attribute;
import io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.Constraint;
import io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.Namespace;
import io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pg_catalog relations that describe the connection's own objects: namespaces, relations,
 * columns, types, comments and keys, with PostgreSQL 15's columns.
 */
final class PgObjectRelations {
  static final int PG_CLASS = 1259;
  static final int PG_NAMESPACE = 2615;

  private PgObjectRelations() {}

  static void addTo(Map<String, CatalogTable> tables) {
    tables.put(
        "pg_namespace",
        new CatalogTable(
            PG_NAMESPACE,
            'r',
            "oid oid, nspname name, nspowner oid, nspacl aclitem[]",
            (objects, filter) -> {
              List<Object[]> rows = new ArrayList<>();
              for (Namespace n : objects.namespaces()) {
                rows.add(new Object[] {n.oid(), n.name(), OWNER_OID, null});
              }
              return rows;
            }));
    tables.put(
        "pg_class",
        new CatalogTable(
            PG_CLASS,
            'r',
            "oid oid, relname name, relnamespace oid, reltype oid, reloftype oid, relowner oid,"
                + " relam oid, relfilenode oid, reltablespace oid, relpages int4, reltuples float4,"
                + " relallvisible int4, reltoastrelid oid, relhasindex bool, relisshared bool,"
                + " relpersistence char, relkind char, relnatts int2, relchecks int2,"
                + " relhasrules bool, relhastriggers bool, relhassubclass bool,"
                + " relrowsecurity bool, relforcerowsecurity bool, relispopulated bool,"
                + " relreplident char, relispartition bool, relrewrite oid, relfrozenxid xid,"
                + " relminmxid xid, relacl aclitem[], reloptions text[], relpartbound pg_node_tree",
            (objects, filter) -> {
              List<Object[]> rows = new ArrayList<>();
              for (Relation r : relationsAndIndexes(objects, filter, 0)) {
                rows.add(
                    new Object[] {
                      r.oid(),
                      r.name(),
                      r.namespace().oid(),
                      0,
                      0,
                      OWNER_OID,
                      r.kind() == 'r' ? 2 : r.kind() == 'i' ? 403 : 0,
                      0,
                      0,
                      0,
                      -1f,
                      0,
                      0,
                      objects.primaryKeyIndex(r).isPresent(),
                      false,
                      'p',
                      r.kind(),
                      columnCount(objects, r),
                      0,
                      false,
                      false,
                      false,
                      false,
                      false,
                      true,
                      'd',
                      false,
                      0,
                      0,
                      0,
                      null,
                      null,
                      null
                    });
              }
              return rows;
            }));
    tables.put(
        "pg_attribute",
        new CatalogTable(
            1249,
            'r',
            "attrelid oid, attname name, atttypid oid, attstattarget int4, attlen int2,"
                + " attnum int2, attndims int4, attcacheoff int4, atttypmod int4, attbyval bool,"
                + " attalign char, attstorage char, attcompression char, attnotnull bool,"
                + " atthasdef bool, atthasmissing bool, attidentity char, attgenerated char,"
                + " attisdropped bool, attislocal bool, attinhcount int4, attcollation oid,"
                + " attacl aclitem[], attoptions text[], attfdwoptions text[],"
                + " attmissingval anyarray",
            (objects, filter) -> {
              List<Object[]> rows = new ArrayList<>();
              for (Relation r : relationsAndIndexes(objects, filter, 0)) {
                for (Attribute a : objects.attributes(r)) {
                  int length = PgTypes.byOid(a.typeOid()).map(PgTypes.PgType::length).orElse(-1);
                  boolean text = a.typeOid() == PgTypes.TEXT;
                  rows.add(
                      new Object[] {
                        r.oid(),
                        a.name(),
                        a.typeOid(),
                        -1,
                        length,
                        a.number(),
                        0,
                        -1,
                        -1,
                        length > 0 && length <= 8,
                        length == 8 ? 'd' : 'i',
                        text ? 'x' : 'p',
                        "",
                        a.notNull(),
                        false,
                        false,
                        "",
                        "",
                        false,
                        true,
                        0,
                        text ? 100 : 0,
                        null,
                        null,
                        null,
                        null
                      });
                }
              }
              return rows;
            }));
    tables.put(
        "pg_description",
        new CatalogTable(
            2609,
            'r',
            "objoid oid, classoid oid, objsubid int4, description text",
            (objects, filter) -> {
              boolean tablesOnly = filter.equalTo(2).map(v -> number(v) == 0).orElse(false);
              List<Object[]> rows = new ArrayList<>();
              for (Relation r : relations(objects, filter, 0)) {
                if (r.remarks() != null) {
                  rows.add(new Object[] {r.oid(), PG_CLASS, 0, r.remarks()});
                }
                if (!tablesOnly && r.kind() == 'r' && !(r.table() instanceof CatalogTable)) {
                  for (Attribute a : objects.attributes(r)) {
                    Optional<String> remarks = objects.columnRemarks(r, a.name());
                    if (remarks.isPresent()) {
                      rows.add(new Object[] {r.oid(), PG_CLASS, a.number(), remarks.get()});
                    }
                  }
                }
              }
              return rows;
            }));
    tables.put(
        "pg_constraint",
        new CatalogTable(
            2606,
            'r',
            "oid oid, conname name, connamespace oid, contype char, condeferrable bool,"
                + " condeferred bool, convalidated bool, conrelid oid, contypid oid, conindid oid,"
                + " conparentid oid, confrelid oid, confupdtype char, confdeltype char,"
                + " confmatchtype char, conislocal bool, coninhcount int4, connoinherit bool,"
                + " conkey int2[], confkey int2[], conpfeqop oid[], conppeqop oid[],"
                + " conffeqop oid[], confdelsetcols int2[], conexclop oid[], conbin pg_node_tree",
            (objects, filter) -> {
              List<Object[]> rows = new ArrayList<>();
              for (Relation r : relations(objects, filter, 7)) {
                for (Constraint c : objects.constraints(r)) {
                  boolean foreign = c.type() == 'f';
                  rows.add(
                      new Object[] {
                        c.oid(),
                        c.name(),
                        r.namespace().oid(),
                        c.type(),
                        false,
                        false,
                        true,
                        r.oid(),
                        0,
                        // the index behind the key: its own, or the one it refers to
                        objects
                            .primaryKeyIndex(foreign ? c.referenced() : r)
                            .map(Relation::oid)
                            .orElse(0),
                        0,
                        foreign ? c.referenced().oid() : 0,
                        foreign ? "a" : " ",
                        foreign ? "a" : " ",
                        foreign ? "s" : " ",
                        true,
                        0,
                        true,
                        c.columns(),
                        foreign ? c.referencedColumns() : null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null
                      });
                }
              }
              return rows;
            }));
    tables.put(
        "pg_type",
        new CatalogTable(
            1247,
            'r',
            "oid oid, typname name, typnamespace oid, typowner oid, typlen int2, typbyval bool,"
                + " typtype char, typcategory char, typispreferred bool, typisdefined bool,"
                + " typdelim char, typrelid oid, typsubscript regproc, typelem oid, typarray oid,"
                + " typinput regproc, typoutput regproc, typreceive regproc, typsend regproc,"
                + " typmodin regproc, typmodout regproc, typanalyze regproc, typalign char,"
                + " typstorage char, typnotnull bool, typbasetype oid, typtypmod int4,"
                + " typndims int4, typcollation oid, typdefaultbin pg_node_tree, typdefault text,"
                + " typacl aclitem[]",
            (objects, filter) -> {
              List<Object[]> rows = new ArrayList<>();
              for (PgTypes.PgType t : PgTypes.ALL) {
                rows.add(
                    new Object[] {
                      t.oid(),
                      t.name(),
                      CatalogObjects.PG_CATALOG_OID,
                      OWNER_OID,
                      t.length(),
                      t.length() > 0 && t.length() <= 8,
                      'b',
                      t.category(),
                      false,
                      true,
                      ",",
                      0,
                      0,
                      t.element(),
                      t.array(),
                      0,
                      0,
                      0,
                      0,
                      0,
                      0,
                      0,
                      t.length() == 8 ? 'd' : 'i',
                      t.length() > 0 ? 'p' : 'x',
                      false,
                      0,
                      -1,
                      0,
                      t.category() == 'S' ? 100 : 0,
                      null,
                      null,
                      null
                    });
              }
              return rows;
            }));
    tables.put(
        "pg_index",
        new CatalogTable(
            2610,
            'r',
            "indexrelid oid, indrelid oid, indnatts int2, indnkeyatts int2, indisunique bool,"
                + " indnullsnotdistinct bool, indisprimary bool, indisexclusion bool,"
                + " indimmediate bool, indisclustered bool, indisvalid bool, indcheckxmin bool,"
                + " indisready bool, indislive bool, indisreplident bool, indkey int2vector,"
                + " indcollation oidvector, indclass oidvector, indoption int2vector,"
                + " indexprs pg_node_tree, indpred pg_node_tree",
            (objects, filter) -> {
              List<Object[]> rows = new ArrayList<>();
              for (Relation r : relations(objects, filter, 1)) {
                Optional<Relation> index = objects.primaryKeyIndex(r);
                if (index.isPresent()) {
                  List<Short> key = new ArrayList<>();
                  List<Integer> zeros = new ArrayList<>();
                  List<Attribute> columns = objects.attributes(r);
                  for (Attribute a : objects.attributes(index.get())) {
                    columns.stream()
                        .filter(column -> column.name().equals(a.name()))
                        .forEach(column -> key.add((short) column.number()));
                    zeros.add(0);
                  }
                  rows.add(
                      new Object[] {
                        index.get().oid(),
                        r.oid(),
                        key.size(),
                        key.size(),
                        true,
                        false,
                        true,
                        false,
                        true,
                        false,
                        true,
                        false,
                        true,
                        true,
                        false,
                        key,
                        zeros,
                        zeros,
                        zeros,
                        null,
                        null
                      });
                }
              }
              return rows;
            }));
    tables.put(
        "pg_tables",
        new CatalogTable(
            12101,
            'v',
            "schemaname name, tablename name, tableowner name, tablespace name,"
                + " hasindexes bool, hasrules bool, hastriggers bool, rowsecurity bool",
            (objects, filter) -> {
              List<Object[]> rows = new ArrayList<>();
              for (Relation r : objects.relations()) {
                if (r.kind() == 'r') {
                  rows.add(
                      new Object[] {
                        r.namespace().name(),
                        r.name(),
                        CatalogObjects.OWNER,
                        null,
                        false,
                        false,
                        false,
                        false
                      });
                }
              }
              return rows;
            }));
  }

  /**
   * The relations a scan needs: only the one column {@code oidColumn} names, when a condition fixes
   * it, else all.
   */
  private static List<Relation> relations(
      CatalogObjects objects, CatalogFilter filter, int oidColumn) {
    Optional<Object> oid = filter.equalTo(oidColumn);
    if (oid.isPresent()) {
      return objects.relation(number(oid.get())).map(List::of).orElse(List.of());
    }
    return objects.relations();
  }

  /**
   * pg_class.relnatts: a W&B table's columns are discovered on use, not to list it, so it is 0
   * there; an index's are its key's.
   */
  /** As {@link #relations}, with the primary keys' indexes. */
  private static List<Relation> relationsAndIndexes(
      CatalogObjects objects, CatalogFilter filter, int oidColumn) {
    Optional<Object> oid = filter.equalTo(oidColumn);
    if (oid.isPresent()) {
      return objects.relation(number(oid.get())).map(List::of).orElse(List.of());
    }
    return objects.relationsAndIndexes();
  }

  private static int columnCount(CatalogObjects objects, Relation r) {
    if (r.kind() == 'i') {
      return ((TableFacts) r.table()).primaryKey().size();
    }
    return r.table() instanceof CatalogTable ? objects.attributes(r).size() : 0;
  }

  static int number(Object value) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.parseInt(String.valueOf(value).strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
