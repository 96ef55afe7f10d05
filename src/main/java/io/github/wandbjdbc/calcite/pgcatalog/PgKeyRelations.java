package io.github.wandbjdbc.calcite.pgcatalog;

import io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.Constraint;
import io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.Relation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * pg_constraint and pg_index: the primary and foreign keys the tables declare, and the unique index
 * PostgreSQL backs each primary key with.
 */
final class PgKeyRelations {
  private PgKeyRelations() {}

  static void addTo(Map<String, CatalogTable> tables) {
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
              for (Relation r : objects.relations(filter, 7, false)) {
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
              for (Relation r : objects.relations(filter, 1, false)) {
                Optional<Relation> index = objects.primaryKeyIndex(r);
                Optional<Constraint> primary =
                    objects.constraints(r).stream().filter(c -> c.type() == 'p').findFirst();
                if (index.isPresent() && primary.isPresent()) {
                  // the index's key is the primary key's columns, as pg_constraint numbers them
                  List<Short> key = primary.get().columns();
                  List<Integer> zeros = Collections.nCopies(key.size(), 0);
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
  }
}
