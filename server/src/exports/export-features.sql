-- The features of an export in SRID $7, one row each, with the geometry encoded as the format needs:
-- $8 'wkb' (little-endian ISO WKB; polygon shells clockwise when $10, as shapefiles want), 'wkt' or
-- 'kml' (ST_AsKML: always WGS 84). Filters, each NULL to skip: $1 layer id, $2 feature ids,
-- $3–$6 WGS 84 bbox (minLng, minLat, maxLng, maxLat; `&&` uses the GiST index). $9 row limit, $11 WKT digits.
SELECT f.id, f.name_zh, f.name_en, f.accuracy, f.layer_id, f.version, f.properties,
       GeometryType(t.g) AS type,
       CASE WHEN $8 = 'wkb' THEN ST_AsBinary(CASE WHEN $10::boolean THEN ST_ForcePolygonCW(t.g) ELSE t.g END, 'NDR') END AS wkb,
       CASE WHEN $8 = 'wkb' THEN ARRAY[ST_XMin(t.g), ST_XMax(t.g), ST_YMin(t.g), ST_YMax(t.g)] END AS envelope,
       CASE WHEN $8 = 'wkt' THEN ST_AsText(t.g, $11::int) END AS wkt,
       CASE WHEN $8 = 'kml' THEN ST_AsKML(f.geom, 9) END AS kml
FROM features f
CROSS JOIN LATERAL (SELECT ST_Transform(f.geom, $7::int) AS g) t
WHERE ($1::text IS NULL OR f.layer_id = $1)
  AND ($2::text[] IS NULL OR f.id = ANY($2::text[]))
  AND ($3::float8 IS NULL OR (f.geom && ST_MakeEnvelope($3, $4, $5, $6, 4326) AND ST_Intersects(f.geom, ST_MakeEnvelope($3, $4, $5, $6, 4326))))
ORDER BY f.layer_id, f.id
LIMIT $9
