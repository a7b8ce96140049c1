-- Everything the discrepancy computation reads, in one round trip: figures (with supersession and their
-- document's status), reviewed relations, structures, measured areas behind area figures, stated growth
-- rates their end points contradict, chain groups, subject names and the resolution history.
SELECT json_build_object(
  'figures', coalesce((SELECT json_agg((atlas_figure(t)::jsonb || jsonb_build_object('document_status', d.status)) ORDER BY t.sort, t.id)
                       FROM targets t JOIN citations c ON c.id = t.citation_id JOIN documents d ON d.id = c.document_id), '[]'::json),
  'relations', coalesce((SELECT json_agg(json_build_object('id', r.id, 'kind', r.kind, 'relation', r.relation, 'lhs', r.lhs, 'rhs', r.rhs,
                          'label_zh', r.label_zh, 'label_en', r.label_en, 'note_zh', r.note_zh, 'note_en', r.note_en) ORDER BY r.sort, r.id)
                         FROM figure_relations r), '[]'::json),
  'structures', coalesce((SELECT json_agg(json_build_object('id', s.id, 'subject_type', s.subject_type, 'subject_id', s.subject_id,
                           'system', s.system, 'name', s.name, 'citation', atlas_citation(s.citation_id), 'document_status', d.status) ORDER BY s.sort, s.id)
                          FROM structures s JOIN citations c ON c.id = s.citation_id JOIN documents d ON d.id = c.document_id), '[]'::json),
  -- A point site that references a mapped zone (properties.zone) is measured on that zone's polygon.
  'areas', coalesce((SELECT json_agg(json_build_object('figure_id', t.id, 'feature_id', f.id, 'measured_km2', ST_Area(m.geom::geography) / 1e6,
                      'accuracy', m.accuracy, 'measured_from', m.id, 'sources', atlas_feature_sources(m.id)) ORDER BY t.id)
                     FROM targets t
                     JOIN features f ON t.subject_type = 'feature' AND f.id = t.subject_id
                     JOIN LATERAL (SELECT g.id, g.geom, g.accuracy FROM features g
                                   WHERE ST_Dimension(g.geom) = 2 AND (g.id = f.id OR (ST_Dimension(f.geom) < 2 AND g.id = f.properties->>'zone'))
                                   ORDER BY g.id = f.id DESC LIMIT 1) m ON true
                     WHERE t.metric = 'area'), '[]'::json),
  'growth', coalesce((SELECT json_agg(json_build_object('target_id', g.target_id, 'base_id', g.base_id, 'stated_id', g.stated_id,
                       'base_year', g.base_year, 'target_year', g.target_year, 'implied_annual_growth', g.implied_annual_growth,
                       'stated_annual_growth', g.stated_annual_growth) ORDER BY g.subject_id, g.metric, g.target_year, g.base_year, g.base_id)
                      FROM derived_growth g
                      WHERE g.stated_id IS NOT NULL AND abs(g.implied_annual_growth - g.stated_annual_growth) > 0.005), '[]'::json),
  'chains', coalesce((SELECT json_agg(json_build_object('id', c.id, 'group_id', c.group_id) ORDER BY c.seq) FROM chains c), '[]'::json),
  'names', coalesce((SELECT json_agg(json_build_array(x.id, x.zh, x.en)) FROM (
                       SELECT id, name_zh AS zh, name_en AS en FROM features
                       UNION ALL SELECT id, name_zh, name_en FROM chains
                       UNION ALL SELECT 'gaogang', '泰州医药高新区（高港区）', 'Taizhou Medical High-tech Zone (Gaogang)'
                       UNION ALL SELECT 'taizhou', '泰州市', 'Taizhou') x), '[]'::json),
  'curated', coalesce((SELECT json_agg(json_build_object('id', d.id, 'kind', d.kind, 'title_zh', d.title_zh, 'title_en', d.title_en,
                        'explanation_zh', d.explanation_zh, 'explanation_en', d.explanation_en, 'subjects', d.subjects, 'computed', d.computed,
                        'note', d.note,
                        'claims', (SELECT coalesce(json_agg(json_build_object('text', c->>'text', 'citation', atlas_citation(c->>'citation_id')) ORDER BY o), '[]'::json)
                                   FROM jsonb_array_elements(d.claims) WITH ORDINALITY AS e(c, o))) ORDER BY d.sort)
                       FROM discrepancies d), '[]'::json),
  'resolutions', coalesce((SELECT json_agg(json_build_object('discrepancy_id', r.discrepancy_id, 'action', r.action, 'reason', r.reason,
                            'fingerprint', r.fingerprint, 'by', r.by_user, 'at', r.at) ORDER BY r.id)
                           FROM discrepancy_resolutions r), '[]'::json)
) AS body
