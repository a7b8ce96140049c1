-- The layer's data version (bumped by the features trigger on every change), or no row if the layer does not exist.
SELECT coalesce(v.version, 0)::text AS version
FROM layers l LEFT JOIN data_versions v ON v.scope = 'layer:' || l.id
WHERE l.id = $1
