INSERT INTO features (id, layer_id, name_zh, name_en, parent_id, geom, accuracy, properties)
VALUES ($1, $2, $3, $4, $5, ST_SetSRID(ST_GeomFromGeoJSON($6), 4326), $7, $8)
ON CONFLICT (id) DO NOTHING
RETURNING version
