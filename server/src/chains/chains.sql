-- All chains in table order, each with its figures and their citations (per year the current figure first, a superseded one after it).
SELECT coalesce(json_agg(json_build_object(
  'id', c.id, 'seq', c.seq, 'group_id', c.group_id, 'group_zh', c.group_zh, 'group_en', c.group_en,
  'name_zh', c.name_zh, 'name_en', c.name_en, 'focus_zh', c.focus_zh, 'focus_en', c.focus_en, 'keywords', c.keywords,
  'figures', coalesce((SELECT json_agg(atlas_figure(t) ORDER BY t.year, atlas_superseded_by(t) IS NOT NULL, t.sort)
                       FROM targets t WHERE t.subject_type = 'chain' AND t.subject_id = c.id), '[]'::json)
) ORDER BY c.seq), '[]'::json)::text AS body
FROM chains c
