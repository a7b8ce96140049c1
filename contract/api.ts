/**
 * The API contract shared by server and client. Types only: the client imports this module,
 * never server code. Coordinates are always [lng, lat] in WGS84 (EPSG:4326) unless a type says otherwise.
 */

import type { MatchSegment, NearestChain, SpaceNeed, Stage } from './taxonomy.js';
export type * from './taxonomy.js';

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
  /** An English translation of the quote (never the evidence itself), or null/absent when none is stored. */
  quote_en?: string | null;
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
  /** First zoom with tiles (dense layers such as parcels); below it /tiles answers empty. Default 0. */
  minzoom?: number;
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

/** One hit of GET /api/search?q=…: a feature, chain, layer or figure whose name matches in either language. */
export interface SearchHit {
  kind: 'feature' | 'chain' | 'layer' | 'figure';
  id: string;
  /** The feature's layer, the layer itself for a layer hit, null for chains and figures. */
  layer_id: string | null;
  label_zh: string;
  label_en: string;
  /** 0 = exact name, higher = weaker; hits come sorted by it. */
  rank: number;
  /** A point on the feature's surface (features only). */
  point: [number, number] | null;
}

/** One entry of GET /api/documents (the source documents, without their text). */
export interface DocumentInfo {
  /** "000"…"004" for the plan documents, "ext:<slug>" for a cited public source. */
  id: string;
  file: string | null;
  title_zh: string;
  title_en: string;
  /** "district", "city" or "external". */
  level: string;
  period: string | null;
  as_of_year: number | null;
  url: string | null;
  /** Characters of text. */
  length: number;
  /** How many citations quote this document. */
  citations: number;
}

/** GET /api/documents/:id: the whole text (PDF line breaks kept) and every quote cited from it. */
export interface DocumentDetail extends Omit<DocumentInfo, 'length' | 'citations'> {
  text: string;
  citations: Array<{ id: string; quote: string }>;
}

export type DiscrepancyKind = 'sum' | 'figure' | 'name' | 'membership' | 'growth' | 'area';

/** One entry of GET /api/discrepancies: where the documents disagree, each side with its source. */
export interface Discrepancy {
  id: string;
  kind: DiscrepancyKind;
  title_zh: string;
  title_en: string;
  explanation_zh: string;
  explanation_en: string;
  /** Feature ids, chain ids or figure ids the discrepancy is about. */
  subjects: string[];
  /**
   * A value computed from the documents (e.g. the sum of a table), or null: the value in `unit` (a document
   * unit such as 亿元, or km², %), read out by the client in the reader's language; what it is in both languages.
   */
  computed: ComputedValue | null;
  claims: Array<{ text: string; citation: Citation }>;
}

/** A value a check computes, in a document unit (亿元, %, km²) the client formats for the reader's language. */
export interface ComputedValue {
  description: string;
  description_zh: string;
  value: number;
  unit: string;
}

/** One row of GET /api/analytics/growth: the annual growth a target implies from its base (derived, not quoted). */
export interface DerivedGrowth {
  derived: true;
  subject_type: Figure['subject_type'];
  subject_id: string;
  metric: string;
  segment: string;
  base_year: number;
  base_value: number;
  target_year: number;
  target_value: number;
  unit: string;
  /** Fraction per year, e.g. 0.061 = 6.1 %. */
  implied_annual_growth: number;
  /** The rate a document states for the same span (fraction), or null. */
  stated_annual_growth: number | null;
  /** True when the stated rate differs from the implied one by more than half a percentage point. */
  disagrees: boolean;
  /** The base and target figures the rate is computed from. */
  from: [Figure, Figure];
  stated: Figure | null;
}

/** The four parts of a park's match score; their maxima (weights) add up to 100. */
export type MatchPart = 'focus' | 'leaders' | 'land' | 'growth';

