-- The five most accurate runs, asked as a grid's column sort asks: DESC alone.
-- DESC puts NULLs first (standard SQL), so runs that never logged an accuracy come first, and
--   finding them takes reading every run. EXPLAIN's hint on the scan says so and names the
--   form that puts them last and costs a page and a count (as in 07-config-of-top-runs), which
--   a connection with descNullsLast=true also gives this very query.
-- Pushed to W&B: only run_id and summary.acc.
-- Evaluated locally: the sort and the LIMIT, over every run.
-- expect-request: hint=[DESC puts NULLs first, which reads the whole listing; ORDER BY "summary.acc" DESC NULLS LAST (or descNullsLast=true) usually takes 2 requests]
SELECT run_id, "summary.acc"
FROM runs
ORDER BY "summary.acc" DESC, run_id
LIMIT 5
