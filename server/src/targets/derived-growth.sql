-- Derived analytics: implied annual growth per target (and the stated rate where one exists), with sources.
SELECT coalesce(json_agg(json_build_object(
  'derived', true,
  'subject_type', g.subject_type, 'subject_id', g.subject_id, 'metric', g.metric, 'segment', g.segment,
  'base_year', g.base_year, 'base_value', g.base_value, 'target_year', g.target_year, 'target_value', g.target_value,
  'unit', g.unit,
  'implied_annual_growth', round(g.implied_annual_growth::numeric, 4),
  'stated_annual_growth', g.stated_annual_growth,
  'disagrees', g.stated_annual_growth IS NOT NULL AND abs(g.implied_annual_growth - g.stated_annual_growth) > 0.005,
  'from', json_build_array(atlas_figure(b), atlas_figure(t)) ,
  'stated', CASE WHEN s.id IS NULL THEN NULL ELSE atlas_figure(s) END
) ORDER BY g.subject_type, g.subject_id, g.metric, g.target_year, g.base_year), '[]'::json)::text AS body
FROM derived_growth g
JOIN targets t ON t.id = g.target_id
JOIN targets b ON b.id = g.base_id
LEFT JOIN targets s ON s.id = g.stated_id
WHERE ($1::text IS NULL OR g.subject_id = $1)
