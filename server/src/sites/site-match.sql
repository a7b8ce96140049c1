-- The inventory as /api/match ranks it: kind, status, chains, the area filters use (atlas_site_area_m2), floor area.
SELECT s.id, s.kind, s.status, s.chains, atlas_site_area_m2(s)::float8 AS area_m2, s.floor_area_m2::float8 AS floor_area_m2,
       s.restrictions, s.demo
FROM sites s
ORDER BY s.id
