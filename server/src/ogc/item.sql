-- One item of a collection as a GeoJSON Feature built by PostGIS, or no row. $1 layer id, $2 feature id;
-- output CRS: $3 SRID, $4 north-first axis order (ST_FlipCoordinates), $5 decimal digits; $6 links (JSON).
SELECT json_build_object(
  'type', 'Feature',
  'id', f.id,
  'geometry', ST_AsGeoJSON(CASE WHEN $4::boolean THEN ST_FlipCoordinates(ST_Transform(f.geom, $3::int))
                                ELSE ST_Transform(f.geom, $3::int) END, $5::int, 0)::json,
  'properties', atlas_feature_json(f)->'properties',
  'links', $6::json
)::text AS body
FROM features f
WHERE f.layer_id = $1 AND f.id = $2
