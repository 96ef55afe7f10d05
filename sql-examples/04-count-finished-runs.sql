-- How many runs finished?
-- Pushed to W&B: everything. The filter state = "finished" is exact, so COUNT(*) becomes one
--   runCount request and no run is transferred.
-- Evaluated locally: nothing.
-- expect-request: runCount(filters={"state":"finished"})
SELECT COUNT(*) AS finished_runs
FROM runs
WHERE state = 'finished'
