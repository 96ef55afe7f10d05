-- Which runs belong to sweep k3x9q2aw, and what did each of them try?
-- Pushed to W&B: the filter sweep = "k3x9q2aw" (exact), the columns used, with config (for the
--   two config columns) but without summaryMetrics.
-- Evaluated locally: ORDER BY run_id (no LIMIT, so not pushed).
-- expect-request: runs(filters={"sweep":"k3x9q2aw"}, fields=[displayName, state], configKeys=[lr, optimizer])
SELECT run_id, display_name, state, "config.optimizer", "config.lr"
FROM runs
WHERE sweep_name = 'k3x9q2aw'
ORDER BY run_id
