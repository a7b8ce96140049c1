-- Re-projects a batch's raw geometries from EPSG:$2 to EPSG:4326 with PostGIS. Coordinates outside the
-- CRS's x range [$3, $4] / y range [$5, $6] are not transformed (PROJ would fail or invent numbers):
-- the item gets a transform_error instead, which usually means a wrong CRS was chosen.
UPDATE import_items SET
  geom = CASE WHEN ok THEN ST_Transform(ST_SetSRID(raw, $2::int), 4326) END,
  transform_error = CASE WHEN ok THEN NULL ELSE
    format('coordinates x %s…%s, y %s…%s do not fit EPSG:%s: is that the right CRS?',
           round(ST_XMin(raw)::numeric, 3), round(ST_XMax(raw)::numeric, 3), round(ST_YMin(raw)::numeric, 3), round(ST_YMax(raw)::numeric, 3), $2::int) END
FROM (
  SELECT seq AS s, (ST_XMin(raw) >= $3 AND ST_XMax(raw) <= $4 AND ST_YMin(raw) >= $5 AND ST_YMax(raw) <= $6) AS ok
  FROM import_items WHERE batch_id = $1 AND raw IS NOT NULL
) chk
WHERE batch_id = $1 AND seq = chk.s
