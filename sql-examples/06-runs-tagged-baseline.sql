-- Which runs carry the tag "baseline"?
-- Pushed to W&B: only the column list. Deliberately NOT pushed: the filter. tags is JSON array
--   text that the driver does not map to W&B's tags filter key; a LIKE over that text has no
--   exact W&B form, so W&B gets no filter at all and every run is read.
-- Evaluated locally: tags LIKE '%"baseline"%' (the quotes make it match the whole tag only) and
--   the ORDER BY.
-- expect-request: runs(filters={}, fields=[displayName, tags])
SELECT run_id, display_name, tags
FROM runs
WHERE tags LIKE '%"baseline"%'
ORDER BY run_id
