-- Which crashed or failed runs had logged at least 100 history rows before they stopped?
-- Pushed to W&B: state $in ["crashed", "failed"].
--   Deliberately NOT pushed: history_line_count >= 100; W&B cannot filter on historyLineCount.
-- Evaluated locally: history_line_count >= 100 and the ORDER BY.
-- expect-request: runs(filters={"state":{"$in":["crashed","failed"]}}, fields=[displayName, state, historyLineCount])
SELECT run_id, display_name, state, history_line_count
FROM runs
WHERE state IN ('crashed', 'failed') AND history_line_count >= 100
ORDER BY history_line_count DESC, run_id
