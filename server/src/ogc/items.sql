-- One page of a collection's items as a GeoJSON features array built by PostGIS, with the counts.
-- $1 layer id; output CRS: $2 SRID, $3 north-first axis order (ST_FlipCoordinates), $4 decimal digits;
-- $5 limit, $6 offset; bbox: $7–$10 xmin, ymin, xmax, ymax (east/north order) in SRID $11, or all NULL.
-- The bbox is taken to EPSG:4326 (densified, so a projected box's curved edges stay inside) for the
-- `&&` prefilter on the GiST index, and tested exactly with ST_Intersects in its own CRS.
-- `known` says whether the collection exists at all (one round trip instead of a check before).
WITH box AS (
  SELECT ST_MakeEnvelope($7, $8, $9, $10, $11::int) AS env
), matched AS (
  SELECT f.id
  FROM features f, box b
  WHERE f.layer_id = $1
    AND ($7::float8 IS NULL OR (
      f.geom && ST_Transform(ST_Segmentize(b.env, greatest($9 - $7, $10 - $8, 1e-9) / 16), 4326)
      AND ST_Intersects(ST_Transform(f.geom, $11::int), b.env)))
), page AS (
  SELECT m.id FROM matched m ORDER BY m.id LIMIT $5 OFFSET $6
)
SELECT EXISTS (SELECT 1 FROM layers l WHERE l.id = $1) AS known,
       (SELECT count(*) FROM matched)::int AS matched,
       count(f.id)::int AS returned,
       coalesce(json_agg(json_build_object(
         'type', 'Feature',
         'id', f.id,
         'geometry', ST_AsGeoJSON(CASE WHEN $3::boolean THEN ST_FlipCoordinates(ST_Transform(f.geom, $2::int))
                                       ELSE ST_Transform(f.geom, $2::int) END, $4::int, 0)::json,
         'properties', atlas_feature_json(f)->'properties'
       ) ORDER BY f.id), '[]'::json)::text AS features
FROM page p JOIN features f ON f.id = p.id
