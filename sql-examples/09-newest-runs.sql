-- What are the five newest runs?
-- Pushed to W&B: ORDER BY created_at DESC as order "-created_at" and LIMIT 5 as the page size;
--   one request for five runs.
-- Evaluated locally: the same sort again over those five rows (Calcite has the last word on
--   order).
-- expect-request: runs(filters={}, order=-created_at, limit=5, fields=[displayName, state, createdAt])
SELECT run_id, display_name, state, created_at
FROM runs
ORDER BY created_at DESC
LIMIT 5
