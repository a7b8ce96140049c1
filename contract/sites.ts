// API types of the sites and buildings inventory (招商载体库), issue 14: GET/POST/PATCH/DELETE /api/sites…

/** What a site is: a plot of land, or floor space in a standard factory, an R&D/office building or a warehouse. */
export type SiteKind = 'land' | 'factory' | 'office' | 'warehouse';
export type InventoryStatus = 'available' | 'reserved' | 'planned' | 'occupied';
/** Land is priced in 万元/亩; floor space as rent (元/m²/月) or sale (元/m²). */
export type PriceUnit = '万元/亩' | '元/m²/月' | '元/m²';

/** Where a site's facts come from: a document (with its verbatim quote), staff (who, when) or the demo set. */
export interface SiteSource {
  kind: 'document' | 'staff' | 'demo';
  citation_id: string | null;
  document_id: string | null;
  /** The cited document's titles (null unless kind is 'document'). */
  document_title_zh: string | null;
  document_title_en: string | null;
  /** The verbatim quote (the evidence). */
  quote: string | null;
  /** The quote's stored English translation (never the evidence), or null; as a feature citation's quote_en. */
  quote_en: string | null;
  /** The first and last paragraph (document_paragraphs.seq) the quote spans, or null. */
  first_seq: number | null;
  last_seq: number | null;
  by: string | null;
  at: string | null;
  note: string | null;
}

/** The properties of one site feature. Every value the sources do not give is null (shown as unknown). */
export interface SiteProperties {
  id: string;
  park_id: string | null;
  name_zh: string;
  name_en: string | null;
  kind: SiteKind;
  status: InventoryStatus | null;
  status_as_of: string | null;
  /** Stated area, else PostGIS on a surveyed/digitised polygon; null when neither (area_basis says which). */
  area_m2: number | null;
  area_mu: number | null;
  area_ha: number | null;
  area_basis: 'stated' | 'computed' | null;
  floor_area_m2: number | null;
  land_use_code: string | null;
  land_use_zh: string | null;
  land_use_en: string | null;
  land_use_note: string | null;
  price_value: number | null;
  price_unit: PriceUnit | null;
  price_note: string | null;
  chains: string[];
  contact_unit: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  source: SiteSource;
  floors: number | null;
  floor_load_kn_m2: number | null;
  clear_height_m: number | null;
  plot_ratio_min: number | null;
  plot_ratio_max: number | null;
  height_max_m: number | null;
  green_ratio_min_pct: number | null;
  green_ratio_max_pct: number | null;
  utility_power_kva: number | null;
  utility_water: boolean | null;
  utility_gas: boolean | null;
  utility_steam: boolean | null;
  utility_wastewater: boolean | null;
  utility_5g: boolean | null;
  utilities_note: string | null;
  restrictions: string | null;
  photo_ids: string[];
  notes: string | null;
  zone_id: string | null;
  accuracy: 'surveyed' | 'digitised' | 'schematic';
  method: string | null;
  external_key: string | null;
  /** True for the labelled demo set (npm run db:seed -- --demo-sites) only. */
  demo: boolean;
  version: number;
  updated_at: string;
  updated_by: string;
}

export interface SiteFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point' | 'Polygon' | 'MultiPolygon'; coordinates: unknown };
  properties: SiteProperties;
}

/** GET /api/sites: the sites passing every filter, ordered by id. */
export interface SiteCollection {
  type: 'FeatureCollection';
  features: SiteFeature[];
}

/** One version of a site in GET /api/sites/:id/history, newest first; `changes` against the version before. */
/** One nearest mapped place of a kind to a site (GET /api/sites/:id/nearby). */
export interface SiteNearby {
  kind: 'port' | 'station' | 'expressway';
  feature_id: string;
  layer_id: string;
  name_zh: string;
  name_en: string;
  accuracy: 'surveyed' | 'digitised' | 'schematic';
  /** 'line': to the road itself (the documents locate no expressway exit); 'point': to the mapped point. */
  to: 'line' | 'point';
  /** Geodesic metres from the plot's edge (or the building's point), rounded to the metre. */
  distance_m: number;
  /** The site's or the target's geometry is schematic: the distance is only as good as that. */
  approximate: boolean;
}

export interface SiteVersion {
  version: number;
  op: 'insert' | 'update' | 'delete';
  changed_by: string;
  changed_at: string;
  changes: Record<string, { from: unknown; to: unknown }>;
}

/** A problem with one field of one imported row. */
export interface SiteImportError {
  field: string;
  message: string;
}

/** What a sites import reads: a sheet, or a GIS file (read through GDAL, as the feature import reads it). */
export type SiteImportFormat = 'xlsx' | 'csv' | 'geojson' | 'shapefile' | 'kml' | 'kmz' | 'gpkg' | 'dxf' | 'filegdb' | 'mapinfo' | 'flatgeobuf';

/** POST /api/sites/imports → 201: every row of the sheet (or feature of the GIS file) as read, with its errors. */
export interface SiteImportPreview {
  id: string;
  filename: string;
  format: SiteImportFormat;
  /** The CRS the coordinates were read in; null while a GIS file that does not say its CRS waits for one (needs_crs). */
  crs: string | null;
  /** Where the CRS came from: the file (its .prj, gpkg_spatial_ref_sys …), the upload's crs field, or why it is unknown. */
  crs_from: string;
  /** True until POST /api/sites/imports/:id/crs chooses one of crs_choices; commit is refused (409) meanwhile. */
  needs_crs: boolean;
  crs_choices?: Array<{ code: string; label: string }>;
  /** Things to check that block nothing (an encoding guessed as GBK, a CRS declared over the file's own …). */
  warnings: string[];
  /** The sheet's headers (a GIS file's attribute names) and the field each was read as (null: ignored). */
  columns: Array<{ header: string; field: string | null }>;
  /**
   * One entry per sheet row (row: its row number, the header being row 1) or per GIS feature (row: its
   * number in the file, from 1). area_m2 is the stated area, else PostGIS's geodesic area of a polygon.
   */
  rows: Array<{ row: number; key: string | null; action: 'create' | 'update'; name_zh: string | null; area_m2: number | null; area_basis: 'stated' | 'computed' | null; geometry_type: string | null; errors: SiteImportError[] }>;
  /** The number of rows with errors. */
  errors: number;
}

/** POST /api/sites/imports/:id/commit → 200. */
export interface SiteImportResult {
  created: number;
  updated: number;
  unchanged: number;
}
