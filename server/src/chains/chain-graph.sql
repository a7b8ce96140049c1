-- The segments of chain $1 (text) as JSON text, in seed order (atlas_segment_json, migration 014), with the chain's
-- names; no row when the chain does not exist.
SELECT json_build_object(
  'chain', json_build_object('id', c.id, 'name_zh', c.name_zh, 'name_en', c.name_en),
  'segments', coalesce((SELECT json_agg(atlas_segment_json(s) ORDER BY s.seq) FROM chain_segments s WHERE s.chain_id = c.id), '[]'::json)
)::text AS body
FROM chains c
WHERE c.id = $1
