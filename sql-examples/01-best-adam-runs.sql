-- Which ten Adam runs reached the highest final accuracy?
-- Pushed to W&B: the filter config.optimizer = "adam" (a superset: a discovered column, so the
--   equality is re-checked locally), only the five columns used, with config and summaryMetrics.
-- Ordered by the scan: ORDER BY "summary.acc" DESC NULLS LAST is sent as a hint, the first page
--   is proven complete by runCount, and the runs come out in SQL's order, so the LIMIT stops
--   the reading after the re-check of the filter has kept ten of them.
-- Evaluated locally: the re-check of the filter, and the LIMIT.
-- expect-request: runs(filters={"config.optimizer":"adam"}, in summary.acc DESC NULLS LAST (order=-summary_metrics.acc as a hint, proven by runCount), first 10, fields=[displayName, state], configKeys=[lr, optimizer], summaryKeys=[acc])
SELECT run_id, display_name, state, "config.lr", "summary.acc"
FROM runs
WHERE "config.optimizer" = 'adam'
ORDER BY "summary.acc" DESC NULLS LAST
LIMIT 10