/** A chain that a GET /api/match query names, with how strongly (1 = best) and the words that matched. */
export interface MatchChain {
  id: string;
  name_zh: string;
  name_en: string;
  relevance: number;
  matched: string[];
  /** 亿元 (CNY 100 million). */
  revenue_2024: number | null;
  target_2030: number | null;
}

/** One part of a park's match score: points out of max, why, and the quotes behind it. */
export interface MatchScorePart {
  part: MatchPart;
  points: number;
  max: number;
  detail_zh: string;
  detail_en: string;
  citations: Citation[];
  /** The chain segment this part is about (the matched one), or null when the query named the chain as a whole. */
  segment: { id: string; name_zh: string; name_en: string; stage: Stage } | null;
}

/** A park ranked by GET /api/match; score = relevance of best_chain × the sum of the parts' points. */
export interface MatchPark {
  park_id: string;
  name_zh: string;
  name_en: string;
  score: number;
  best_chain: string;
  parts: MatchScorePart[];
}

/** A site's status as the documents (and staff) give it. */
export type SiteStatus = 'available' | 'reserved' | 'occupied' | 'planned';

/**
 * A site's area, never invented: PostGIS measures the site's own polygon, or the polygon it references
 * (a site drawn as a point inside a mapped zone); a document may also state one (a cited figure).
 */
export interface SiteArea {
  /** The area filters and the match score use: computed_km2, else the stated value, else null. */
  km2: number | null;
  /** computed: measured polygon; stated: a cited document figure; entered: the inventory's own area (staff, sheet or demo). */
  basis: 'computed' | 'stated' | 'entered' | null;
  /** Area of the polygon on the geography (km²), or null when there is no polygon to measure. */
  computed_km2: number | null;
  /** The feature whose polygon was measured: the site itself or the one it references. */
  computed_from: string | null;
  computed_from_name_zh: string | null;
  computed_from_name_en: string | null;
  /** That polygon's accuracy (a schematic polygon gives a schematic area). */
  computed_accuracy: Accuracy | null;
  /** The area a document states, with its quote, or null. */
  stated: Figure | null;
  /** The land area the inventory records for the site (m²), or null. */
  entered_m2: number | null;
  /** A building's floor area in the inventory (m²), or null: floor space, never counted as land area. */
  floor_area_m2: number | null;
  /** Why km2 is null (“area not stated in the documents …”), else null. */
  reason_zh: string | null;
  reason_en: string | null;
}

/** One site of GET /api/sites. */
export interface SiteInfo {
  id: string;
  name_zh: string;
  name_en: string;
  /** The park it belongs to (through a zone if its parent is one). */
  park_id: string | null;
  status: SiteStatus | null;
  land_use: string | null;
  accuracy: Accuracy;
  chains: string[];
  area: SiteArea;
}

/**
 * GET /api/sites?status=available,planned&min_area_km2=0.5. `sites` pass every filter; with a minimum
 * area set, sites that pass the status filter but whose area is unknown are listed in `unknown_area`
 * rather than silently dropped (empty when no minimum is set).
 */
export interface SitesResult {
  filters: { status: SiteStatus[]; min_area_km2: number | null };
  sites: SiteInfo[];
  unknown_area: SiteInfo[];
}

/** A site ranked by GET /api/match, with the reasons for its score. */
export interface MatchSite {
  id: string;
  name_zh: string;
  name_en: string;
  park_id: string | null;
  status: string | null;
  /** Same as area.km2. */
  area_km2: number | null;
  area: SiteArea;
  score: number;
  reasons_zh: string[];
  reasons_en: string[];
  /** From the inventory (contract/sites.ts): its kind, area the match used, floor area, whether it fits the need's area (null: no area asked), demo. */
  kind?: 'land' | 'factory' | 'office' | 'warehouse';
  area_m2?: number | null;
  floor_area_m2?: number | null;
  fits_area?: boolean | null;
  demo?: boolean;
}

