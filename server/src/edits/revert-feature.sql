-- Puts back the state of history version $2 as a new version (only if the current version is $3).
UPDATE features f SET name_zh = h.name_zh, name_en = h.name_en, parent_id = h.parent_id, geom = h.geom,
       accuracy = h.accuracy, properties = h.properties, layer_id = h.layer_id
FROM feature_history h
WHERE f.id = $1 AND h.feature_id = $1 AND h.version = $2 AND h.op <> 'delete' AND f.version = $3
RETURNING f.version
