-- Optimistic update: only when the stored version is the one the editor saw ($2). Null = unchanged.
UPDATE features SET
  name_zh    = coalesce($3, name_zh),
  name_en    = coalesce($4, name_en),
  accuracy   = coalesce($5, accuracy),
  parent_id  = CASE WHEN $6::boolean THEN $7 ELSE parent_id END,
  geom       = coalesce(ST_SetSRID(ST_GeomFromGeoJSON($8), 4326), geom),
  properties = CASE WHEN $9::jsonb IS NULL THEN properties ELSE properties || $9::jsonb END
WHERE id = $1 AND version = $2
RETURNING version
