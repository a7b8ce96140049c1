-- Figures of a subject (type, id and metric each optional), with superseded_by, as a JSON array.
SELECT coalesce(json_agg(atlas_figure(t) ORDER BY t.year NULLS FIRST, t.sort), '[]'::json) AS body
FROM targets t
WHERE ($1::text IS NULL OR t.subject_type = $1)
  AND ($2::text IS NULL OR t.subject_id = $2)
  AND ($3::text IS NULL OR t.metric = $3)
