-- A site geometry before it is written ($1 GeoJSON, WGS84): type, validity and why not, vertices, and
-- whether the district (layer 'district', its union) covers it.
SELECT GeometryType(g) AS type, ST_NPoints(g) AS points, ST_IsValid(g) AS valid, ST_IsEmpty(g) AS empty,
       CASE WHEN ST_IsValid(g) THEN NULL ELSE ST_IsValidReason(g) END AS reason,
       ST_XMin(g) AS xmin, ST_YMin(g) AS ymin, ST_XMax(g) AS xmax, ST_YMax(g) AS ymax,
       coalesce((SELECT ST_Covers(ST_Union(d.geom), g) FROM features d WHERE d.layer_id = 'district'), false) AS inside
FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g) x
