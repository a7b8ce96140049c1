-- 016: per-zoom generalisation of dense layers. A layer whose style has `generalise_below: N` (parcels:
-- a million 20 m plots) is drawn below zoom N as a grid of cells — 32 × 32 per tile of that zoom, each
-- with the number and the area of the features whose point-on-surface falls in it — instead of every
-- feature: a z14 tile over a million parcels held 14 245 of them (1.3 s to encode); its cells are at most
-- 34 × 34. The cells are kept here per zoom, so a generalised tile reads at most ~1 200 rows by primary
-- key whatever the size of the layer, and kept current row by row by a trigger (a bulk load may switch
-- the trigger off and call atlas_cells_rebuild once). Tiles of the layer from zoom N up show the features.

CREATE TABLE IF NOT EXISTS layer_cells (
  layer_id  text NOT NULL,
  z         smallint NOT NULL,
  cx        integer NOT NULL,          -- column of the cell in the world grid of 2^z * 32 cells (west → east)
  cy        integer NOT NULL,          -- row of the cell (north → south, as XYZ tiles)
  n         integer NOT NULL,
  area_m2   double precision NOT NULL DEFAULT 0,
  PRIMARY KEY (layer_id, z, cx, cy)
);

-- The zooms a layer is generalised at, from its style: [minzoom, generalise_below - 1], or no row.
CREATE OR REPLACE FUNCTION atlas_cell_zooms(p_layer text) RETURNS TABLE (z integer) LANGUAGE sql STABLE AS $$
  SELECT generate_series(
           CASE WHEN jsonb_typeof(l.style->'minzoom') = 'number' THEN least(greatest((l.style->>'minzoom')::numeric, 0), 22)::int ELSE 0 END,
           least((l.style->>'generalise_below')::numeric, 22)::int - 1)
  FROM layers l
  WHERE l.id = p_layer AND jsonb_typeof(l.style->'generalise_below') = 'number'
$$;

-- Adds (sign 1) or removes (sign -1) one feature's share to its cell at every generalised zoom.
CREATE OR REPLACE FUNCTION atlas_cells_add(p_layer text, g geometry, sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  p geometry;
  a double precision;
  fx double precision;
  fy double precision;
  zz integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM atlas_cell_zooms(p_layer)) THEN RETURN; END IF;
  p := ST_PointOnSurface(g);
  a := CASE WHEN ST_Dimension(g) = 2 THEN ST_Area(g::geography) ELSE 0 END;
  -- Web Mercator position as a fraction of the world (0..1, y from the north), as XYZ tiles count.
  fx := (ST_X(p) + 180) / 360;
  fy := (1 - ln(tan(radians(ST_Y(p))) + 1 / cos(radians(ST_Y(p)))) / pi()) / 2;
  FOR zz IN SELECT c.z FROM atlas_cell_zooms(p_layer) c LOOP
    INSERT INTO layer_cells AS lc (layer_id, z, cx, cy, n, area_m2)
    VALUES (p_layer, zz, floor(fx * 2 ^ zz * 32)::int, floor(fy * 2 ^ zz * 32)::int, sign, sign * a)
    ON CONFLICT (layer_id, z, cx, cy) DO UPDATE SET n = lc.n + EXCLUDED.n, area_m2 = lc.area_m2 + EXCLUDED.area_m2;
  END LOOP;
  IF sign < 0 THEN
    DELETE FROM layer_cells WHERE layer_id = p_layer AND n <= 0;
  END IF;
END;
$$;

-- Recomputes a layer's cells from its features in one pass (after a bulk load, or when its zooms change).
CREATE OR REPLACE FUNCTION atlas_cells_rebuild(p_layer text) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  written integer;
BEGIN
  DELETE FROM layer_cells WHERE layer_id = p_layer;
  INSERT INTO layer_cells (layer_id, z, cx, cy, n, area_m2)
  SELECT p_layer, zs.z, floor(f.fx * 2 ^ zs.z * 32)::int, floor(f.fy * 2 ^ zs.z * 32)::int, count(*), sum(f.a)
  FROM (
    SELECT (ST_X(p) + 180) / 360 AS fx,
           (1 - ln(tan(radians(ST_Y(p))) + 1 / cos(radians(ST_Y(p)))) / pi()) / 2 AS fy,
           CASE WHEN ST_Dimension(geom) = 2 THEN ST_Area(geom::geography) ELSE 0 END AS a
    FROM (SELECT geom, ST_PointOnSurface(geom) AS p FROM features WHERE layer_id = p_layer) s
  ) f, atlas_cell_zooms(p_layer) zs
  GROUP BY 1, 2, 3, 4;
  GET DIAGNOSTICS written = ROW_COUNT;
  RETURN written;
END;
$$;

CREATE OR REPLACE FUNCTION atlas_cells_maintain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.layer_id = NEW.layer_id AND ST_Equals(OLD.geom, NEW.geom) THEN RETURN NULL; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM atlas_cells_add(OLD.layer_id, OLD.geom, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM atlas_cells_add(NEW.layer_id, NEW.geom, 1); END IF;
  RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS features_cells ON features;
CREATE TRIGGER features_cells AFTER INSERT OR UPDATE OR DELETE ON features
  FOR EACH ROW EXECUTE FUNCTION atlas_cells_maintain();

-- A layer whose generalised zooms change gets its cells recomputed (and its tiles a new version).
CREATE OR REPLACE FUNCTION atlas_cells_layer_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM atlas_cells_rebuild(NEW.id);
  PERFORM atlas_bump_version('layer:' || NEW.id);
  RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS layers_cells ON layers;
CREATE TRIGGER layers_cells AFTER UPDATE ON layers
  FOR EACH ROW WHEN (OLD.style->'generalise_below' IS DISTINCT FROM NEW.style->'generalise_below'
                     OR OLD.style->'minzoom' IS DISTINCT FROM NEW.style->'minzoom')
  EXECUTE FUNCTION atlas_cells_layer_changed();
