package io.github.wandbjdbc.calcite.pgcatalog;

import static io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.OWNER;
import static io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.OWNER_OID;
import static io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.PG_CATALOG_OID;

import io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pg_catalog relations of the server itself: database, roles, settings, access methods,
 * collations, functions, statistics; with those of features W&B has none of ({@link
 * PgEmptyRelations}).
 */
final class PgSystemRelations {
  private PgSystemRelations() {}

  static void addTo(
      Map<String, CatalogTable> tables, List<PgFunctionRegistry.Signature> functions) {
    tables.put(
        "pg_database",
        new CatalogTable(
            1262,
            'r',
            "oid oid, datname name, datdba oid, encoding int4, datlocprovider char,"
                + " datistemplate bool, datallowconn bool, datconnlimit int4, datfrozenxid xid,"
                + " datminmxid xid, dattablespace oid, datcollate text, datctype text,"
                + " daticulocale text, datcollversion text, datacl aclitem[]",
            (objects, filter) ->
                one(
                    16383,
                    objects.database(),
                    OWNER_OID,
                    6,
                    'c',
                    false,
                    true,
                    -1,
                    0,
                    0,
                    1663,
                    "C.UTF-8",
                    "C.UTF-8",
                    null,
                    null,
                    null)));
    String role =
        "rolname name, rolsuper bool, rolinherit bool, rolcreaterole bool, rolcreatedb bool,"
            + " rolcanlogin bool, rolreplication bool, rolconnlimit int4, rolpassword text,"
            + " rolvaliduntil timestamptz, rolbypassrls bool, rolconfig text[], oid oid";
    tables.put(
        "pg_roles",
        new CatalogTable(
            12102,
            'v',
            role,
            (o, f) ->
                one(
                    OWNER,
                    false,
                    true,
                    false,
                    false,
                    true,
                    false,
                    -1,
                    "********",
                    null,
                    false,
                    null,
                    OWNER_OID)));
    tables.put(
        "pg_user",
        new CatalogTable(
            12103,
            'v',
            "usename name, usesysid oid, usecreatedb bool, usesuper bool, userepl bool,"
                + " usebypassrls bool, passwd text, valuntil timestamptz, useconfig text[]",
            (o, f) -> one(OWNER, OWNER_OID, false, false, false, false, "********", null, null)));
    tables.put(
        "pg_settings",
        new CatalogTable(
            12104,
            'v',
            "name text, setting text, unit text, category text, short_desc text,"
                + " extra_desc text, context text, vartype text, source text, min_val text,"
                + " max_val text, enumvals text[], boot_val text, reset_val text,"
                + " sourcefile text, sourceline int4, pending_restart bool",
            (objects, filter) -> {
              List<Object[]> rows = new ArrayList<>();
              for (String[] s : SETTINGS) {
                rows.add(
                    new Object[] {
                      s[0],
                      s[1],
                      null,
                      "Preset Options",
                      s[0],
                      null,
                      "internal",
                      "string",
                      "default",
                      null,
                      null,
                      null,
                      s[1],
                      s[1],
                      null,
                      null,
                      false
                    });
              }
              return rows;
            }));
    tables.put(
        "pg_am",
        new CatalogTable(
            2601,
            'r',
            "oid oid, amname name, amhandler regproc, amtype char",
            (o, f) ->
                List.of(new Object[] {2, "heap", 0, 't'}, new Object[] {403, "btree", 0, 'i'})));
    tables.put(
        "pg_collation",
        new CatalogTable(
            3456,
            'r',
            "oid oid, collname name, collnamespace oid, collowner oid, collprovider char,"
                + " collisdeterministic bool, collencoding int4, collcollate text,"
                + " collctype text, colliculocale text, collversion text",
            (o, f) ->
                List.of(
                    new Object[] {
                      100,
                      "default",
                      PG_CATALOG_OID,
                      OWNER_OID,
                      'd',
                      true,
                      -1,
                      null,
                      null,
                      null,
                      null
                    },
                    new Object[] {
                      950, "C", PG_CATALOG_OID, OWNER_OID, 'c', true, -1, "C", "C", null, null
                    })));
    tables.put(
        "pg_tablespace",
        new CatalogTable(
            1213,
            'r',
            "oid oid, spcname name, spcowner oid, spcacl aclitem[], spcoptions text[]",
            (o, f) -> one(1663, "pg_default", OWNER_OID, null, null)));
    tables.put(
        "pg_language",
        new CatalogTable(
            2612,
            'r',
            "oid oid, lanname name, lanowner oid, lanispl bool, lanpltrusted bool,"
                + " lanplcallfoid oid, laninline oid, lanvalidator oid, lanacl aclitem[]",
            (o, f) -> one(12, "internal", OWNER_OID, false, false, 0, 0, 0, null)));
    tables.put(
        "pg_proc",
        new CatalogTable(
            1255,
            'r',
            "oid oid, proname name, pronamespace oid, proowner oid, prolang oid,"
                + " procost float4, prorows float4, provariadic oid, prosupport regproc,"
                + " prokind char, prosecdef bool, proleakproof bool, proisstrict bool,"
                + " proretset bool, provolatile char, proparallel char, pronargs int2,"
                + " pronargdefaults int2, prorettype oid, proargtypes oidvector,"
                + " proallargtypes oid[], proargmodes char[], proargnames text[],"
                + " proargdefaults pg_node_tree, protrftypes oid[], prosrc text, probin text,"
                + " prosqlbody pg_node_tree, proconfig text[], proacl aclitem[]",
            (objects, filter) -> {
              List<Object[]> rows = new ArrayList<>();
              for (PgFunctionRegistry.Signature s : functions) {
                rows.add(
                    new Object[] {
                      s.oid(),
                      s.name(),
                      PG_CATALOG_OID,
                      OWNER_OID,
                      12,
                      1f,
                      0f,
                      0,
                      0,
                      'f',
                      false,
                      false,
                      false,
                      false,
                      's',
                      's',
                      s.arguments().size(),
                      0,
                      s.result(),
                      s.arguments(),
                      null,
                      null,
                      null,
                      null,
                      null,
                      s.name(),
                      null,
                      null,
                      null,
                      null
                    });
              }
              return rows;
            }));
    String stat =
        "relid oid, schemaname name, relname name, seq_scan int8, seq_tup_read int8,"
            + " idx_scan int8, idx_tup_fetch int8, n_tup_ins int8, n_tup_upd int8,"
            + " n_tup_del int8, n_tup_hot_upd int8, n_live_tup int8, n_dead_tup int8,"
            + " n_mod_since_analyze int8, n_ins_since_vacuum int8, last_vacuum timestamptz,"
            + " last_autovacuum timestamptz, last_analyze timestamptz,"
            + " last_autoanalyze timestamptz, vacuum_count int8, autovacuum_count int8,"
            + " analyze_count int8, autoanalyze_count int8";
    tables.put(
        "pg_stat_user_tables",
        new CatalogTable(12105, 'v', stat, (objects, filter) -> statRows(objects)));
    tables.put(
        "pg_stat_all_tables",
        new CatalogTable(12106, 'v', stat, (objects, filter) -> statRows(objects)));
    PgEmptyRelations.addTo(tables);
  }

