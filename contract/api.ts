/**
 * The API contract shared by server and client. Types only: the client imports this module,
 * never server code. Coordinates are always [lng, lat] in WGS84 (EPSG:4326) unless a type says otherwise.
 */

/** How a geometry was obtained: measured on the ground, traced from a published map, or drawn from text. */
export type Accuracy = 'surveyed' | 'digitised' | 'schematic';

/** A verbatim quote from one of the source documents (or a cited public source). */
export interface Citation {
  /** Citation id (stable hash of document + quote). */
  id: string;
  /** Document id, e.g. "001" for seeds/documents/001_fee1cbfde332debd.txt, or "ext:…" for a public source. */
  document_id: string;
  document_title_zh: string;
  document_title_en: string;
  /** The quote exactly as it stands in the document (before whitespace normalisation). */
  quote: string;
}

export type Theme = 'administrative' | 'parks' | 'zones' | 'structure' | 'networks' | 'nodes' | 'sites' | 'basemap';
export type GeometryKind = 'polygon' | 'line' | 'point';

/** Style hints for a layer; the client builds both the map layers and the legend from these. */
export interface LayerStyle {
  /** Main colour, CSS hex. */
  color: string;
  /** Fill opacity for polygons (0–1). */
  fillOpacity?: number;
  /** Line width in px. */
  lineWidth?: number;
  /** Per-feature colour overrides keyed by feature id. */
  featureColors?: Record<string, string>;
  /** Whether labels are drawn. */
  labels?: boolean;
  /** Whether the layer is visible when the app opens. */
  visible?: boolean;
}

/** One entry of GET /api/layers. */
export interface LayerInfo {
  id: string;
  title_zh: string;
  title_en: string;
  theme: Theme;
  /** Free-form kind, e.g. "park", "pole", "axis", "road", "water", "district". */
  kind: string;
  geometry_type: GeometryKind;
  style: LayerStyle;
  sort: number;
  feature_count: number;
  /** [minLng, minLat, maxLng, maxLat] or null for an empty layer. */
  bbox: [number, number, number, number] | null;
  description_zh: string | null;
  description_en: string | null;
}

/** Properties of every feature served by GET /api/layers/:id. */
export interface FeatureProperties {
  layer_id: string;
  name_zh: string;
  name_en: string;
  accuracy: Accuracy;
  parent_id: string | null;
  version: number;
  /** Area computed by PostGIS on the geography (polygons only). */
  area_km2?: number | null;
  /** Length computed by PostGIS on the geography (lines only). */
  length_km?: number | null;
  sources: Citation[];
  /** Layer-specific attributes (status, kind, note …). */
  [key: string]: unknown;
}

export interface AtlasFeature {
  type: 'Feature';
  id: string;
  geometry: GeoJSON.Geometry;
  properties: FeatureProperties;
}

export interface AtlasFeatureCollection {
  type: 'FeatureCollection';
  features: AtlasFeature[];
}

export type FigureKind = 'actual' | 'target' | 'baseline';
/** How the document qualifies a number: 超100 → "over", 力争2200 → "strive", 约5.5% → "about", 2−3 → "range". */
export type Qualifier = 'exact' | 'over' | 'at_least' | 'about' | 'strive' | 'range' | 'under';

/** A quantitative figure with its source (a chain's revenue, a park's target …). */
export interface Figure {
  id: string;
  subject_type: 'district' | 'city' | 'feature' | 'chain' | 'chain_group' | 'cluster';
  subject_id: string;
  kind: FigureKind;
  metric: string;
  metric_zh: string;
  metric_en: string;
  /** The value exactly as written in the document, e.g. "超100", "力争2200", "2−3". */
  value_text: string;
  value: number | null;
  value_max: number | null;
  qualifier: Qualifier;
  unit: string;
  year: number | null;
  citation: Citation;
}

export interface Chain {
  id: string;
  seq: number;
  group_id: string;
  group_zh: string;
  group_en: string;
  name_zh: string;
  name_en: string;
  focus_zh: string;
  focus_en: string | null;
  figures: Figure[];
}

/** GET /api/features/:id */
export interface FeatureDetail {
  feature: AtlasFeature;
  chains: Array<Pick<Chain, 'id' | 'name_zh' | 'name_en' | 'group_zh' | 'group_en'> & { role: string; citation: Citation | null }>;
  targets: Figure[];
  children: Array<{ id: string; name_zh: string; name_en: string; layer_id: string }>;
}

export interface Health {
  status: 'ok' | 'degraded';
  database: 'pglite' | 'postgres';
  postgis: string;
}

/** RFC 9457 problem details. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
}
