-- In project image-classification, which runs are not pending, oldest first?
-- Pushed to W&B: the project (the schema name, quoted because of its dash), state $ne "pending"
--   (a superset: W&B's $ne also matches runs without a state) and the columns used.
-- Evaluated locally: state <> 'pending', re-checked, and the ORDER BY.
-- expect-request: runs(filters={"state":{"$ne":"pending"}}, fields=[displayName, state, group, createdAt], summaryKeys=[acc])
SELECT run_id, display_name, state, group_name, created_at, "summary.acc"
FROM "image-classification".runs
WHERE state <> 'pending'
ORDER BY created_at
