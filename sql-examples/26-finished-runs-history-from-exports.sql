-- How many loss points did each finished run log, and what was its last step?
-- Pushed to W&B: the finished runs (a state filter), then their histories, read from W&B's
--   parquet exports: one question for the exports of up to 100 runs, then, per file, its footer
--   and only the _step and loss columns, by range reads. Steps not yet exported would be read live.
-- Evaluated locally: the grouping and the order.
-- expect-request: exports=[W&B's parquet files for exported steps, the rest live]
-- expect-request: runs(filters={"state":"finished"}
SELECT r.run_id, COUNT(h.loss) AS loss_points, MAX(h._step) AS last_step
FROM runs r
JOIN histories h ON h.run_id = r.run_id
WHERE r.state = 'finished'
GROUP BY r.run_id
ORDER BY r.run_id
LIMIT 5
