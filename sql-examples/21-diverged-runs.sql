-- Which runs logged a NaN loss, how often, and from which step on?
-- Pushed to W&B: the key loss of every run's history, read in one scan (the whole project is
--   asked about, so its history is not read again per batch of runs); then, per batch of 100
--   NaN rows, the state of their runs.
-- Evaluated locally: the NaN test (NaN reads as a DOUBLE NaN, never as an error), the join, the
--   grouping and the order.
-- expect-request: histories(columns=[run_id, _step, loss])])
-- expect-request: runs(filters={} + name $in $cor0..$cor99.run_id, fields=[state])
SELECT h.run_id, r.state, COUNT(*) AS nan_steps, MIN(h._step) AS first_nan_step
FROM histories h
JOIN runs r ON r.run_id = h.run_id
WHERE CAST(h.loss AS VARCHAR) = 'NaN'
GROUP BY h.run_id, r.state
ORDER BY first_nan_step, h.run_id