/**
 * GET /api/match?chain=<id> | ?q=<industry text> | ?code=<GB/T 4754 class>: parks and sites ranked for a chain or an
 * industry. Only parks with documented evidence are listed; no_fit = the query names no chain (see nearest).
 */
export interface MatchResult {
  query: { chain: string | null; q: string | null; code: string | null };
  weights: Record<MatchPart, number>;
  chains: MatchChain[];
  /** The segments the query named, with their stage. */
  segments: MatchSegment[];
  parks: MatchPark[];
  sites: MatchSite[];
  no_fit: boolean;
  /** When no_fit: the chains whose vocabulary is closest (labelled nearest, not matches); else []. */
  nearest: NearestChain[];
  need: SpaceNeed | null;
}

// ---------- Staff: sign-in, edits, history, export (client: components/{auth,edit,history,tools}) ----------

/** Who may write: every account is an editor or an admin; reading needs no account. */
export type Role = 'editor' | 'admin';

/** The signed-in user as GET /api/auth/me and POST /api/auth/login return it. */
export interface SessionUser {
  username: string;
  role: Role;
}

/** GET /api/auth/me (user and token null when signed out) and POST /api/auth/login. */
export interface AuthSession {
  user: SessionUser | null;
  /** Send as X-CSRF-Token on every write. */
  csrfToken: string | null;
}

/** Body of PATCH /api/features/:id: only the fields that change; `properties` are merged; geometry WGS84. */
export interface FeaturePatch {
  name_zh?: string;
  name_en?: string;
  accuracy?: Accuracy;
  parent_id?: string | null;
  geometry?: GeoJSON.Geometry;
  properties?: Record<string, unknown>;
}

/** Body of POST /api/features. */
export interface NewFeature {
  id: string;
  layer_id: string;
  name_zh: string;
  name_en: string;
  accuracy: Accuracy;
  parent_id: string | null;
  geometry: GeoJSON.Geometry;
  properties: Record<string, unknown>;
}

/** One version of GET /api/features/:id/history (oldest first); geometry only with ?geometry=true. */
export interface HistoryEntry {
  version: number;
  op: string;
  changed_by: string | null;
  changed_at: string;
  name_zh: string;
  name_en: string;
  accuracy: Accuracy;
  layer_id: string;
  parent_id: string | null;
  area_km2: number | null;
  length_km: number | null;
  /** Signed change from the previous version (PostGIS, km²); null for the first version or non-areas. */
  area_change_km2: number | null;
  /** Fields that differ from the previous version: name_zh, name_en, accuracy, parent_id, geometry, properties. */
  changed: string[];
  geometry?: GeoJSON.Geometry | null;
}

/** The 412 problem of PATCH/DELETE/revert: someone saved first; `current` is the feature as it is now. */
export interface VersionConflictProblem extends Problem {
  sent_version: number;
  current_version: number;
  current: AtlasFeature;
}

/** The 422 problem for a geometry PostGIS rejects; `reason` is ST_IsValidReason's text. */
export interface InvalidGeometryProblem extends Problem {
  reason?: string;
}

/** File formats of GET /api/export. */
export type ExportFormat = 'geojson' | 'shp' | 'gpkg' | 'kml' | 'csv' | 'fgb' | 'gdb' | 'dxf';
/** Output CRSs of GET /api/export: WGS84, CGCS2000 geographic, CGCS2000 3° Gauss–Krüger CM 120°E. */
export type ExportCrs = 'EPSG:4326' | 'EPSG:4490' | 'EPSG:4549';

// ---------- Saved views and briefings (server/src/views) ----------

/** What a saved view captures (server/src/views/view-state.ts validates it). Coordinates are WGS84 [lng, lat]. */
export interface ViewState {
  camera: { center: [number, number]; zoom: number; bearing: number; pitch: number };
  layers: Array<{ id: string; visible: boolean; opacity: number }>;
  selected: string | null;
  highlighted: string[];
  filters: Record<string, string | number | boolean | string[]>;
  lang: 'zh' | 'en';
  basemap: string;
}

