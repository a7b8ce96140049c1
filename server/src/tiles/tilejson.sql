-- What a TileJSON needs about one layer: titles, bounds (EPSG:4326, rounded outward) and the
-- scalar attribute types its tiles carry, and the zoom its tiles start at (style.minzoom, as layer-version.sql).
-- $1 layer id, $2 property keys never sent (long prose).
SELECT l.id, l.title_zh, l.title_en, l.description_zh, l.description_en,
       CASE WHEN jsonb_typeof(l.style->'minzoom') = 'number' THEN least(greatest((l.style->>'minzoom')::numeric, 0), 22)::int ELSE 0 END AS minzoom,
       coalesce(v.version, 0)::text AS version,
       CASE WHEN e.box IS NULL THEN NULL ELSE json_build_array(
         floor(ST_XMin(e.box) * 1e6) / 1e6, floor(ST_YMin(e.box) * 1e6) / 1e6,
         ceil(ST_XMax(e.box) * 1e6) / 1e6, ceil(ST_YMax(e.box) * 1e6) / 1e6) END AS bounds,
       coalesce((
         SELECT json_object_agg(k.key, k.type ORDER BY k.key)
         FROM (
           SELECT p.key, CASE WHEN count(DISTINCT jsonb_typeof(p.value)) > 1 THEN 'string' ELSE min(jsonb_typeof(p.value)) END AS type
           FROM features f, jsonb_each(f.properties) p
           WHERE f.layer_id = l.id AND jsonb_typeof(p.value) IN ('string', 'number', 'boolean') AND p.key <> ALL ($2::text[])
             AND p.key NOT IN ('id', 'name_zh', 'name_en', 'accuracy', 'parent_id')
           GROUP BY p.key
         ) k), '{}'::json) AS property_types
FROM layers l
LEFT JOIN data_versions v ON v.scope = 'layer:' || l.id
LEFT JOIN LATERAL (SELECT ST_Extent(f.geom) AS box FROM features f WHERE f.layer_id = l.id) e ON true
WHERE l.id = $1
