-- The first 12 history rows in key order, as a grid sorted by (run_id, _step) shows them.
-- Pushed to W&B: only the keys loss and acc (one sampledHistory spec each, plus _step). The
--   scan lists the runs, orders them by run_id and hands each run's rows over step by step, so
--   no sort runs, and it stops after the 12 rows the LIMIT takes: its first request is sized to
--   them, whatever the project holds.
-- Evaluated locally: the LIMIT.
-- expect-request: histories(columns=[run_id, _step, loss, acc], in run_id, _step order, first 12 rows)
SELECT run_id, _step, loss, acc
FROM histories
ORDER BY run_id, _step
LIMIT 12
