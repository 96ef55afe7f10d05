-- The loss curve of the most accurate finished run: its first 100 steps, every tenth step.
-- Pushed to W&B: for runs, the filter state = "finished" with summaryMetrics only; for
--   histories, only the keys loss and val_loss (one sampledHistory spec each, plus _step) and
--   the step range _step < 100, read in exact windows, for the best run only (a batched join
--   passes its run_id to the history scan).
-- Ordered by the runs scan: the best run by summary.acc (a proven top-1, not a full listing).
-- Evaluated locally: the join on run_id, the every-tenth-step condition and the final order.
-- expect-request: runs(filters={"state":"finished"}, in summary.acc DESC NULLS LAST (order=-summary_metrics.acc as a hint, proven by runCount), first 1
-- expect-request: histories(columns=[run_id, _step, loss, val_loss], run_id in [$cor
-- expect-request: _step < 100)
SELECT h._step, h.loss, h.val_loss
FROM histories h
JOIN (SELECT run_id FROM runs WHERE state = 'finished'
      ORDER BY "summary.acc" DESC NULLS LAST LIMIT 1) best
  ON h.run_id = best.run_id
WHERE h._step < 100 AND MOD(h._step, 10) = 0
ORDER BY h._step
