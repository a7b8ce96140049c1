-- 021: a site's area computed once per site. atlas_site_json (018, 020) called atlas_site_area_m2(s) four times
-- (area_m2, area_mu, area_ha, area_basis); inlined, that was four geodesic ST_Area per polygon site without a
-- stated area, since PostgreSQL does not share common subexpressions. The caller now computes the area once, in
-- a LATERAL subquery kept from being flattened (OFFSET 0; SITE_AREA in sites.repository.ts), and passes it in:
-- a plain column argument keeps the function inlinable.
DROP FUNCTION IF EXISTS atlas_site_json(sites, land_use_classes, citations, documents);

CREATE OR REPLACE FUNCTION atlas_site_json(s sites, lu land_use_classes, c citations, d documents, area numeric) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object('type', 'Feature', 'id', s.id, 'geometry', ST_AsGeoJSON(s.geom, 7)::json,
    'properties', jsonb_build_object(
      'id', s.id, 'park_id', s.park_id, 'name_zh', s.name_zh, 'name_en', s.name_en, 'kind', s.kind,
      'status', s.status, 'status_as_of', s.status_as_of,
      'area_m2', area, 'area_mu', round(area * 15 / 10000, 4),
      'area_ha', round(area / 10000, 4),
      'area_basis', CASE WHEN s.area_m2 IS NOT NULL THEN 'stated' WHEN area IS NOT NULL THEN 'computed' END,
      'floor_area_m2', s.floor_area_m2,
      'land_use_code', s.land_use_code, 'land_use_zh', lu.name_zh, 'land_use_en', lu.name_en, 'land_use_note', s.land_use_note,
      'price_value', s.price_value, 'price_unit', s.price_unit, 'price_note', s.price_note,
      'chains', to_json(s.chains), 'contact_unit', s.contact_unit, 'contact_name', s.contact_name,
      'contact_phone', s.contact_phone, 'contact_email', s.contact_email,
      'source', jsonb_build_object('kind', s.source_kind, 'citation_id', s.citation_id, 'document_id', c.document_id,
        'document_title_zh', d.title_zh, 'document_title_en', d.title_en,
        'quote', c.quote, 'quote_en', c.quote_en, 'first_seq', c.first_seq, 'last_seq', c.last_seq,
        'by', s.source_by, 'at', s.source_at, 'note', s.source_note),
      'floors', s.floors) || jsonb_build_object('floor_load_kn_m2', s.floor_load_kn_m2, 'clear_height_m', s.clear_height_m,
      'plot_ratio_min', s.plot_ratio_min, 'plot_ratio_max', s.plot_ratio_max, 'height_max_m', s.height_max_m,
      'green_ratio_min_pct', s.green_ratio_min_pct, 'green_ratio_max_pct', s.green_ratio_max_pct,
      'utility_power_kva', s.utility_power_kva, 'utility_water', s.utility_water, 'utility_gas', s.utility_gas,
      'utility_steam', s.utility_steam, 'utility_wastewater', s.utility_wastewater, 'utility_5g', s.utility_5g,
      'utilities_note', s.utilities_note, 'restrictions', s.restrictions, 'photo_ids', to_json(s.photo_ids),
      'notes', s.notes, 'zone_id', s.zone_id, 'accuracy', s.accuracy, 'method', s.method,
      'external_key', s.external_key, 'demo', s.demo, 'version', s.version,
      'updated_at', s.updated_at, 'updated_by', s.updated_by))
$$;

CREATE OR REPLACE FUNCTION atlas_site_json(s sites) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT atlas_site_json(s, lu, c, d, sa.area_m2)
  FROM (SELECT atlas_site_area_m2(s) AS area_m2 OFFSET 0) sa
  LEFT JOIN land_use_classes lu ON lu.code = s.land_use_code
  LEFT JOIN citations c ON c.id = s.citation_id
  LEFT JOIN documents d ON d.id = c.document_id
$$;
