-- The document list (without bodies).
SELECT coalesce(json_agg(json_build_object('id', d.id, 'file', d.file, 'title_zh', d.title_zh, 'title_en', d.title_en,
  'level', d.level, 'period', d.period, 'as_of_year', d.as_of_year, 'url', d.url, 'length', char_length(d.body),
  'citations', (SELECT count(*)::int FROM citations c WHERE c.document_id = d.id)) ORDER BY d.id), '[]'::json)::text AS body
FROM documents d
