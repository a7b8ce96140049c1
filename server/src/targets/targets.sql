-- Figures filtered by subject id and/or subject type (either may be null = any).
SELECT coalesce(json_agg(atlas_figure(t) ORDER BY t.sort), '[]'::json)::text AS body
FROM targets t
WHERE ($1::text IS NULL OR t.subject_id = $1)
  AND ($2::text IS NULL OR t.subject_type = $2)
