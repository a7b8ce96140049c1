-- Search features, chains, layers and figures in both languages; $1 is the lower-cased query.
-- position() instead of LIKE: the user's text never becomes a pattern — except for features, where the
-- LIKE pattern is built here with \, % and _ escaped (so it means exactly "contains $1", as position() does)
-- and answered by the trigram indexes on lower(name_zh) and lower(name_en) (migration 009), or, for one or two
-- characters, by the character indexes (migration 011).
-- A feature's point (where the map flies) is computed for the hits that make the limit only, not for every
-- match: a word every parcel's name holds matches them all.
SELECT coalesce(json_agg(x ORDER BY x.rank, x.kind, x.label_zh), '[]'::json)::text AS body
FROM (
  SELECT h.kind, h.id, h.layer_id, h.label_zh, h.label_en, h.rank,
         CASE WHEN h.kind = 'feature' THEN (
           SELECT json_build_array(round(ST_X(p.pt)::numeric, 6), round(ST_Y(p.pt)::numeric, 6))
           FROM features pf, LATERAL (SELECT ST_PointOnSurface(pf.geom) AS pt) p WHERE pf.id = h.id) END AS point
  FROM (
  SELECT * FROM (
    SELECT 'feature' AS kind, f.id, f.layer_id AS layer_id, f.name_zh AS label_zh, f.name_en AS label_en,
           CASE WHEN lower(f.name_zh) = $1 OR lower(f.name_en) = $1 THEN 0 ELSE 1 END AS rank
    FROM features f
    WHERE (char_length($1) >= 3 AND (
             lower(f.name_zh) LIKE '%' || replace(replace(replace($1, '\', '\\'), '%', '\%'), '_', '\_') || '%'
          OR lower(f.name_en) LIKE '%' || replace(replace(replace($1, '\', '\\'), '%', '\%'), '_', '\_') || '%'))
       -- One or two characters: no trigram to look up; the character indexes (migration 011) give the names
       -- holding every character of $1, and position() keeps those that contain it (written first: when the
       -- planner reads every row instead, position() alone rejects most names without splitting them).
       OR (char_length($1) <= 2 AND (
             (position($1 IN lower(f.name_zh)) > 0 AND string_to_array(lower(f.name_zh), NULL) @> string_to_array($1, NULL))
          OR (position($1 IN lower(f.name_en)) > 0 AND string_to_array(lower(f.name_en), NULL) @> string_to_array($1, NULL))))
    UNION ALL
    SELECT 'chain', c.id, NULL, c.name_zh, c.name_en,
           CASE WHEN lower(c.name_zh) = $1 OR lower(c.name_en) = $1 THEN 0 WHEN position($1 IN lower(c.name_zh || ' ' || c.name_en)) > 0 THEN 1 ELSE 2 END
    FROM chains c
    WHERE position($1 IN lower(c.name_zh || ' ' || c.name_en || ' ' || c.focus_zh || ' ' || coalesce(c.focus_en, '') || ' ' || array_to_string(c.keywords, ' '))) > 0
    UNION ALL
    SELECT 'layer', l.id, l.id, l.title_zh, l.title_en, 1
    FROM layers l
    WHERE position($1 IN lower(l.title_zh || ' ' || l.title_en)) > 0
    UNION ALL
    SELECT 'figure', t.id, NULL,
           t.metric_zh || '：' || t.value_text || CASE WHEN position(t.unit IN t.value_text) > 0 THEN '' ELSE t.unit END,
           t.metric_en || ': ' || t.value_text || CASE WHEN position(t.unit IN t.value_text) > 0 THEN '' ELSE ' ' || t.unit END, 3
    FROM targets t
    WHERE position($1 IN lower(t.metric_zh || ' ' || t.metric_en)) > 0
  ) all_hits
  -- A total order, so which hits make the limit does not depend on the plan (index or scan).
  ORDER BY rank, CASE kind WHEN 'feature' THEN 0 WHEN 'chain' THEN 1 WHEN 'layer' THEN 2 ELSE 3 END, label_zh, id
  LIMIT $2
  ) h
) x
