-- 002: JSON builders shared by the API's queries, so every endpoint cites and formats figures the same way.

CREATE OR REPLACE FUNCTION atlas_citation(p_id text) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object('id', c.id, 'document_id', c.document_id, 'document_title_zh', d.title_zh,
                           'document_title_en', d.title_en, 'quote', c.quote)
  FROM citations c JOIN documents d ON d.id = c.document_id
  WHERE c.id = p_id
$$;

CREATE OR REPLACE FUNCTION atlas_figure(t targets) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object('id', t.id, 'subject_type', t.subject_type, 'subject_id', t.subject_id, 'kind', t.kind,
    'metric', t.metric, 'metric_zh', t.metric_zh, 'metric_en', t.metric_en, 'value_text', t.value_text,
    'value', t.value, 'value_max', t.value_max, 'qualifier', t.qualifier, 'unit', t.unit, 'year', t.year,
    'base_year', t.base_year, 'citation', atlas_citation(t.citation_id))
$$;

-- A feature's citations as a JSON array (empty array, never null).
CREATE OR REPLACE FUNCTION atlas_feature_sources(p_feature_id text) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT coalesce(json_agg(atlas_citation(fc.citation_id) ORDER BY fc.citation_id), '[]'::json)
  FROM feature_citations fc WHERE fc.feature_id = p_feature_id
$$;

-- Area (km², polygons) and length (km, lines) on the spheroid, rounded for display.
CREATE OR REPLACE FUNCTION atlas_measures(g geometry) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE ST_Dimension(g)
    WHEN 2 THEN jsonb_build_object('area_km2', round((ST_Area(g::geography) / 1e6)::numeric, 4))
    WHEN 1 THEN jsonb_build_object('length_km', round((ST_Length(g::geography) / 1e3)::numeric, 3))
    ELSE '{}'::jsonb END
$$;

-- The GeoJSON Feature of one row, as served everywhere.
CREATE OR REPLACE FUNCTION atlas_feature_json(f features) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
    'type', 'Feature',
    'id', f.id,
    'geometry', ST_AsGeoJSON(f.geom, 6)::json,
    'properties', f.properties || atlas_measures(f.geom) || jsonb_build_object(
      'layer_id', f.layer_id, 'name_zh', f.name_zh, 'name_en', f.name_en, 'accuracy', f.accuracy,
      'parent_id', f.parent_id, 'version', f.version, 'updated_at', f.updated_at,
      'sources', atlas_feature_sources(f.id)::jsonb))
$$;
