-- Writes WGS 84 geometries converted outside PostGIS (GCJ-02 / BD-09 via gcoord): $1 batch id,
-- $2 a JSON array of {seq, geometry (GeoJSON or null), transform_error}.
UPDATE import_items i SET
  geom = CASE WHEN x.geometry IS NULL THEN NULL ELSE ST_SetSRID(ST_GeomFromGeoJSON(x.geometry::text), 4326) END,
  transform_error = x.transform_error
FROM json_to_recordset($2::json) AS x(seq integer, geometry json, transform_error text)
WHERE i.batch_id = $1 AND i.seq = x.seq
