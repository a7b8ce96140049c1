-- Every site with the facts its area is judged by (no parameters). Joins, not a lookup per site: at 10k sites a
-- per-row LATERAL and sub-select were most of /api/match (bench/sites.ts).
--  * area_feature_id / computed_km2: PostGIS area on the geography of the site's own polygon, or, for a
--    site drawn as a point, of the polygon it references in properties.zone (e.g. site-southwest → zone-southwest);
--  * stated: the cited 'area' figure (km²) of the site or of that polygon, as atlas_figure JSON, or null;
--  * park_id: the park it belongs to (its parent, or its parent's parent when the parent is a zone);
--  * entered_m2 / floor_m2 / source_kind: the inventory row's own area and floor area (sites table) and who
--    gave them (document, staff, demo), used when there is neither a polygon to measure nor a cited figure.
WITH area_figures AS (
  -- Each feature's first cited area figure in km² (lowest id), as atlas_figure JSON.
  SELECT DISTINCT ON (t.subject_id) t.subject_id, atlas_figure(t) AS fig
  FROM targets t
  WHERE t.subject_type = 'feature' AND t.metric = 'area' AND t.unit = 'km²' AND t.value IS NOT NULL
  ORDER BY t.subject_id, t.id
)
SELECT s.id, s.name_zh, s.name_en, s.accuracy,
       CASE WHEN par.layer_id = 'parks' THEN par.id ELSE par.parent_id END AS park_id,
       s.properties->>'status' AS status,
       s.properties->>'land_use' AS land_use,
       coalesce(s.properties->'chains', '[]'::jsonb) AS chains,
       g.id AS area_feature_id, g.name_zh AS area_name_zh, g.name_en AS area_name_en,
       g.accuracy AS area_accuracy,
       CASE WHEN g.id IS NOT NULL THEN round((ST_Area(g.geom::geography) / 1e6)::numeric, 4)::float8 END AS computed_km2,
       -- The site's own figure first, else its polygon's.
       coalesce(own.fig, zone.fig) AS stated,
       inv.area_m2::float8 AS entered_m2, inv.floor_area_m2::float8 AS floor_m2, inv.source_kind
FROM features s
LEFT JOIN sites inv ON inv.id = s.id
LEFT JOIN features par ON par.id = s.parent_id
-- The polygon measured: the site's own, or for a site drawn as a point the one it references in properties.zone.
LEFT JOIN features g ON g.id = CASE WHEN ST_Dimension(s.geom) = 2 THEN s.id ELSE s.properties->>'zone' END AND ST_Dimension(g.geom) = 2
LEFT JOIN area_figures own ON own.subject_id = s.id
LEFT JOIN area_figures zone ON zone.subject_id = g.id
WHERE s.layer_id = 'sites'
ORDER BY s.id
