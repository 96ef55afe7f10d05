-- Which run is named "대담한-달-9" ("bold moon" in Korean)? Literals may hold any language.
-- Pushed to W&B: display_name as an exact equality, sent as UTF-8 JSON.
-- Evaluated locally: nothing.
-- expect-request: runs(filters={"display_name":"대담한-달-9"}, fields=[displayName, state])
SELECT run_id, display_name, state
FROM runs
WHERE display_name = '대담한-달-9'