/** GET /api/views/:id. */
export interface SavedView {
  id: string;
  title: string;
  note: string;
  state: ViewState;
  sort: number;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** One step of a briefing: a view and an optional caption. */
export interface BriefingStep {
  view_id: string;
  caption: string;
}

/** GET /api/briefings (list items have no `views`); GET /api/briefings/:id resolves the steps' views. */
export interface Briefing {
  id: string;
  title: string;
  subtitle: string;
  steps: BriefingStep[];
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  views?: SavedView[];
}

// ---------- Imports and plan-version compare (server/src/imports, server/src/compare) ----------

/** A CRS an uploaded file may be in, as the import API names it. */
export interface ImportCrs {
  code: 'EPSG:4490' | 'EPSG:4549' | 'EPSG:4326' | 'GCJ-02' | 'BD-09' | string;
  label: string;
}

export type ImportItemStatus = 'new' | 'changed' | 'unchanged' | 'rejected' | 'awaiting_crs';

/** One item of an import preview: what committing would do with it and why. */
export interface ImportItem {
  seq: number;
  status: ImportItemStatus;
  reasons: Array<{ code: string; message: string }>;
  warnings: string[];
  feature_id: string | null;
  source_id: string | null;
  match: { id: string; by: 'id' | 'name_zh'; version: number; name_zh: string | null } | null;
  name_zh: string;
  name_en: string;
  properties: Record<string, unknown>;
  /** WGS 84, after any ST_MakeValid repair; null when it could not be read or projected. */
  geometry: GeoJSON.Geometry | null;
  geometry_type: string | null;
  vertices: number | null;
  geometry_changed: boolean | null;
  invalid_reason: string | null;
  can_make_valid: boolean;
  repaired: boolean;
  area_km2: number | null;
  current_area_km2: number | null;
  area_change_km2: number | null;
}

/** Counts by status and rejection reason. */
export interface ImportSummary {
  total: number;
  new: number;
  changed: number;
  unchanged: number;
  rejected: number;
  awaiting_crs: number;
  repaired: number;
  can_make_valid: number;
  reasons: Record<string, number>;
}

/** POST /api/imports answers the header; GET /api/imports/:id adds `items`. */
export interface ImportPreview {
  id: string;
  layer_id: string;
  filename: string;
  format: string;
  status: 'pending' | 'committed';
  crs: ImportCrs | null;
  crs_from: string;
  needs_crs: boolean;
  crs_choices?: ImportCrs[];
  warnings: string[];
  created_by: string;
  created_at: string;
  committed_by: string | null;
  committed_at: string | null;
  result: ImportResult | null;
  make_valid: boolean;
  summary: ImportSummary;
  preview_token: string;
  items?: ImportItem[];
}

/** POST /api/imports/:id/commit: what was written, in one transaction. */
export interface ImportResult {
  id?: string;
  inserted: string[];
  updated: string[];
  unchanged: number;
  rejected: number;
  accuracy: 'surveyed' | 'digitised';
  make_valid: boolean;
}

/** One side of GET /api/compare: a feature version, the current feature, or a whole layer (union). */
export interface CompareSide {
  kind: 'version' | 'current' | 'layer';
  id: string;
  version: number | null;
  name_zh: string;
  name_en: string;
  changed_by: string | null;
  changed_at: string | null;
  features: number;
  geometry: GeoJSON.Geometry;
}

/** GET /api/compare: geodesic areas in m² by PostGIS; added = in B not A, removed = in A not B. */
export interface CompareResult {
  a: CompareSide;
  b: CompareSide;
  area_a_m2: number;
  area_b_m2: number;
  unchanged_m2: number;
  added_m2: number;
  removed_m2: number;
  added: GeoJSON.Geometry | null;
  removed: GeoJSON.Geometry | null;
  unit: 'm²';
  method: string;
}
export * from './documents.js';
