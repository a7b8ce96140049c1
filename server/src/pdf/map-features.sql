-- The features of the given layers inside a Web-Mercator envelope, projected to EPSG:3857, clipped to
-- the envelope and simplified below what paper shows, with a label anchor: a point on the surface of
-- a polygon, the middle of a line's longest part (and two points either side, for the label's angle),
-- or the point itself. $1 layer ids; $2..$5 xmin, ymin, xmax, ymax (EPSG:3857 m); $6 tolerance (m).
WITH env AS (SELECT ST_MakeEnvelope($2, $3, $4, $5, 3857) AS e)
SELECT f.id, f.layer_id, f.name_zh, f.name_en, f.accuracy, f.parent_id,
       ST_AsGeoJSON(g.geom, 1, 0) AS geometry,
       CASE WHEN ST_Dimension(g.geom) = 1 THEN json_build_array(
              json_build_array(ST_X(ST_LineInterpolatePoint(m.line, 0.5)), ST_Y(ST_LineInterpolatePoint(m.line, 0.5))),
              json_build_array(ST_X(ST_LineInterpolatePoint(m.line, 0.4)), ST_Y(ST_LineInterpolatePoint(m.line, 0.4))),
              json_build_array(ST_X(ST_LineInterpolatePoint(m.line, 0.6)), ST_Y(ST_LineInterpolatePoint(m.line, 0.6))))
            ELSE json_build_array(json_build_array(ST_X(p.pt), ST_Y(p.pt))) END AS label
FROM features f
CROSS JOIN env
CROSS JOIN LATERAL (
  SELECT ST_Simplify(ST_CollectionExtract(ST_Intersection(ST_Transform(f.geom, 3857), env.e)), $6::float8, true) AS geom
) g
CROSS JOIN LATERAL (SELECT ST_PointOnSurface(g.geom) AS pt) p
LEFT JOIN LATERAL (
  SELECT d.geom AS line FROM ST_Dump(g.geom) d WHERE ST_Dimension(d.geom) = 1 ORDER BY ST_Length(d.geom) DESC LIMIT 1
) m ON true
WHERE f.layer_id = ANY($1::text[])
  AND f.geom && ST_Transform(env.e, 4326)
  AND NOT ST_IsEmpty(g.geom)
ORDER BY array_position($1::text[], f.layer_id), f.id
