-- One side of a compare: a feature version from feature_history ($1 id, $2 version), the current
-- feature ($1 id, $2 NULL), or the union of a layer's features ($3 layer id). No row when it does
-- not exist (a delete tombstone is not a version one can compare: it repeats the last state).
SELECT geom, 'version' AS kind, feature_id AS id, version, name_zh, name_en, changed_by, changed_at, 1 AS features
FROM feature_history
WHERE $1::text IS NOT NULL AND $2::int IS NOT NULL AND feature_id = $1 AND version = $2 AND op <> 'delete'
UNION ALL
SELECT geom, 'current', id, version, name_zh, name_en, updated_by, updated_at, 1
FROM features
WHERE $1::text IS NOT NULL AND $2::int IS NULL AND id = $1
UNION ALL
SELECT ST_Union(f.geom), 'layer', l.id, NULL, l.title_zh, l.title_en, NULL, NULL, count(f.id)::int
FROM layers l JOIN features f ON f.layer_id = l.id
WHERE $3::text IS NOT NULL AND l.id = $3
GROUP BY l.id, l.title_zh, l.title_en
