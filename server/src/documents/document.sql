-- One document with its full text and the quotes cited from it.
SELECT json_build_object('id', d.id, 'file', d.file, 'title_zh', d.title_zh, 'title_en', d.title_en,
  'level', d.level, 'period', d.period, 'as_of_year', d.as_of_year, 'url', d.url, 'text', d.body,
  'citations', coalesce((SELECT json_agg(json_build_object('id', c.id, 'quote', c.quote) ORDER BY c.id)
                         FROM citations c WHERE c.document_id = d.id), '[]'::json))::text AS body
FROM documents d
WHERE d.id = $1
