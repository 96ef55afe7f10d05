-- Ranks 11 to 20 of the finished runs by final accuracy, among runs whose id has no digit 7.
-- Pushed to W&B: state = "finished" (exact) and only run_id, config.lr and summary.acc.
-- Ordered by the scan: ORDER BY "summary.acc" DESC NULLS LAST, run_id is proven chunk by chunk
--   (a page in W&B's hinted order, then runCounts), so no sort runs and no full listing is read.
-- Evaluated locally: POSITION('7' IN run_id) = 0, which W&B cannot evaluate, and OFFSET 10
--   LIMIT 10; when the condition drops runs the scan reads on, a proven chunk at a time.
-- expect-request: runs(filters={"state":"finished"}, in summary.acc DESC NULLS LAST, run_id ASC NULLS LAST (order=-summary_metrics.acc as a hint, proven by runCount), first 20
SELECT run_id, "summary.acc", "config.lr"
FROM runs
WHERE state = 'finished' AND POSITION('7' IN run_id) = 0
ORDER BY "summary.acc" DESC NULLS LAST, run_id
LIMIT 10 OFFSET 10
