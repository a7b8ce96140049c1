-- Brings a deleted feature back in the state of history version $2, as a new version (the trigger numbers
-- it after the tombstone), only if the feature is gone and its last history entry is the delete tombstone
-- numbered $3 (the version the editor saw). Its citations were removed with it and are not restored.
INSERT INTO features (id, layer_id, name_zh, name_en, parent_id, geom, accuracy, properties)
SELECT h.feature_id, h.layer_id, h.name_zh, h.name_en, h.parent_id, h.geom, h.accuracy, h.properties
FROM feature_history h
WHERE h.feature_id = $1 AND h.version = $2 AND h.op <> 'delete'
  AND NOT EXISTS (SELECT 1 FROM features WHERE id = $1)
  AND EXISTS (SELECT 1 FROM layers WHERE id = h.layer_id)
  AND coalesce((SELECT t.op = 'delete' AND t.version = $3 FROM feature_history t WHERE t.feature_id = $1 ORDER BY t.version DESC LIMIT 1), false)
RETURNING version
