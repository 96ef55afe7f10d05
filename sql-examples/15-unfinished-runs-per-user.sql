-- Per user, how many runs ended neither finished nor still running?
-- Pushed to W&B: state $nin ["finished", "running"] (a superset: W&B's $nin also matches runs
--   without a state, which SQL's NOT IN drops).
-- Evaluated locally: the NOT IN, re-checked, GROUP BY, COUNT and the ORDER BY.
-- expect-request: runs(filters={"state":{"$nin":["finished","running"]}}, fields=[state, user])
SELECT username, COUNT(*) AS runs
FROM runs
WHERE state NOT IN ('finished', 'running')
GROUP BY username
ORDER BY username
