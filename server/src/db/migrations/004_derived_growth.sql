-- 004: figure details (segment, notes) and the growth each target implies — labelled as derived,
-- never stored as if a document said it.
ALTER TABLE targets ADD COLUMN IF NOT EXISTS details jsonb NOT NULL DEFAULT '{}';

-- Every target paired with each earlier actual/baseline of the same subject, metric, segment and unit:
-- the compound annual growth it implies, and, where the document also states an annual growth rate for
-- that subject and metric, the stated rate beside it.
CREATE OR REPLACE VIEW derived_growth AS
SELECT t.id AS target_id, b.id AS base_id, s.id AS stated_id,
       t.subject_type, t.subject_id, t.metric, coalesce(t.details->>'segment', '') AS segment,
       b.year AS base_year, b.value AS base_value, t.year AS target_year, t.value AS target_value, t.unit,
       power(t.value / b.value, 1.0 / (t.year - b.year)) - 1 AS implied_annual_growth,
       s.value / 100.0 AS stated_annual_growth
FROM targets t
JOIN targets b ON b.subject_type = t.subject_type AND b.subject_id = t.subject_id AND b.metric = t.metric
  AND coalesce(b.details->>'segment', '') = coalesce(t.details->>'segment', '') AND b.unit = t.unit
  AND b.kind IN ('actual', 'baseline') AND b.year < t.year
LEFT JOIN targets s ON s.subject_type = t.subject_type AND s.subject_id = t.subject_id
  AND s.metric = t.metric || '-growth-annual' AND s.unit = '%' AND s.year = t.year
  AND coalesce(s.details->>'segment', '') = coalesce(t.details->>'segment', '')
WHERE t.kind = 'target' AND t.value > 0 AND b.value > 0 AND t.year IS NOT NULL AND b.year IS NOT NULL
  AND t.unit NOT IN ('%', '位');

-- Figures now carry their details (segment, notes) in the API too.
CREATE OR REPLACE FUNCTION atlas_figure(t targets) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object('id', t.id, 'subject_type', t.subject_type, 'subject_id', t.subject_id, 'kind', t.kind,
    'metric', t.metric, 'metric_zh', t.metric_zh, 'metric_en', t.metric_en, 'value_text', t.value_text,
    'value', t.value, 'value_max', t.value_max, 'qualifier', t.qualifier, 'unit', t.unit, 'year', t.year,
    'base_year', t.base_year, 'details', t.details, 'citation', atlas_citation(t.citation_id))
$$;
