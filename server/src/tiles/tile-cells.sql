-- The cells of one generalised tile and one ring around it (as tile-cells-mvt.sql), as rows for the JS
-- encoder (PGlite has no ST_AsMVT). $1 layer id, $2 z, $3 x, $4 y, $5 cells per tile side.
SELECT c.cx, c.cy, c.n, round(c.area_m2::numeric, 1)::float8 AS area_m2
FROM layer_cells c
WHERE c.layer_id = $1 AND c.z = $2::int
  AND c.cx BETWEEN $3::int * $5::int - 1 AND ($3::int + 1) * $5::int AND c.cy BETWEEN $4::int * $5::int - 1 AND ($4::int + 1) * $5::int
ORDER BY c.cy, c.cx
