-- The first columns of runs with their types and descriptions, read from pg_catalog as psql's
--   \d+ and SQLAlchemy's inspector read them: with dialect=postgresql (what the PostgreSQL
--   endpoint's sessions use) PostgreSQL's syntax works ('demo.runs'::regclass) and the catalog
--   is a set of tables built from the driver's own metadata, evaluated by Calcite.
-- connect: dialect=postgresql
-- Pushed to W&B: nothing; pg_attribute's scan is fixed to the one relation, so it reads only
--   that table's columns (discovered once per connection).
-- Evaluated locally: the whole query, over the catalog's relations.
-- expect-request: pg_attribute
SELECT a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) AS data_type,
  col_description(a.attrelid, a.attnum) AS description
FROM pg_catalog.pg_attribute a
WHERE a.attrelid = 'demo.runs'::regclass AND a.attnum <= 6
ORDER BY a.attnum
