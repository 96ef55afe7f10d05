-- Which ImageNet runs used a learning rate of at least 0.005?
-- Pushed to W&B: "config.lr" $gte 0.005 (a superset: a discovered column, re-checked locally).
--   Deliberately NOT pushed: the filter on "config.data.path". The config key is "data.path",
--   with a dot inside, and W&B filter keys cannot address such a key.
-- Evaluated locally: both conditions and the ORDER BY.
-- expect-request: runs(filters={"config.lr":{"$gte":0.005}}, fields=[displayName], configKeys=[data.path, lr])
SELECT run_id, display_name, "config.lr", "config.data.path"
FROM runs
WHERE "config.data.path" LIKE '/data/imagenet/%' AND "config.lr" >= 0.005
ORDER BY "config.lr" DESC
