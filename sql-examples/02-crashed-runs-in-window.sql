-- Which runs crashed among those started in August or September 2026 (UTC)?
-- Pushed to W&B: state = "crashed" (exact) and created_at $gte / $lt, rounded out to whole
--   seconds and widened by one more second on each side (W&B's timestamp precision is
--   unverified, so the pushed window is a superset).
-- Evaluated locally: the exact half-open time window, re-checked, and ORDER BY created_at (an
--   order is pushed only together with a LIMIT).
-- expect-request: runs(filters={"state":"crashed","created_at":{"$gte":"2026-07-31T23:59:59","$lt":"2026-10-01T00:00:01"}}, fields=[displayName, createdAt, heartbeatAt])
SELECT run_id, display_name, created_at, heartbeat_at
FROM runs
WHERE state = 'crashed'
  AND created_at >= TIMESTAMP '2026-08-01 00:00:00'
  AND created_at < TIMESTAMP '2026-10-01 00:00:00'
ORDER BY created_at
