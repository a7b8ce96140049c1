-- The document list (without bodies).
SELECT coalesce(json_agg(json_build_object('id', d.id, 'file', d.file, 'title_zh', d.title_zh, 'title_en', d.title_en,
  'level', d.level, 'period', d.period, 'as_of_year', d.as_of_year, 'url', d.url, 'length', char_length(d.body),
  'citations', (SELECT count(*)::int FROM citations c WHERE c.document_id = d.id),
  'format', d.format, 'status', d.status, 'superseded_by', d.superseded_by, 'issuer', d.issuer,
  'date', to_char(d.issued_on, 'YYYY-MM-DD'), 'language', d.language, 'pages', d.pages,
  'paragraphs', (SELECT count(*)::int FROM document_paragraphs p WHERE p.document_id = d.id),
  'translated_paragraphs', (SELECT count(*)::int FROM document_paragraphs p JOIN paragraph_translations t
                            ON t.document_id = p.document_id AND t.key = p.key WHERE p.document_id = d.id),
  'open_suggestions', (SELECT count(*)::int FROM document_suggestions s WHERE s.document_id = d.id AND s.status = 'open'),
  'uploaded_by', d.uploaded_by, 'uploaded_at', d.uploaded_at) ORDER BY d.id), '[]'::json)::text AS body
FROM documents d
