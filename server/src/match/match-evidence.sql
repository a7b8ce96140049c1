-- For candidate chains $1 (text[]): per park, the documented evidence a match score is built from.
WITH parks AS (
  SELECT id, name_zh, name_en FROM features WHERE layer_id = 'parks'
), land AS (
  SELECT s.parent_id,
         sum(ST_Area(s.geom::geography)) / 1e6 AS km2,
         count(*)::int AS sites
  FROM features s
  WHERE s.layer_id = 'sites' AND s.properties->>'status' = 'available' AND ST_Dimension(s.geom) = 2
  GROUP BY s.parent_id
)
SELECT coalesce(json_agg(json_build_object(
  'park_id', p.id, 'name_zh', p.name_zh, 'name_en', p.name_en,
  'available_km2', round(coalesce(land.km2, 0)::numeric, 4), 'available_sites', coalesce(land.sites, 0),
  'links', coalesce((
    SELECT json_agg(json_build_object('chain_id', fc.chain_id, 'role', fc.role,
                                      'citation', CASE WHEN fc.citation_id IS NULL THEN NULL ELSE atlas_citation(fc.citation_id) END)
                    ORDER BY fc.chain_id, fc.role)
    FROM feature_chains fc WHERE fc.feature_id = p.id AND fc.chain_id = ANY($1::text[])), '[]'::json),
  'leader_nodes', coalesce((
    SELECT json_agg(json_build_object('id', n.id, 'name_zh', n.name_zh, 'name_en', n.name_en, 'chains', n.properties->'chains'))
    FROM features n
    WHERE n.layer_id = 'nodes' AND n.parent_id = p.id AND jsonb_typeof(n.properties->'chains') = 'array'
      AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(n.properties->'chains') c WHERE c = ANY($1::text[]))), '[]'::json)
) ORDER BY p.id), '[]'::json)::text AS body
FROM parks p LEFT JOIN land ON land.parent_id = p.id
