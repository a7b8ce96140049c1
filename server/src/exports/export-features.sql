-- The features of an export in SRID $7, one row each, with the geometry as GeoJSON text with $9 decimals
-- (x = easting/longitude) for GDAL to write in the requested format. Filters, each NULL to skip: $1 layer
-- id, $2 feature ids, $3–$6 WGS 84 bbox (minLng, minLat, maxLng, maxLat; `&&` uses the GiST index). $8 row limit.
SELECT f.id, f.name_zh, f.name_en, f.accuracy, f.layer_id, f.version, f.properties,
       GeometryType(t.g) AS type,
       ST_AsGeoJSON(t.g, $9::int) AS geometry
FROM features f
CROSS JOIN LATERAL (SELECT ST_Transform(f.geom, $7::int) AS g) t
WHERE ($1::text IS NULL OR f.layer_id = $1)
  AND ($2::text[] IS NULL OR f.id = ANY($2::text[]))
  AND ($3::float8 IS NULL OR (f.geom && ST_MakeEnvelope($3, $4, $5, $6, 4326) AND ST_Intersects(f.geom, ST_MakeEnvelope($3, $4, $5, $6, 4326))))
ORDER BY f.layer_id, f.id
LIMIT $8
