-- Everything an investor brief says about one park, as JSON: the park (with its EPSG:3857 bounding box
-- and colour), its cited figures, its chains (focus / leader), the key nodes and leading enterprises in it
-- or in its zones, its sites with status, each citation with its document's as_of_year. $1 park id.
WITH cite AS (
  SELECT c.id, json_build_object('document_id', d.id, 'document_title_zh', d.title_zh, 'document_title_en', d.title_en,
                                 'as_of_year', d.as_of_year, 'quote', c.quote, 'quote_en', c.quote_en) AS j
  FROM citations c JOIN documents d ON d.id = c.document_id
)
SELECT json_build_object(
  'id', f.id, 'name_zh', f.name_zh, 'name_en', f.name_en, 'accuracy', f.accuracy, 'parent_id', f.parent_id,
  'area_km2', round((ST_Area(f.geom::geography) / 1e6)::numeric, 2),
  'bbox', (SELECT json_build_array(ST_XMin(b.box), ST_YMin(b.box), ST_XMax(b.box), ST_YMax(b.box))
           FROM (SELECT ST_Transform(f.geom, 3857)::box2d AS box) b),
  'color', coalesce(l.style->'featureColors'->>f.id, l.style->>'color'),
  'figures', coalesce((
    SELECT json_agg(json_build_object('id', t.id, 'kind', t.kind, 'metric_zh', t.metric_zh, 'metric_en', t.metric_en,
             'value_text', t.value_text, 'value', t.value, 'value_max', t.value_max, 'qualifier', t.qualifier, 'unit', t.unit, 'year', t.year, 'citation', (SELECT j FROM cite WHERE cite.id = t.citation_id))
           ORDER BY t.sort, t.id)
    FROM targets t WHERE t.subject_type = 'feature' AND t.subject_id = f.id), '[]'::json),
  'chains', coalesce((
    SELECT json_agg(json_build_object('id', c.id, 'name_zh', c.name_zh, 'name_en', c.name_en, 'role', fc.role,
             'citation', (SELECT j FROM cite WHERE cite.id = fc.citation_id))
           ORDER BY c.seq, fc.role)
    FROM feature_chains fc JOIN chains c ON c.id = fc.chain_id WHERE fc.feature_id = f.id), '[]'::json),
  'nodes', coalesce((
    SELECT json_agg(json_build_object('id', n.id, 'name_zh', n.name_zh, 'name_en', n.name_en, 'kind', n.properties->>'kind',
             'accuracy', n.accuracy, 'parent_id', n.parent_id) ORDER BY n.properties->>'kind' = 'enterprise' DESC, n.id)
    FROM features n
    WHERE n.layer_id = 'nodes'
      AND (n.parent_id = f.id OR n.parent_id IN (SELECT z.id FROM features z WHERE z.parent_id = f.id AND z.layer_id = 'zones'))), '[]'::json),
  'sites', coalesce((
    SELECT json_agg(json_build_object('id', s.id, 'name_zh', s.name_zh, 'name_en', s.name_en, 'status', s.properties->>'status',
             'land_use', s.properties->>'land_use', 'accuracy', s.accuracy, 'demo', coalesce((s.properties->>'demo')::boolean, false),
             'figures', coalesce((SELECT json_agg(json_build_object('value_text', t.value_text, 'value', t.value, 'value_max', t.value_max, 'qualifier', t.qualifier, 'unit', t.unit, 'metric_zh', t.metric_zh,
                                     'metric_en', t.metric_en, 'citation', (SELECT j FROM cite WHERE cite.id = t.citation_id)) ORDER BY t.sort, t.id)
                                  FROM targets t WHERE t.subject_type = 'feature' AND t.subject_id = s.id), '[]'::json),
             'citations', coalesce((SELECT json_agg(cite.j ORDER BY fc.citation_id) FROM feature_citations fc JOIN cite ON cite.id = fc.citation_id
                                    WHERE fc.feature_id = s.id), '[]'::json))
           ORDER BY CASE s.properties->>'status' WHEN 'available' THEN 0 WHEN 'planned' THEN 1 WHEN 'reserved' THEN 2 ELSE 3 END, s.id)
    FROM features s
    WHERE s.layer_id = 'sites'
      AND (s.parent_id = f.id OR s.parent_id IN (SELECT z.id FROM features z WHERE z.parent_id = f.id AND z.layer_id = 'zones'))), '[]'::json),
  'citations', coalesce((SELECT json_agg(cite.j ORDER BY fc.citation_id) FROM feature_citations fc JOIN cite ON cite.id = fc.citation_id
                         WHERE fc.feature_id = f.id), '[]'::json)
)::text AS body
FROM features f JOIN layers l ON l.id = f.layer_id
WHERE f.id = $1 AND f.layer_id = 'parks'
