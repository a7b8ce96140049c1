-- Validity of a GeoJSON geometry before it is written: type, vertex count, validity and reason, extent.
SELECT GeometryType(g) AS type, ST_NPoints(g) AS points, ST_IsValid(g) AS valid,
       CASE WHEN ST_IsValid(g) THEN NULL ELSE ST_IsValidReason(g) END AS reason,
       ST_XMin(g) AS xmin, ST_YMin(g) AS ymin, ST_XMax(g) AS xmax, ST_YMax(g) AS ymax, ST_IsEmpty(g) AS empty
FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g) x
