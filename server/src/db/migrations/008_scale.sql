-- 008: scale. (1) The size of a geometry's bounding box in degrees (points count as infinitely large),
-- indexed with the layer, so a low-zoom tile of a layer with many small features (land parcels) skips
-- the ones smaller than a pixel through the index instead of reading and then dropping them.
-- (2) Every data-version bump also NOTIFYs channel `atlas_data_version` with the scope ('all',
-- 'layer:<id>'); notifications are delivered at commit (never for a rolled-back write) and identical
-- ones in one transaction are folded into one, so other instances drop their caches of that scope.
-- Schema-qualified: index builds run with a restricted search_path (PostgreSQL 17, as in PGlite).
CREATE OR REPLACE FUNCTION atlas_geom_size(g public.geometry) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN public.ST_Dimension(g) = 0 THEN 'Infinity'::float8
              ELSE greatest(public.ST_XMax(g::public.box3d) - public.ST_XMin(g::public.box3d),
                            public.ST_YMax(g::public.box3d) - public.ST_YMin(g::public.box3d)) END
$$;
CREATE INDEX IF NOT EXISTS features_layer_size_idx ON features (layer_id, public.atlas_geom_size(geom));

CREATE OR REPLACE FUNCTION atlas_bump_version(p_scope text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_versions (scope, version) VALUES (p_scope, 1)
  ON CONFLICT (scope) DO UPDATE SET version = data_versions.version + 1;
  PERFORM pg_notify('atlas_data_version', p_scope);
END;
$$;
