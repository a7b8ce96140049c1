-- Search features, chains, layers and figures in both languages; $1 is the lower-cased query.
-- position() instead of LIKE: the user's text never becomes a pattern — except for features, where the
-- LIKE pattern is built here with \, % and _ escaped (so it means exactly "contains $1", as position() does)
-- and answered by the trigram indexes on lower(name_zh) and lower(name_en) (migration 009).
SELECT coalesce(json_agg(x ORDER BY x.rank, x.kind, x.label_zh), '[]'::json)::text AS body
FROM (
  SELECT * FROM (
    SELECT 'feature' AS kind, f.id, f.layer_id AS layer_id, f.name_zh AS label_zh, f.name_en AS label_en,
           CASE WHEN lower(f.name_zh) = $1 OR lower(f.name_en) = $1 THEN 0 ELSE 1 END AS rank,
           json_build_array(round(ST_X(ST_PointOnSurface(f.geom))::numeric, 6), round(ST_Y(ST_PointOnSurface(f.geom))::numeric, 6)) AS point
    FROM features f
    WHERE lower(f.name_zh) LIKE '%' || replace(replace(replace($1, '\', '\\'), '%', '\%'), '_', '\_') || '%'
       OR lower(f.name_en) LIKE '%' || replace(replace(replace($1, '\', '\\'), '%', '\%'), '_', '\_') || '%'
    UNION ALL
    SELECT 'chain', c.id, NULL, c.name_zh, c.name_en,
           CASE WHEN lower(c.name_zh) = $1 OR lower(c.name_en) = $1 THEN 0 WHEN position($1 IN lower(c.name_zh || ' ' || c.name_en)) > 0 THEN 1 ELSE 2 END,
           NULL
    FROM chains c
    WHERE position($1 IN lower(c.name_zh || ' ' || c.name_en || ' ' || c.focus_zh || ' ' || coalesce(c.focus_en, '') || ' ' || array_to_string(c.keywords, ' '))) > 0
    UNION ALL
    SELECT 'layer', l.id, l.id, l.title_zh, l.title_en, 1, NULL
    FROM layers l
    WHERE position($1 IN lower(l.title_zh || ' ' || l.title_en)) > 0
    UNION ALL
    SELECT 'figure', t.id, NULL,
           t.metric_zh || '：' || t.value_text || CASE WHEN position(t.unit IN t.value_text) > 0 THEN '' ELSE t.unit END,
           t.metric_en || ': ' || t.value_text || CASE WHEN position(t.unit IN t.value_text) > 0 THEN '' ELSE ' ' || t.unit END, 3, NULL
    FROM targets t
    WHERE position($1 IN lower(t.metric_zh || ' ' || t.metric_en)) > 0
  ) all_hits
  -- A total order, so which hits make the limit does not depend on the plan (index or scan).
  ORDER BY rank, CASE kind WHEN 'feature' THEN 0 WHEN 'chain' THEN 1 WHEN 'layer' THEN 2 ELSE 3 END, label_zh, id
  LIMIT $2
) x
