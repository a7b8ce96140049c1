-- Layers as OGC API collections: titles, geometry kind and the spatial extent in CRS84 (rounded
-- outward to 1e-6°, so it always contains every feature). $1 one layer id, or NULL for all layers.
SELECT l.id, l.title_zh, l.title_en, l.description_zh, l.description_en, l.geometry_type,
       CASE WHEN e.box IS NULL THEN NULL ELSE json_build_array(
         floor(ST_XMin(e.box) * 1e6) / 1e6, floor(ST_YMin(e.box) * 1e6) / 1e6,
         ceil(ST_XMax(e.box) * 1e6) / 1e6, ceil(ST_YMax(e.box) * 1e6) / 1e6) END AS bbox
FROM layers l
LEFT JOIN LATERAL (SELECT ST_Extent(f.geom) AS box FROM features f WHERE f.layer_id = l.id) e ON true
WHERE $1::text IS NULL OR l.id = $1
ORDER BY l.sort, l.id
