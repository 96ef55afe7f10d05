package io.github.wandbjdbc.calcite.pgcatalog;

import java.util.Map;

/**
 * The pg_catalog relations of PostgreSQL features W&B has no counterpart of (triggers, rules,
 * policies, publications, sequences, foreign tables, ...): empty, but clients read them, so they
 * exist with PostgreSQL 15's columns.
 */
final class PgEmptyRelations {
  private PgEmptyRelations() {}

  static void addTo(Map<String, CatalogTable> tables) {
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
