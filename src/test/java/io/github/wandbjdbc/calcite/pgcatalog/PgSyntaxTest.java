package io.github.wandbjdbc.calcite.pgcatalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What {@link PgSyntax} rewrites, and what it leaves alone (literals, names, comments). */
class PgSyntaxTest {
  @Test
  void operatorAndCollateForms() {
    assertEquals(
        "WHERE c.relname ~ '^(runs)$'",
        PgSyntax.rewrite(
            "WHERE c.relname OPERATOR(pg_catalog.~) '^(runs)$' COLLATE pg_catalog.default"));
    assertEquals("WHERE n !~ '^pg_'", PgSyntax.rewrite("WHERE n OPERATOR(pg_catalog.!~) '^pg_'"));
  }

  @Test
  void castsOfLiteralsToCatalogTypes() {
    assertEquals(
        "WHERE oid = regclass('demo.runs')", PgSyntax.rewrite("WHERE oid = 'demo.runs'::regclass"));
    assertEquals(
        "SELECT regproc('pg_catalog.array_in')",
        PgSyntax.rewrite("SELECT 'pg_catalog.array_in'::pg_catalog.regproc"));
    assertEquals("SELECT pg_text_array('{r,v}')", PgSyntax.rewrite("SELECT '{r,v}'::text[]"));
    assertEquals("SELECT x::regtype ARRAY", PgSyntax.rewrite("SELECT x::regtype[]"));
    assertEquals("SELECT pg_vector_text(ix.indkey)", PgSyntax.rewrite("SELECT ix.indkey::varchar"));
    assertEquals("SELECT c.oid::regclass", PgSyntax.rewrite("SELECT c.oid::regclass"));
  }

  @Test
  void labelsSchemaFunctionAndSetReturningCalls() {
    assertEquals("SELECT 1 AS \"default\"", PgSyntax.rewrite("SELECT 1 AS DEFAULT"));
    assertEquals(
        "WHERE n = pg_current_schema() OR n = pg_current_schema()",
        PgSyntax.rewrite("WHERE n = current_schema() OR n = current_schema"));
    assertEquals(
        "SELECT 'toast.' || x FROM UNNEST(tc.reloptions) AS x(x)",
        PgSyntax.rewrite("SELECT 'toast.' || x FROM pg_catalog.unnest(tc.reloptions) x"));
    assertEquals(
        "SELECT pg_srf_unnest(ix.indkey) attnum FROM pg_index ix",
        PgSyntax.rewrite("SELECT unnest(ix.indkey) attnum FROM pg_index ix"));
    assertEquals(
        "SELECT * FROM UNNEST(current_schemas(true)) AS \"unnest\"(\"unnest\")",
        PgSyntax.rewrite("SELECT * FROM unnest(current_schemas(true))"));
  }

  @Test
  void substringWithoutFromStartsAtOne() {
    assertEquals(
        "SELECT substring(pg_get_expr(d.adbin, d.adrelid, true) FROM 1 for 128)",
        PgSyntax.rewrite("SELECT substring(pg_get_expr(d.adbin, d.adrelid, true) for 128)"));
    assertEquals(
        "SELECT substring(x from 2 for 3), substring('for' FROM 1 for 1)",
        PgSyntax.rewrite("SELECT substring(x from 2 for 3), substring('for' for 1)"));
  }

  @Test
  void explainBecomesCalcitesForm() {
    assertEquals("EXPLAIN PLAN FOR SELECT 1", PgSyntax.rewrite("EXPLAIN SELECT 1"));
    assertEquals("EXPLAIN PLAN FOR SELECT 1", PgSyntax.rewrite("EXPLAIN PLAN FOR SELECT 1"));
  }

  @Test
  void quotedTextIsNeverRewritten() {
    String sql =
        "SELECT 'x OPERATOR(pg_catalog.~) y', \"AS DEFAULT\", $$ 'a'::regclass $$"
            + " -- current_schema()\n/* COLLATE \"C\" */ FROM t";
    assertEquals(sql, PgSyntax.rewrite(sql));
  }
}
