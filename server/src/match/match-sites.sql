-- Sites with their park, status, computed area and suitable chains.
SELECT s.id, s.name_zh, s.name_en, s.parent_id, s.accuracy, s.properties->>'status' AS status,
       s.properties->>'land_use' AS land_use,
       CASE WHEN ST_Dimension(s.geom) = 2 THEN round((ST_Area(s.geom::geography) / 1e6)::numeric, 4)::float8 END AS area_km2,
       coalesce(s.properties->'chains', '[]'::jsonb) AS chains
FROM features s
WHERE s.layer_id = 'sites'
