-- The layer catalogue with feature counts and extents, as one JSON array.
SELECT coalesce(json_agg(x ORDER BY x.sort, x.id), '[]'::json)::text AS body
FROM (
  SELECT l.id, l.title_zh, l.title_en, l.theme, l.kind, l.geometry_type, l.style, l.sort,
         l.description_zh, l.description_en,
         count(f.id)::int AS feature_count,
         CASE WHEN count(f.id) = 0 THEN NULL ELSE json_build_array(
           round(ST_XMin(ST_Extent(f.geom))::numeric, 6), round(ST_YMin(ST_Extent(f.geom))::numeric, 6),
           round(ST_XMax(ST_Extent(f.geom))::numeric, 6), round(ST_YMax(ST_Extent(f.geom))::numeric, 6)) END AS bbox
  FROM layers l
  LEFT JOIN features f ON f.layer_id = l.id
  GROUP BY l.id
) x
