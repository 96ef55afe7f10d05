package io.github.wandbjdbc.calcite.pgcatalog;

import static io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.OWNER;
import static io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.OWNER_OID;
import static io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.PG_CATALOG_OID;

import io.github.wandbjdbc.calcite.pgcatalog.CatalogObjects.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pg_catalog relations of the server itself (database, roles, settings, access methods,
 * functions), and those of PostgreSQL features W&B has no counterpart of, which are empty: clients
 * read them, so they must exist with PostgreSQL 15's columns.
 */
final class PgSystemRelations {
  private PgSystemRelations() {}

  static void addTo(Map<String, CatalogTable> tables, List<PgFunctions.Signature> functions) {
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
              for (PgFunctions.Signature s : functions) {
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
    addEmpty(tables);
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

  private static void addEmpty(Map<String, CatalogTable> tables) {
    empty(
        tables,
        "pg_inherits",
        2611,
        "inhrelid oid, inhparent oid, inhseqno int4, inhdetachpending bool");
    empty(tables, "pg_attrdef", 2604, "oid oid, adrelid oid, adnum int2, adbin pg_node_tree");
    empty(
        tables,
        "pg_extension",
        3079,
        "oid oid, extname name, extowner oid, extnamespace oid, extrelocatable bool,"
            + " extversion text, extconfig oid[], extcondition text[]");
    empty(
        tables,
        "pg_trigger",
        2620,
        "oid oid, tgrelid oid, tgparentid oid, tgname name, tgfoid oid, tgtype int2,"
            + " tgenabled char, tgisinternal bool, tgconstrrelid oid, tgconstrindid oid,"
            + " tgconstraint oid, tgdeferrable bool, tginitdeferred bool, tgnargs int2,"
            + " tgattr int2vector, tgargs text, tgqual pg_node_tree, tgoldtable name,"
            + " tgnewtable name");
    empty(
        tables,
        "pg_rewrite",
        2618,
        "oid oid, rulename name, ev_class oid, ev_type char, ev_enabled char, is_instead bool,"
            + " ev_qual pg_node_tree, ev_action pg_node_tree");
    empty(
        tables,
        "pg_policy",
        3256,
        "oid oid, polname name, polrelid oid, polcmd char, polpermissive bool, polroles oid[],"
            + " polqual pg_node_tree, polwithcheck pg_node_tree");
    empty(
        tables,
        "pg_statistic_ext",
        3381,
        "oid oid, stxrelid oid, stxname name, stxnamespace oid, stxowner oid,"
            + " stxstattarget int4, stxkeys int2vector, stxkind char[], stxexprs pg_node_tree");
    empty(
        tables,
        "pg_publication",
        6104,
        "oid oid, pubname name, pubowner oid, puballtables bool, pubinsert bool,"
            + " pubupdate bool, pubdelete bool, pubtruncate bool, pubviaroot bool");
    empty(
        tables,
        "pg_publication_rel",
        6106,
        "oid oid, prpubid oid, prrelid oid, prqual pg_node_tree, prattrs int2vector");
    empty(tables, "pg_publication_namespace", 6237, "oid oid, pnpubid oid, pnnspid oid");
    empty(tables, "pg_foreign_table", 3118, "ftrelid oid, ftserver oid, ftoptions text[]");
    empty(
        tables,
        "pg_foreign_server",
        1417,
        "oid oid, srvname name, srvowner oid, srvfdw oid, srvtype text, srvversion text,"
            + " srvacl aclitem[], srvoptions text[]");
    empty(
        tables,
        "pg_foreign_data_wrapper",
        2328,
        "oid oid, fdwname name, fdwowner oid, fdwhandler oid, fdwvalidator oid,"
            + " fdwacl aclitem[], fdwoptions text[]");
    empty(
        tables,
        "pg_partitioned_table",
        3350,
        "partrelid oid, partstrat char, partnatts int2, partdefid oid, partattrs int2vector,"
            + " partclass oidvector, partcollation oidvector, partexprs pg_node_tree");
    empty(
        tables,
        "pg_sequence",
        2224,
        "seqrelid oid, seqtypid oid, seqstart int8, seqincrement int8, seqmax int8,"
            + " seqmin int8, seqcache int8, seqcycle bool");
    empty(
        tables,
        "pg_depend",
        2608,
        "classid oid, objid oid, objsubid int4, refclassid oid, refobjid oid,"
            + " refobjsubid int4, deptype char");
    empty(tables, "pg_shdescription", 2396, "objoid oid, classoid oid, description text");
    empty(
        tables,
        "pg_operator",
        2617,
        "oid oid, oprname name, oprnamespace oid, oprowner oid, oprkind char,"
            + " oprcanmerge bool, oprcanhash bool, oprleft oid, oprright oid, oprresult oid,"
            + " oprcom oid, oprnegate oid, oprcode regproc, oprrest regproc, oprjoin regproc");
    empty(
        tables,
        "pg_cast",
        2605,
        "oid oid, castsource oid, casttarget oid, castfunc oid, castcontext char,"
            + " castmethod char");
    empty(tables, "pg_enum", 3501, "oid oid, enumtypid oid, enumsortorder float4, enumlabel name");
    empty(
        tables,
        "pg_range",
        3541,
        "rngtypid oid, rngsubtype oid, rngmultitypid oid, rngcollation oid, rngsubopc oid,"
            + " rngcanonical regproc, rngsubdiff regproc");
    empty(
        tables,
        "pg_event_trigger",
        3466,
        "oid oid, evtname name, evtevent name, evtowner oid, evtfoid oid, evtenabled char,"
            + " evttags text[]");
    empty(
        tables,
        "pg_opclass",
        2616,
        "oid oid, opcmethod oid, opcname name, opcnamespace oid, opcowner oid,"
            + " opcfamily oid, opcintype oid, opcdefault bool, opckeytype oid");
    empty(
        tables,
        "pg_auth_members",
        1261,
        "oid oid, roleid oid, member oid, grantor oid, admin_option bool");
    empty(
        tables,
        "pg_views",
        12107,
        "schemaname name, viewname name, viewowner name, definition text");
    empty(
        tables,
        "pg_matviews",
        12108,
        "schemaname name, matviewname name, matviewowner name, tablespace name,"
            + " hasindexes bool, ispopulated bool, definition text");
    empty(
        tables,
        "pg_indexes",
        12109,
        "schemaname name, tablename name, indexname name, tablespace name, indexdef text");
    empty(
        tables,
        "pg_sequences",
        12110,
        "schemaname name, sequencename name, sequenceowner name, data_type regtype,"
            + " start_value int8, min_value int8, max_value int8, increment_by int8,"
            + " cycle bool, cache_size int8, last_value int8");
    empty(
        tables,
        "pg_stat_activity",
        12111,
        "datid oid, datname name, pid int4, leader_pid int4, usesysid oid, usename name,"
            + " application_name text, client_addr inet, client_hostname text,"
            + " client_port int4, backend_start timestamptz, xact_start timestamptz,"
            + " query_start timestamptz, state_change timestamptz, wait_event_type text,"
            + " wait_event text, state text, backend_xid xid, backend_xmin xid, query_id int8,"
            + " query text, backend_type text");
  }

  private static void empty(
      Map<String, CatalogTable> tables, String name, int oid, String columns) {
    tables.put(name, CatalogTable.empty(oid, columns));
  }
}
