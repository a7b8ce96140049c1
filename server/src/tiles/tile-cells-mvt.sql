-- One generalised tile of a layer (layer_cells, migration 016) encoded by PostGIS (PostgreSQL only).
-- $1 layer id (also the tile's layer name), $2 z, $3 x, $4 y, $5 extent, $6 buffer (tile units),
-- $7 cells per tile side. Reads the cells of the tile and one ring around it (the buffer) by primary key;
-- each cell is a square in EPSG:3857 with its count `n` and area `area_m2`, and `generalised: true`.
WITH tile AS (
  SELECT ST_TileEnvelope($2, $3, $4) AS merc, 40075016.68557849 / (2 ^ $2::int * $7::int) AS size
), rows AS (
  SELECT ST_AsMVTGeom(
           ST_MakeEnvelope(-20037508.342789244 + c.cx * t.size, 20037508.342789244 - (c.cy + 1) * t.size,
                           -20037508.342789244 + (c.cx + 1) * t.size, 20037508.342789244 - c.cy * t.size, 3857),
           t.merc, $5, $6, true) AS geom,
         c.n, round(c.area_m2::numeric, 1)::float8 AS area_m2, true AS generalised
  FROM layer_cells c, tile t
  WHERE c.layer_id = $1 AND c.z = $2::int
    AND c.cx BETWEEN $3::int * $7::int - 1 AND ($3::int + 1) * $7::int AND c.cy BETWEEN $4::int * $7::int - 1 AND ($4::int + 1) * $7::int
  ORDER BY c.cy, c.cx
)
SELECT ST_AsMVT(rows.*, $1, $5, 'geom') AS tile
FROM rows
WHERE rows.geom IS NOT NULL
