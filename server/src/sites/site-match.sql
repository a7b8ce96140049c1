-- The inventory as /api/match ranks it: kind, status, chains, the area filters use (atlas_site_area_m2), floor area.
-- Only sites that can pass rankInventory's rules come back ($1 kind asked or null, $2 m² asked or null, $3 the
-- matched chain ids): not occupied or without status, of the kind asked, not known to be too small, and listed
-- for no chain or for a matched one. The rules stay in site-match.ts too; this only spares loading the rest.
SELECT s.id, s.kind, s.status, s.chains, sa.area_m2::float8 AS area_m2, s.floor_area_m2::float8 AS floor_area_m2,
       s.restrictions, s.demo
FROM sites s CROSS JOIN LATERAL (SELECT atlas_site_area_m2(s) AS area_m2 OFFSET 0) sa -- computed once (migration 021)
WHERE s.status IN ('available', 'planned', 'reserved')
  AND ($1::text IS NULL OR s.kind = $1)
  AND ($2::numeric IS NULL
       OR (CASE WHEN s.kind = 'land' THEN sa.area_m2 ELSE coalesce(s.floor_area_m2, sa.area_m2) END) IS NULL
       OR (CASE WHEN s.kind = 'land' THEN sa.area_m2 ELSE coalesce(s.floor_area_m2, sa.area_m2) END) >= $2)
  AND (s.chains = '{}' OR s.chains && $3::text[])
ORDER BY s.id
