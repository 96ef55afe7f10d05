-- How many runs are in each state?
-- Pushed to W&B: nothing but the column list: each run is fetched with just its state, no
--   config, summary or system metrics.
-- Evaluated locally: GROUP BY state and COUNT(*) (W&B has no grouped counts), and the ORDER BY.
-- expect-request: runs(filters={}, fields=[state])
SELECT state, COUNT(*) AS runs
FROM runs
GROUP BY state
ORDER BY runs DESC, state
