-- For candidate chains $1 (text[]): per park, the documented evidence a match score is built from
-- (the land part comes from the site areas of sites.sql, so the score and GET /api/sites agree).
WITH parks AS (
  SELECT id, name_zh, name_en FROM features WHERE layer_id = 'parks'
)
SELECT coalesce(json_agg(json_build_object(
  'park_id', p.id, 'name_zh', p.name_zh, 'name_en', p.name_en,
  'links', coalesce((
    SELECT json_agg(json_build_object('chain_id', fc.chain_id, 'role', fc.role,
                                      'citation', CASE WHEN fc.citation_id IS NULL THEN NULL ELSE atlas_citation(fc.citation_id) END)
                    ORDER BY fc.chain_id, fc.role)
    FROM feature_chains fc WHERE fc.feature_id = p.id AND fc.chain_id = ANY($1::text[])), '[]'::json),
  'leader_nodes', coalesce((
    SELECT json_agg(json_build_object('id', n.id, 'name_zh', n.name_zh, 'name_en', n.name_en, 'chains', n.properties->'chains',
                                     'sources', atlas_feature_sources(n.id)))
    FROM features n
    WHERE n.layer_id = 'nodes' AND n.parent_id = p.id AND jsonb_typeof(n.properties->'chains') = 'array'
      AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(n.properties->'chains') c WHERE c = ANY($1::text[]))), '[]'::json)
) ORDER BY p.id), '[]'::json)::text AS body
FROM parks p
