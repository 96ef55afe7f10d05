-- Which runs carry the tag "baseline"?
-- Pushed to W&B: only the column list. Deliberately NOT pushed: the filter. tags is JSON array
--   text, and a LIKE on that text is not a question about tags that W&B's filter language can
--   ask exactly, so the driver gives W&B no filter at all.
-- Evaluated locally: tags LIKE '%"baseline"%' (the quotes make it match the whole tag only) and
--   the ORDER BY.
-- expect-request: runs(filters={}, heavyFields=[])
SELECT run_id, display_name, tags
FROM runs
WHERE tags LIKE '%"baseline"%'
ORDER BY run_id
