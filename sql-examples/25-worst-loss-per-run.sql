-- Which runs reached the worst loss? A run that logged a NaN loss has NaN as its MAX, and NaN
--   ranks above every number (and above +Infinity), as in PostgreSQL: the diverged runs come
--   first, then the highest finite losses.
-- Pushed to W&B: the key loss of every run's history, read in one scan.
-- Evaluated locally: MAX per run, and the order (DESC NULLS LAST: NaN, +Infinity, numbers, NULL).
-- expect-request: histories(columns=[run_id, loss])
SELECT run_id, MAX(loss) AS worst_loss
FROM histories
GROUP BY run_id
ORDER BY worst_loss DESC NULLS LAST, run_id
LIMIT 16
