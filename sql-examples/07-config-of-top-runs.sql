-- How do the configs of the five most accurate finished runs compare?
-- Pushed to W&B: state = "finished" (exact), the columns used, with config and summaryMetrics.
-- Evaluated locally: ORDER BY "summary.acc" DESC NULLS LAST LIMIT 5 as a top-N (summary
--   metrics are nullable, so neither the order nor the LIMIT is pushed).
-- expect-request: runs(filters={"state":"finished"}, fields=[], configKeys=[batch_size, dropout, epochs, lr, model, optimizer], summaryKeys=[acc])
SELECT run_id, "summary.acc", "config.optimizer", "config.lr", "config.batch_size",
       "config.epochs", "config.dropout", "config.model.layers", "config.model.activation"
FROM runs
WHERE state = 'finished'
ORDER BY "summary.acc" DESC NULLS LAST
LIMIT 5