  /** Settings clients read at connect time; the rest are not this server's to report. */
  private static final String[][] SETTINGS = {
    {"server_version", "16.0"},
    {"server_version_num", "160000"},
    {"server_encoding", "UTF8"},
    {"client_encoding", "UTF8"},
    {"standard_conforming_strings", "on"},
    {"DateStyle", "ISO, MDY"},
    {"TimeZone", "UTC"},
    {"integer_datetimes", "on"},
    {"max_identifier_length", "63"},
    {"max_index_keys", "32"},
    {"default_transaction_read_only", "on"},
    {"transaction_read_only", "on"}
  };

  /** A setting's value as current_setting() reads it; null for one this server does not have. */
  static String setting(String name) {
    for (String[] s : SETTINGS) {
      if (s[0].equalsIgnoreCase(name)) {
        return s[1];
      }
    }
    return null;
  }

  private static List<Object[]> statRows(CatalogObjects objects) {
    List<Object[]> rows = new ArrayList<>();
    for (Relation r : objects.relations()) {
      if (r.namespace().project()) {
        rows.add(
            new Object[] {
              r.oid(),
              r.namespace().name(),
              r.name(),
              0L,
              0L,
              null,
              null,
              0L,
              0L,
              0L,
              0L,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              0L,
              0L,
              0L,
              0L
            });
      }
    }
    return rows;
  }

  private static List<Object[]> one(Object... values) {
    List<Object[]> rows = new ArrayList<>();
    rows.add(values);
    return rows;
  }
}
