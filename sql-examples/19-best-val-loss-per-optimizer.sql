-- For each optimizer, the lowest validation loss any finished run reached, and over how many runs.
-- Pushed to W&B: for runs, the filter state = "finished" with config only; for histories, only
--   the key val_loss (logged every tenth step: its own spec, merged with the _step spec by step,
--   so no row is lost where it is missing), read only for the finished runs (batched join).
-- Evaluated locally: the join on run_id, MIN and COUNT per optimizer, the order.
-- expect-request: runs(filters={"state":"finished"}, fields=[state], configKeys=[optimizer])
-- expect-request: histories(columns=[run_id, val_loss], run_id in [$cor
SELECT r."config.optimizer" AS optimizer,
       COUNT(DISTINCT r.run_id) AS runs,
       MIN(h.val_loss) AS best_val_loss
FROM runs r
JOIN histories h ON h.run_id = r.run_id
WHERE r.state = 'finished'
GROUP BY r."config.optimizer"
ORDER BY optimizer
