-- Brings a deleted feature back in the state of history version $2, as a new version (the trigger numbers
-- it after the tombstone), only if the feature is gone and its last history entry is the delete tombstone
-- numbered $3 (the version the editor saw). Its citations come back from the tombstone (migration 010),
-- those that still exist (a reseed may have retired a citation no feature used).
WITH restored AS (
  INSERT INTO features (id, layer_id, name_zh, name_en, parent_id, geom, accuracy, properties)
  SELECT h.feature_id, h.layer_id, h.name_zh, h.name_en, h.parent_id, h.geom, h.accuracy, h.properties
  FROM feature_history h
  WHERE h.feature_id = $1 AND h.version = $2 AND h.op <> 'delete'
    AND NOT EXISTS (SELECT 1 FROM features WHERE id = $1)
    AND EXISTS (SELECT 1 FROM layers WHERE id = h.layer_id)
    AND coalesce((SELECT t.op = 'delete' AND t.version = $3 FROM feature_history t WHERE t.feature_id = $1 ORDER BY t.version DESC LIMIT 1), false)
  RETURNING id, version
), relinked AS (
  INSERT INTO feature_citations (feature_id, citation_id)
  SELECT r.id, c.id
  FROM restored r
  JOIN feature_history t ON t.feature_id = r.id AND t.version = $3 AND t.op = 'delete'
  CROSS JOIN LATERAL unnest(coalesce(t.citation_ids, '{}')) AS cid(id)
  JOIN citations c ON c.id = cid.id
  ON CONFLICT DO NOTHING
)
SELECT version FROM restored
