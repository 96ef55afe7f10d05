-- For every run in a group: which run is its group's best by final accuracy, and how far behind
-- that best is it?
-- Pushed to W&B: three scans, each asking only for the columns it uses (with summaryMetrics).
--   The scan for the MAX per group carries group_name IS NOT NULL (exact), which Calcite derives
--   from the subquery's correlation. The two sides of the join are NOT filtered: Calcite does not
--   derive group_name IS NOT NULL from the join condition, so both read every run.
-- Evaluated locally: the MAX per group, the join, the semi-join with the MAX, the gap and the
--   ORDER BY.
-- expect-request: runs(filters={"group":{"$ne":null}}, fields=[group], summaryKeys=[acc])
-- expect-request: runs(filters={}, fields=[group], summaryKeys=[acc])
SELECT r.group_name, r.run_id, r."summary.acc" AS acc, b.run_id AS best_run,
       b."summary.acc" AS best_acc, ROUND(b."summary.acc" - r."summary.acc", 4) AS gap
FROM runs r
JOIN runs b ON b.group_name = r.group_name
WHERE b."summary.acc" = (SELECT MAX(m."summary.acc") FROM runs m WHERE m.group_name = b.group_name)
ORDER BY r.group_name, gap NULLS LAST, r.run_id
