-- Every site with the facts its area is judged by (no parameters):
--  * area_feature_id / computed_km2: PostGIS area on the geography of the site's own polygon, or, for a
--    site drawn as a point, of the polygon it references in properties.zone (e.g. site-southwest → zone-southwest);
--  * stated: the cited 'area' figure (km²) of the site or of that polygon, as atlas_figure JSON, or null;
--  * park_id: the park it belongs to (its parent, or its parent's parent when the parent is a zone);
--  * entered_m2 / floor_m2 / source_kind: the inventory row's own area and floor area (sites table) and who
--    gave them (document, staff, demo), used when there is neither a polygon to measure nor a cited figure.
SELECT s.id, s.name_zh, s.name_en, s.accuracy,
       CASE WHEN par.layer_id = 'parks' THEN par.id ELSE par.parent_id END AS park_id,
       s.properties->>'status' AS status,
       s.properties->>'land_use' AS land_use,
       coalesce(s.properties->'chains', '[]'::jsonb) AS chains,
       g.id AS area_feature_id, g.name_zh AS area_name_zh, g.name_en AS area_name_en,
       g.accuracy AS area_accuracy,
       CASE WHEN g.id IS NOT NULL THEN round((ST_Area(g.geom::geography) / 1e6)::numeric, 4)::float8 END AS computed_km2,
       (SELECT atlas_figure(t) FROM targets t
         WHERE t.subject_type = 'feature' AND t.metric = 'area' AND t.unit = 'km²' AND t.value IS NOT NULL
           AND (t.subject_id = s.id OR t.subject_id = g.id)
         ORDER BY (t.subject_id = s.id) DESC, t.id LIMIT 1) AS stated,
       inv.area_m2::float8 AS entered_m2, inv.floor_area_m2::float8 AS floor_m2, inv.source_kind
FROM features s
LEFT JOIN sites inv ON inv.id = s.id
LEFT JOIN features par ON par.id = s.parent_id
LEFT JOIN LATERAL (
  SELECT f.id, f.name_zh, f.name_en, f.accuracy, f.geom FROM features f
  WHERE ST_Dimension(f.geom) = 2
    AND ((ST_Dimension(s.geom) = 2 AND f.id = s.id) OR (ST_Dimension(s.geom) < 2 AND f.id = s.properties->>'zone'))
  LIMIT 1
) g ON true
WHERE s.layer_id = 'sites'
ORDER BY s.id
