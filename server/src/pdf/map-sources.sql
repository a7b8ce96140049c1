-- The documents cited by the given features, most cited first. $1 feature ids.
SELECT d.id, d.title_zh, d.title_en, d.as_of_year, count(DISTINCT fc.feature_id)::int AS features
FROM feature_citations fc
JOIN citations c ON c.id = fc.citation_id
JOIN documents d ON d.id = c.document_id
WHERE fc.feature_id = ANY($1::text[])
GROUP BY d.id, d.title_zh, d.title_en, d.as_of_year
ORDER BY count(DISTINCT fc.feature_id) DESC, d.id
