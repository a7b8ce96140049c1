-- GET /api/taxonomy as JSON text (TaxonomyResult): every chain in table order with its classes, synonyms,
-- keywords and segments in seed order (atlas_segment_json, migration 014). No parameters.
SELECT json_build_object(
  'standard', coalesce((SELECT (m.value::json)->>'standard' FROM atlas_meta m WHERE m.key = 'taxonomy_standard'), ''),
  'standard_source', coalesce((SELECT (m.value::json)->'source' FROM atlas_meta m WHERE m.key = 'taxonomy_standard'), '{}'::json),
  'chains', coalesce((
    SELECT json_agg(json_build_object(
      'id', c.id, 'name_zh', c.name_zh, 'name_en', c.name_en,
      'codes', atlas_gbt_classes(coalesce(t.codes, '{}')),
      'terms_zh', coalesce(t.terms_zh, '{}'), 'terms_en', coalesce(t.terms_en, '{}'),
      'keywords', c.keywords,
      'segments', coalesce((SELECT json_agg(atlas_segment_json(s) ORDER BY s.seq) FROM chain_segments s WHERE s.chain_id = c.id), '[]'::json)
    ) ORDER BY c.seq)
    FROM chains c LEFT JOIN chain_taxonomy t ON t.chain_id = c.id), '[]'::json)
)::text AS body
