-- The nearest mapped port, railway station and expressway to one site ($1), in geodesic metres (PostGIS
-- geography, from the plot's edge or the building's point). Targets are what the map already shows: nodes
-- whose `kind` is port or station, roads whose `class` is expressway. The documents locate no expressway
-- exit (互通), so the distance to an expressway is to the road line itself, and says so (`to` = 'line').
-- `approximate`: the site's or the target's geometry is schematic, so the distance is only as good as that.
WITH s AS (SELECT geom, accuracy FROM sites WHERE id = $1),
t AS (
  SELECT f.id, f.layer_id, f.name_zh, f.name_en, f.accuracy, f.geom,
         CASE WHEN f.layer_id = 'roads' THEN 'expressway' ELSE f.properties->>'kind' END AS kind
  FROM features f
  WHERE (f.layer_id = 'nodes' AND f.properties->>'kind' IN ('port', 'station'))
     OR (f.layer_id = 'roads' AND f.properties->>'class' = 'expressway')
)
SELECT DISTINCT ON (t.kind)
       t.kind, t.id AS feature_id, t.layer_id, t.name_zh, t.name_en, t.accuracy,
       CASE WHEN GeometryType(t.geom) IN ('LINESTRING', 'MULTILINESTRING') THEN 'line' ELSE 'point' END AS "to",
       round(ST_Distance(s.geom::geography, t.geom::geography))::float8 AS distance_m,
       (s.accuracy = 'schematic' OR t.accuracy = 'schematic') AS approximate
FROM s, t
ORDER BY t.kind, ST_Distance(s.geom::geography, t.geom::geography), t.id;
