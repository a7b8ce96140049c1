-- The layer's data version (bumped by the features trigger on every change), the zoom its tiles start at
-- (style.minzoom, default 0: below it tiles are empty) and the zoom its features start at
-- (style.generalise_below: below it, from minzoom, tiles show the cells of layer_cells; null: never
-- generalised), or no row if the layer does not exist.
SELECT coalesce(v.version, 0)::text AS version,
       CASE WHEN jsonb_typeof(l.style->'minzoom') = 'number' THEN least(greatest((l.style->>'minzoom')::numeric, 0), 22)::int ELSE 0 END AS minzoom,
       CASE WHEN jsonb_typeof(l.style->'generalise_below') = 'number' THEN least((l.style->>'generalise_below')::numeric, 22)::int END AS generalise_below
FROM layers l LEFT JOIN data_versions v ON v.scope = 'layer:' || l.id
WHERE l.id = $1
