-- Stores one chunk of an upload's items: $1 batch id, $2 a JSON array of items whose geometry is
-- GeoJSON with the file's own coordinates (kept with SRID 0 until a CRS is applied).
INSERT INTO import_items (batch_id, seq, source_id, name_zh, name_en, file_version, properties, raw, error)
SELECT $1, x.seq, x.source_id, x.name_zh, x.name_en, x.file_version, coalesce(x.properties, '{}'::jsonb),
       CASE WHEN x.geometry IS NULL THEN NULL ELSE ST_SetSRID(ST_GeomFromGeoJSON(x.geometry::text), 0) END,
       x.error
FROM json_to_recordset($2::json) AS x(seq integer, source_id text, name_zh text, name_en text, file_version integer,
                                      properties jsonb, geometry json, error text)
