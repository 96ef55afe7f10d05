-- Which ten Adam runs reached the highest final accuracy?
-- Pushed to W&B: the filter config.optimizer = "adam" (a superset: a discovered column, so the
--   equality is re-checked locally), only the five columns used, with config and summaryMetrics.
-- Evaluated locally: the re-check of the filter, and ORDER BY "summary.acc" DESC NULLS LAST
--   LIMIT 10 as a bounded top-N (W&B's placement of missing metrics is unverified, so sorts on
--   nullable keys are never pushed, and neither is a LIMIT above them).
-- expect-request: runs(filters={"config.optimizer":"adam"}, fields=[displayName, state], configKeys=[lr, optimizer], summaryKeys=[acc])
SELECT run_id, display_name, state, "config.lr", "summary.acc"
FROM runs
WHERE "config.optimizer" = 'adam'
ORDER BY "summary.acc" DESC NULLS LAST
LIMIT 10
