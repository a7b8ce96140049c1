-- Every recorded discrepancy with each claim's citation.
SELECT coalesce(json_agg(json_build_object('id', d.id, 'kind', d.kind, 'title_zh', d.title_zh, 'title_en', d.title_en,
  'explanation_zh', d.explanation_zh, 'explanation_en', d.explanation_en, 'subjects', d.subjects, 'computed', d.computed,
  'claims', (SELECT coalesce(json_agg(json_build_object('text', c->>'text', 'citation', atlas_citation(c->>'citation_id')) ORDER BY o), '[]'::json)
             FROM jsonb_array_elements(d.claims) WITH ORDINALITY AS e(c, o))
) ORDER BY d.sort), '[]'::json)::text AS body
FROM discrepancies d
