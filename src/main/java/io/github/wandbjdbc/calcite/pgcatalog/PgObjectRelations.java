package io.github.wandbjdbc.calcite.pgcatalog;

import static io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.OWNER_OID;

import io.github.wandbjdbc.calcite.TableFacts;
import io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.Attribute;
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
    PgKeyRelations.addTo(tables);
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
              for (Relation r : objects.relations(filter, 0, true)) {
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
              for (Relation r : objects.relations(filter, 0, true)) {
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
              boolean tablesOnly = filter.equalToNumber(2).map(n -> n == 0).orElse(false);
              List<Object[]> rows = new ArrayList<>();
              for (Relation r : objects.relations(filter, 0, false)) {
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
   * pg_class.relnatts: a W&B table's columns are discovered on use, not to list it, so it is 0
   * there; an index's are its key's.
   */
  private static int columnCount(CatalogObjects objects, Relation r) {
    if (r.kind() == 'i') {
      return ((TableFacts) r.table()).primaryKey().size();
    }
    return r.table() instanceof CatalogTable ? objects.attributes(r).size() : 0;
  }
}
