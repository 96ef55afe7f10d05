-- Which runs in a group never set a dropout rate?
-- Pushed to W&B: group_name IS NOT NULL as group $ne null (exact on a fixed column).
--   Deliberately NOT pushed: "config.dropout" IS NULL. SQL also sees a list, an object or a
--   value of another type as NULL, which W&B's {"config.dropout": null} would not match, so a
--   pushed form could lose rows.
-- Evaluated locally: "config.dropout" IS NULL and the ORDER BY.
-- expect-request: runs(filters={"group":{"$ne":null}}, fields=[displayName, group], configKeys=[dropout])
SELECT group_name, run_id, display_name
FROM runs
WHERE group_name IS NOT NULL AND "config.dropout" IS NULL
ORDER BY group_name, run_id
