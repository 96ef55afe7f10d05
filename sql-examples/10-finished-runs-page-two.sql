-- Listing finished runs five at a time by run id, what is on the second page?
-- Pushed to W&B: state = "finished" (exact, so paging may be pushed), order "+name" and a limit of
--   offset + fetch = 10 runs.
-- Evaluated locally: skipping the first five (W&B has no offset in the runs query) and the final
--   sort.
-- expect-request: runs(filters={"state":"finished"}, order=+name, limit=10, fields=[displayName])
SELECT run_id, display_name
FROM runs
WHERE state = 'finished'
ORDER BY run_id
LIMIT 5 OFFSET 5
