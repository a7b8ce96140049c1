-- Every version of a site ($1), oldest first: the row as it was (without geometry), its geometry as GeoJSON.
SELECT version, op, changed_by, changed_at, data, ST_AsGeoJSON(geom, 7) AS geometry
FROM site_history WHERE site_id = $1 ORDER BY version, id
