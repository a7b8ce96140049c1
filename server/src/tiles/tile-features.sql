-- The features of one layer around one tile as a GeoJSON FeatureCollection in EPSG:4326, for
-- encoding in JS where ST_AsMVT is unavailable (PGlite's PostGIS has no protobuf-c).
-- $1 layer id, $2 z, $3 x, $4 y, $5 filter/clip margin as a fraction of the tile,
-- $6 property keys never sent (long prose), $7 the smallest bounding-box size drawn (as tile-mvt.sql $9). The same filter and attributes as tile-mvt.sql;
-- geometries are cut to the widened box (wider than the encoder's buffer, which does the exact cut)
-- so a large polygon costs the tile only what lies near it.
WITH tile AS (
  SELECT ST_Transform(ST_TileEnvelope($2, $3, $4), 4326) AS geo
), area AS (
  SELECT ST_Expand(t.geo, (ST_XMax(t.geo) - ST_XMin(t.geo)) * $5, (ST_YMax(t.geo) - ST_YMin(t.geo)) * $5) AS filter
  FROM tile t
), rows AS (
  SELECT f.id,
         ST_ClipByBox2D(f.geom, a.filter::box2d) AS geom,
         jsonb_build_object('id', f.id, 'name_zh', f.name_zh, 'name_en', f.name_en, 'accuracy', f.accuracy, 'parent_id', f.parent_id)
           || coalesce((SELECT jsonb_object_agg(p.key, p.value) FROM jsonb_each(f.properties) p
                        WHERE jsonb_typeof(p.value) IN ('string', 'number', 'boolean') AND p.key <> ALL ($6::text[])
                          AND p.key NOT IN ('id', 'name_zh', 'name_en', 'accuracy', 'parent_id')), '{}'::jsonb) AS attrs
  FROM features f, area a
  WHERE f.layer_id = $1 AND f.geom && a.filter AND atlas_geom_size(f.geom) >= $7
)
SELECT json_build_object(
  'type', 'FeatureCollection',
  'features', coalesce(json_agg(json_build_object('type', 'Feature', 'geometry', ST_AsGeoJSON(r.geom, 9, 0)::json, 'properties', r.attrs)
                                ORDER BY r.id), '[]'::json)
)::text AS body
FROM rows r
WHERE NOT ST_IsEmpty(r.geom)
