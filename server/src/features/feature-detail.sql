-- One feature with its chains, figures (targets) and children, as FeatureDetail JSON.
SELECT json_build_object(
  'feature', atlas_feature_json(f),
  'chains', coalesce((
    SELECT json_agg(json_build_object('id', c.id, 'name_zh', c.name_zh, 'name_en', c.name_en, 'group_zh', c.group_zh,
             'group_en', c.group_en, 'role', fc.role,
             'citation', CASE WHEN fc.citation_id IS NULL THEN NULL ELSE atlas_citation(fc.citation_id) END)
           ORDER BY c.seq, fc.role)
    FROM feature_chains fc JOIN chains c ON c.id = fc.chain_id
    WHERE fc.feature_id = f.id), '[]'::json),
  'targets', coalesce((
    SELECT json_agg(atlas_figure(t) ORDER BY t.sort)
    FROM targets t
    WHERE t.subject_id = f.id AND t.subject_type IN ('feature', 'district')), '[]'::json),
  'children', coalesce((
    SELECT json_agg(json_build_object('id', k.id, 'name_zh', k.name_zh, 'name_en', k.name_en, 'layer_id', k.layer_id) ORDER BY k.id)
    FROM features k WHERE k.parent_id = f.id), '[]'::json)
)::text AS body
FROM features f
WHERE f.id = $1
