-- Final versus best training loss of the ten longest finished runs of the "exp-c" group.
-- Pushed to W&B: for runs, the filter state = "finished" and group = "exp-c"; for histories,
--   only the key loss, read only for those runs (batched join).
-- Evaluated locally: the join, the window functions (best loss per run, last step per run), the
--   choice of each run's last row, the order and the limit.
-- expect-request: runs(filters={"state":"finished","group":"exp-c"}, fields=[state, group])
-- expect-request: histories(columns=[run_id, _step, loss], run_id in [$cor
SELECT run_id, last_step, final_loss, best_loss, final_loss - best_loss AS gap
FROM (
  SELECT h.run_id, h._step AS last_step, h.loss AS final_loss,
         MIN(h.loss) OVER (PARTITION BY h.run_id) AS best_loss,
         ROW_NUMBER() OVER (PARTITION BY h.run_id ORDER BY h._step DESC) AS from_end
  FROM histories h
  JOIN runs r ON r.run_id = h.run_id
  WHERE r.state = 'finished' AND r.group_name = 'exp-c'
) t
WHERE from_end = 1
ORDER BY last_step DESC, run_id
LIMIT 10
