-- 019: the sites inventory imports GIS files too (issue 14), read through GDAL as the feature import reads them.
-- A batch records the GIS format; its CRS may be unknown until chosen (crs NULL, as import_batches.source_crs),
-- with where it came from and the reader's warnings. Each row keeps what was read (raw: the mapped cells and,
-- for a GIS feature, its geometry in the file's own coordinates) so that choosing a CRS reads it again.
ALTER TABLE site_import_batches DROP CONSTRAINT IF EXISTS site_import_batches_format_check;
ALTER TABLE site_import_batches ADD CONSTRAINT site_import_batches_format_check
  CHECK (format IN ('xlsx', 'csv', 'geojson', 'shapefile', 'kml', 'kmz', 'gpkg', 'dxf', 'filegdb', 'mapinfo', 'flatgeobuf'));
ALTER TABLE site_import_batches ALTER COLUMN crs DROP NOT NULL;
ALTER TABLE site_import_batches ADD COLUMN IF NOT EXISTS crs_from text;
ALTER TABLE site_import_batches ADD COLUMN IF NOT EXISTS warnings jsonb NOT NULL DEFAULT '[]';
ALTER TABLE site_import_rows ADD COLUMN IF NOT EXISTS raw jsonb;
