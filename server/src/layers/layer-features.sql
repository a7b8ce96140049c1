-- One layer as an RFC 7946 FeatureCollection, built entirely in PostGIS.
SELECT json_build_object(
  'type', 'FeatureCollection',
  'features', coalesce(json_agg(atlas_feature_json(f) ORDER BY f.id), '[]'::json)
)::text AS body
FROM features f
WHERE f.layer_id = $1
