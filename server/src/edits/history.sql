-- Every version of a feature, oldest first: who, when, what changed, and the area change (PostGIS, km²).
SELECT coalesce(json_agg(json_build_object(
  'version', x.version, 'op', x.op, 'changed_by', x.changed_by, 'changed_at', x.changed_at,
  'name_zh', x.name_zh, 'name_en', x.name_en, 'accuracy', x.accuracy, 'layer_id', x.layer_id, 'parent_id', x.parent_id,
  'area_km2', x.area_km2, 'length_km', x.length_km,
  'area_change_km2', CASE WHEN x.prev_area IS NULL OR x.area_km2 IS NULL THEN NULL ELSE round((x.area_km2 - x.prev_area)::numeric, 6) END,
  'changed', array_remove(ARRAY[
      CASE WHEN x.prev_version IS NULL THEN NULL WHEN x.name_zh IS DISTINCT FROM x.p_name_zh THEN 'name_zh' END,
      CASE WHEN x.prev_version IS NULL THEN NULL WHEN x.name_en IS DISTINCT FROM x.p_name_en THEN 'name_en' END,
      CASE WHEN x.prev_version IS NULL THEN NULL WHEN x.accuracy IS DISTINCT FROM x.p_accuracy THEN 'accuracy' END,
      CASE WHEN x.prev_version IS NULL THEN NULL WHEN x.parent_id IS DISTINCT FROM x.p_parent_id THEN 'parent_id' END,
      CASE WHEN x.prev_version IS NULL THEN NULL WHEN NOT ST_Equals(x.geom, x.p_geom) THEN 'geometry' END,
      CASE WHEN x.prev_version IS NULL THEN NULL WHEN x.properties IS DISTINCT FROM x.p_properties THEN 'properties' END
    ], NULL),
  'geometry', CASE WHEN $2::boolean THEN ST_AsGeoJSON(x.geom, 7)::json END
) ORDER BY x.version), '[]'::json)::text AS body
FROM (
  SELECT h.*,
         CASE ST_Dimension(h.geom) WHEN 2 THEN round((ST_Area(h.geom::geography) / 1e6)::numeric, 6)::float8 END AS area_km2,
         CASE ST_Dimension(h.geom) WHEN 1 THEN round((ST_Length(h.geom::geography) / 1e3)::numeric, 4)::float8 END AS length_km,
         lag(h.version) OVER w AS prev_version, lag(h.name_zh) OVER w AS p_name_zh, lag(h.name_en) OVER w AS p_name_en,
         lag(h.accuracy) OVER w AS p_accuracy, lag(h.parent_id) OVER w AS p_parent_id, lag(h.geom) OVER w AS p_geom,
         lag(h.properties) OVER w AS p_properties,
         lag(CASE ST_Dimension(h.geom) WHEN 2 THEN round((ST_Area(h.geom::geography) / 1e6)::numeric, 6)::float8 END) OVER w AS prev_area
  FROM feature_history h
  WHERE h.feature_id = $1
  WINDOW w AS (ORDER BY h.version)
) x
