-- 007: uploaded files awaiting review. A batch is one upload into one layer; its items keep the
-- geometry exactly as in the file (raw, no SRID) and, once the source CRS is known, re-projected to
-- EPSG:4326 (geom). Statuses (new / changed / unchanged / rejected) are not stored: they are computed
-- against the current features each time the preview is read, and again inside the commit transaction.
CREATE TABLE IF NOT EXISTS import_batches (
  id            text PRIMARY KEY,
  layer_id      text NOT NULL REFERENCES layers(id),
  filename      text NOT NULL,
  format        text NOT NULL CHECK (format IN ('geojson', 'shapefile', 'kml', 'kmz', 'gpkg', 'dxf')),
  source_crs    text,                                -- 'EPSG:4549', 'GCJ-02', …; null until known
  crs_from      text NOT NULL,                       -- where source_crs came from, or why it is unknown
  warnings      jsonb NOT NULL DEFAULT '[]',
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'committed')),
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  committed_by  text,
  committed_at  timestamptz,
  result        jsonb
);
CREATE INDEX IF NOT EXISTS import_batches_created_idx ON import_batches (created_at);

CREATE TABLE IF NOT EXISTS import_items (
  batch_id        text NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
  seq             integer NOT NULL,                  -- 1-based position in the file
  source_id       text,                              -- the id the file gives, if any
  name_zh         text,
  name_en         text,
  file_version    integer,                           -- `version` attribute of a file exported from the atlas
  properties      jsonb NOT NULL DEFAULT '{}',
  raw             geometry,                          -- as in the file, SRID 0: no CRS applied
  geom            geometry(Geometry, 4326),          -- raw re-projected to WGS 84 once the CRS is known
  error           text,                              -- why the item cannot be used at all (unreadable geometry)
  transform_error text,                              -- why raw does not fit the chosen CRS
  PRIMARY KEY (batch_id, seq)
);
