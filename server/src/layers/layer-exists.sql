SELECT l.id, coalesce(v.version, 0)::text AS version
FROM layers l LEFT JOIN data_versions v ON v.scope = 'layer:' || l.id
WHERE l.id = $1
