-- Which runs have "pine" as the noun of their name?
-- Pushed to W&B: display_name as an anchored $regex with every regex metacharacter escaped (a
--   superset: W&B's regex dialect is not verified to be SQL's LIKE).
-- Evaluated locally: the LIKE itself, re-checked, and the ORDER BY.
-- expect-request: runs(filters={"display_name":{"$regex":"(?s)^.*-pine-.*\\z"}}, fields=[displayName, user])
SELECT run_id, display_name, username
FROM runs
WHERE display_name LIKE '%-pine-%'
ORDER BY display_name
