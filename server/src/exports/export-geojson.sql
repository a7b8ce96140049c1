-- The features array of a GeoJSON export, built by PostGIS: coordinates in SRID $7 with $8 decimals
-- (x = easting/longitude), properties = the fixed columns plus every property. Filters as in
-- export-features.sql ($1 layer, $2 ids, $3–$6 WGS 84 bbox); $9 row limit. Also returns the count.
WITH sel AS (
  SELECT f.* FROM features f
  WHERE ($1::text IS NULL OR f.layer_id = $1)
    AND ($2::text[] IS NULL OR f.id = ANY($2::text[]))
    AND ($3::float8 IS NULL OR (f.geom && ST_MakeEnvelope($3, $4, $5, $6, 4326) AND ST_Intersects(f.geom, ST_MakeEnvelope($3, $4, $5, $6, 4326))))
  ORDER BY f.layer_id, f.id
  LIMIT $9
)
SELECT count(*)::int AS n,
       coalesce(json_agg(json_build_object(
         'type', 'Feature',
         'id', s.id,
         'properties', jsonb_build_object('id', s.id, 'name_zh', s.name_zh, 'name_en', s.name_en, 'accuracy', s.accuracy,
                                          'layer_id', s.layer_id, 'version', s.version) || s.properties,
         'geometry', ST_AsGeoJSON(ST_Transform(s.geom, $7::int), $8::int)::json
       ) ORDER BY s.layer_id, s.id), '[]'::json)::text AS features
FROM sel s
