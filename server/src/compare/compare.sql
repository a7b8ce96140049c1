-- Compares two areal geometries A ($1) and B ($2), both EWKB hex in EPSG:4326. The overlay is done in
-- EPSG:4326, where the stored edges are straight (projecting first bends shared edges apart into
-- slivers); areas are geodesic (ST_Area on geography, CGCS2000/WGS 84 ellipsoid), in m², so
-- removed + unchanged = area(A) and added + unchanged = area(B).
WITH src AS (
  SELECT ST_GeomFromEWKB(decode($1, 'hex')) AS a, ST_GeomFromEWKB(decode($2, 'hex')) AS b
), ops AS (
  SELECT a, b,
         ST_CollectionExtract(ST_Intersection(a, b), 3) AS same,
         ST_CollectionExtract(ST_Difference(b, a), 3) AS added,
         ST_CollectionExtract(ST_Difference(a, b), 3) AS removed
  FROM src
)
SELECT json_build_object(
  'area_a_m2', round(ST_Area(a::geography)::numeric, 1),
  'area_b_m2', round(ST_Area(b::geography)::numeric, 1),
  'unchanged_m2', round(coalesce(ST_Area(same::geography), 0)::numeric, 1),
  'added_m2', round(coalesce(ST_Area(added::geography), 0)::numeric, 1),
  'removed_m2', round(coalesce(ST_Area(removed::geography), 0)::numeric, 1),
  'added', CASE WHEN ST_IsEmpty(added) THEN NULL ELSE ST_AsGeoJSON(added, 7)::json END,
  'removed', CASE WHEN ST_IsEmpty(removed) THEN NULL ELSE ST_AsGeoJSON(removed, 7)::json END
)::text AS body
FROM ops
