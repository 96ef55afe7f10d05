-- How do the configs of the five most accurate finished runs compare?
-- Pushed to W&B: state = "finished" (exact), the columns used, with config and summaryMetrics.
-- Ordered by the scan: ORDER BY "summary.acc" DESC NULLS LAST with LIMIT 5, proven rather than
--   trusted to W&B (a first page in W&B's order, then runCounts; see README "ORDER BY a metric").
-- Evaluated locally: the LIMIT, which stops the scan after five runs.
-- expect-request: in summary.acc DESC NULLS LAST (order=-summary_metrics.acc as a hint, proven by runCount), first 5
-- expect-request: configKeys=[batch_size, dropout, epochs, lr, model, optimizer], summaryKeys=[acc])
SELECT run_id, "summary.acc", "config.optimizer", "config.lr", "config.batch_size",
       "config.epochs", "config.dropout", "config.model.layers", "config.model.activation"
FROM runs
WHERE state = 'finished'
ORDER BY "summary.acc" DESC NULLS LAST
LIMIT 5
