-- One Mapbox Vector Tile of one layer, encoded by PostGIS (PostgreSQL only: needs protobuf-c).
-- $1 layer id (also the tile's layer name), $2 z, $3 x, $4 y, $5 extent, $6 buffer (tile units),
-- $7 filter margin as a fraction of the tile, $8 property keys never sent (long prose), $9 the smallest
-- bounding-box size (degrees) drawn at this zoom: features under about half a pixel are left out.
-- The filter box is in the table's SRID (4326) so `&&` uses the GiST index; the size test can use
-- features_layer_size_idx instead when it is the more selective one (parcels at low zoom).
WITH tile AS (
  SELECT ST_TileEnvelope($2, $3, $4) AS merc, ST_Transform(ST_TileEnvelope($2, $3, $4), 4326) AS geo
), area AS (
  SELECT t.merc, ST_Expand(t.geo, (ST_XMax(t.geo) - ST_XMin(t.geo)) * $7, (ST_YMax(t.geo) - ST_YMin(t.geo)) * $7) AS filter
  FROM tile t
), rows AS (
  -- Attributes: the row's own columns, and its properties as one jsonb column without the prose keys and
  -- without keys that would shadow a column. ST_AsMVT writes a jsonb column's scalar members as attributes
  -- and leaves out arrays, objects and nulls — the same attributes the JS path builds with jsonb_each —
  -- without unpacking every row's properties in SQL (a third of a dense tile's time).
  SELECT ST_AsMVTGeom(ST_Transform(f.geom, 3857), a.merc, $5, $6, true) AS geom,
         f.id, f.name_zh, f.name_en, f.accuracy, f.parent_id,
         f.properties - $8::text[] - '{id,name_zh,name_en,accuracy,parent_id}'::text[] AS attrs
  FROM features f, area a
  WHERE f.layer_id = $1 AND f.geom && a.filter AND atlas_geom_size(f.geom) >= $9
  ORDER BY f.id
)
SELECT ST_AsMVT(rows.*, $1, $5, 'geom') AS tile
FROM rows
WHERE rows.geom IS NOT NULL
