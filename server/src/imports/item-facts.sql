-- Everything the preview and the commit decide from, per item of batch $1, in file order. With $2
-- (makeValid) an invalid geometry is repaired by ST_MakeValid and reduced to the layer's dimension.
-- Each item is matched to an existing feature by its id, or (without an id) by name_zh within the
-- layer. GEOS predicates run only on valid geometries: an invalid one must not abort the query.
WITH b AS (
  SELECT b.id, b.layer_id, l.geometry_type, l.kind AS layer_kind
  FROM import_batches b JOIN layers l ON l.id = b.layer_id
  WHERE b.id = $1
), district AS (
  -- The district outline, grown by 10 m on the spheroid: points digitised on its edge still count as inside.
  SELECT ST_Buffer(f.geom::geography, 10)::geometry AS g FROM features f WHERE f.id = 'gaogang'
), it AS (
  SELECT i.*, coalesce(NOT ST_IsValid(i.geom), false) AS invalid,
         CASE WHEN i.geom IS NOT NULL AND NOT ST_IsValid(i.geom) THEN ST_IsValidReason(i.geom) END AS invalid_reason
  FROM import_items i
  WHERE i.batch_id = $1
), fixed AS (
  SELECT it.*, (it.invalid AND $2::boolean) AS repaired,
         CASE WHEN it.invalid AND $2::boolean
              THEN ST_CollectionExtract(ST_MakeValid(it.geom), CASE b.geometry_type WHEN 'polygon' THEN 3 WHEN 'line' THEN 2 ELSE 1 END)
              ELSE it.geom END AS g
  FROM it, b
), dups AS (
  SELECT source_id, count(*)::int AS n FROM it WHERE source_id IS NOT NULL GROUP BY source_id
), facts AS (
  SELECT x.*, coalesce(ST_IsValid(x.g), false) AS valid_now, d.n AS dup_count
  FROM fixed x LEFT JOIN dups d ON d.source_id = x.source_id
)
SELECT x.seq, x.source_id, x.name_zh, x.name_en, x.file_version, x.properties, x.error, x.transform_error,
       x.invalid, x.invalid_reason, x.repaired, x.valid_now, x.dup_count,
       GeometryType(x.g) AS type, ST_NPoints(x.g) AS points, coalesce(ST_IsEmpty(x.g), true) AS empty,
       CASE WHEN NOT x.valid_now OR NOT EXISTS (SELECT 1 FROM district) THEN NULL
            ELSE ST_CoveredBy(x.g, (SELECT g FROM district)) END AS inside,
       (SELECT layer_id FROM b) AS batch_layer, (SELECT layer_kind FROM b) AS layer_kind, (SELECT geometry_type FROM b) AS layer_geometry_type,
       m.id AS match_id, m.match_by, m.layer_id AS match_layer, m.version AS match_version, m.candidates,
       m.name_zh AS match_name_zh, m.name_en AS match_name_en,
       CASE WHEN m.id IS NULL OR x.g IS NULL THEN NULL
            -- Hausdorff under 1e-7° (~1 cm) is "the same place" whatever the ring order or orientation;
            -- for very large geometries (quadratic cost) compare normalised, snapped copies instead.
            WHEN ST_NPoints(x.g)::float8 * ST_NPoints(m.geom) <= 25e6 THEN ST_HausdorffDistance(x.g, m.geom) < 1e-7
            ELSE ST_OrderingEquals(ST_Normalize(ST_SnapToGrid(x.g, 1e-7)), ST_Normalize(ST_SnapToGrid(m.geom, 1e-7))) END AS same_geometry,
       CASE WHEN m.id IS NULL THEN NULL ELSE (m.properties || x.properties) = m.properties END AS same_properties,
       CASE WHEN x.g IS NOT NULL AND ST_Dimension(x.g) = 2 THEN ST_Area(x.g::geography) / 1e6 END AS area_km2,
       CASE WHEN m.id IS NOT NULL AND ST_Dimension(m.geom) = 2 THEN ST_Area(m.geom::geography) / 1e6 END AS current_area_km2,
       ST_AsGeoJSON(x.g, 9) AS geometry
FROM facts x
LEFT JOIN LATERAL (
  SELECT f.id, f.layer_id, f.version, f.geom, f.properties, f.name_zh, f.name_en, 'id'::text AS match_by, 1 AS candidates
  FROM features f WHERE x.source_id IS NOT NULL AND f.id = x.source_id
  UNION ALL
  SELECT * FROM (
    SELECT f.id, f.layer_id, f.version, f.geom, f.properties, f.name_zh, f.name_en, 'name_zh'::text, count(*) OVER ()::int
    FROM features f, b
    WHERE x.source_id IS NULL AND x.name_zh IS NOT NULL AND f.layer_id = b.layer_id AND f.name_zh = x.name_zh
    ORDER BY f.id LIMIT 1
  ) by_name
) m ON true
ORDER BY x.seq
