-- Which runs logged a NaN loss, how often, and from which step on?
-- Pushed to W&B: runs are listed without heavy fields; then, per batch of 100 runs, the key
--   loss of their histories.
-- Evaluated locally: the NaN test (NaN reads as a DOUBLE NaN, never as an error), the join, the
--   grouping and the order.
-- expect-request: histories(columns=[run_id, _step, loss], run_id in [$cor
-- expect-request: runs(filters={}, fields=[state])
SELECT h.run_id, r.state, COUNT(*) AS nan_steps, MIN(h._step) AS first_nan_step
FROM histories h
JOIN runs r ON r.run_id = h.run_id
WHERE CAST(h.loss AS VARCHAR) = 'NaN'
GROUP BY h.run_id, r.state
ORDER BY first_nan_step, h.run_id
