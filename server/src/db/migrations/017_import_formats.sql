-- 017: the importer reads every format through GDAL (issue 18): FileGDB, MapInfo (TAB and MIF/MID),
-- FlatGeobuf and CSV join the formats an import batch may record.
ALTER TABLE import_batches DROP CONSTRAINT IF EXISTS import_batches_format_check;
ALTER TABLE import_batches ADD CONSTRAINT import_batches_format_check
  CHECK (format IN ('geojson', 'shapefile', 'kml', 'kmz', 'gpkg', 'dxf', 'filegdb', 'mapinfo', 'flatgeobuf', 'csv'));
