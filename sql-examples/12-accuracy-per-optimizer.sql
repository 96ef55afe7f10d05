-- Per optimizer: how many runs, how many logged an accuracy, and their mean final accuracy?
-- Pushed to W&B: the column list only (config and summaryMetrics are needed).
-- Evaluated locally: GROUP BY, COUNT, AVG (W&B has no aggregates) and the ORDER BY.
-- expect-request: runs(filters={}, fields=[], configKeys=[optimizer], summaryKeys=[acc])
SELECT "config.optimizer" AS optimizer, COUNT(*) AS runs, COUNT("summary.acc") AS with_acc,
       ROUND(AVG("summary.acc"), 4) AS mean_acc
FROM runs
GROUP BY "config.optimizer"
ORDER BY optimizer
