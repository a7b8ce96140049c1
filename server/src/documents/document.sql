-- One document with its full text, its paragraphs (with stored English renderings, null where none) and
-- every quote cited from it with its place (first and last paragraph).
SELECT json_build_object('id', d.id, 'file', d.file, 'title_zh', d.title_zh, 'title_en', d.title_en,
  'level', d.level, 'period', d.period, 'as_of_year', d.as_of_year, 'url', d.url, 'text', d.body,
  'format', d.format, 'status', d.status, 'superseded_by', d.superseded_by, 'issuer', d.issuer,
  'date', to_char(d.issued_on, 'YYYY-MM-DD'), 'language', d.language, 'pages', d.pages,
  'uploaded_by', d.uploaded_by, 'uploaded_at', d.uploaded_at,
  'paragraphs', coalesce((SELECT json_agg(json_build_object('seq', p.seq, 'page', p.page, 'text', p.text,
                                                            'en', t.en, 'en_is_translation', true) ORDER BY p.seq)
                          FROM document_paragraphs p
                          LEFT JOIN paragraph_translations t ON t.document_id = p.document_id AND t.key = p.key
                          WHERE p.document_id = d.id), '[]'::json),
  'citations', coalesce((SELECT json_agg(json_build_object('id', c.id, 'quote', c.quote, 'quote_en', c.quote_en,
                                                           'first_seq', c.first_seq, 'last_seq', c.last_seq) ORDER BY c.id)
                         FROM citations c WHERE c.document_id = d.id), '[]'::json))::text AS body
FROM documents d
WHERE d.id = $1
