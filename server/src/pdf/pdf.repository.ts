import type { Queryable } from '../db/database.js';
import { sqlFile } from '../db/sql.js';
import { ViewsRepository } from '../views/views.repository.js';
import { allSites } from '../match/sites.service.js';
import type { Qualifier, SiteArea } from '../../../contract/api.js';
import type { Accuracy, GeometryKind, LayerStyle } from './map-style.js';
import type { MercatorBox } from './mercator.js';

const parkBriefSql = sqlFile(import.meta.url, 'park-brief.sql');
const layersSql = sqlFile(import.meta.url, 'map-layers.sql');
const featuresSql = sqlFile(import.meta.url, 'map-features.sql');
const sourcesSql = sqlFile(import.meta.url, 'map-sources.sql');

/** A quote with its document and the year the document's data are as of. */
export interface BriefCitation {
  document_id: string;
  document_title_zh: string;
  document_title_en: string;
  as_of_year: number | null;
  quote: string;
  /** The stored English translation of the quote (not the evidence), or null. */
  quote_en: string | null;
}

/** One cited figure of a park. */
export interface BriefFigure {
  id: string;
  kind: 'actual' | 'target' | 'baseline';
  metric_zh: string;
  metric_en: string;
  value_text: string;
  value: number | null;
  value_max: number | null;
  qualifier: Qualifier;
  unit: string;
  year: number | null;
  citation: BriefCitation;
}

/** What park-brief.sql returns. */
export interface ParkBrief {
  id: string;
  name_zh: string;
  name_en: string;
  accuracy: Accuracy;
  /** The district the park lies in. */
  parent_id: string | null;
  area_km2: number;
  /** Bounding box in EPSG:3857 metres. */
  bbox: MercatorBox;
  color: string;
  figures: BriefFigure[];
  chains: Array<{ id: string; name_zh: string; name_en: string; role: string; citation: BriefCitation | null }>;
  nodes: Array<{ id: string; name_zh: string; name_en: string; kind: string | null; accuracy: Accuracy; parent_id: string }>;
  sites: Array<{
    id: string; name_zh: string; name_en: string; status: string | null; land_use: string | null; accuracy: Accuracy;
    /** A site of the labelled demo set (npm run db:seed -- --demo-sites): printed with its DEMO mark. */
    demo: boolean;
    figures: Array<{ value_text: string; value: number | null; value_max: number | null; qualifier: Qualifier; unit: string; metric_zh: string; metric_en: string; citation: BriefCitation }>;
    citations: BriefCitation[];
    /** The same area GET /api/sites gives (PostGIS on the site's or its referenced polygon, or why there is none). */
    area: SiteArea | null;
  }>;
  citations: BriefCitation[];
}

/** A catalogue layer as the printed map and its legend need it. */
export interface PrintLayer {
  id: string;
  title_zh: string;
  title_en: string;
  theme: string;
  geometry_type: GeometryKind;
  style: LayerStyle;
  sort: number;
  accuracies: Accuracy[];
  /** The features with their own colour (style.featureColors), for per-feature legend entries. */
  colored: Array<{ id: string; name_zh: string; name_en: string; accuracy: Accuracy }>;
}

/** A feature clipped to a map frame, in EPSG:3857 metres. */
export interface MapFeature {
  id: string;
  layer_id: string;
  name_zh: string;
  name_en: string;
  accuracy: Accuracy;
  parent_id: string | null;
  geometry: GeoJSON.Geometry;
  /** Label anchor; for lines also the points at 40 % and 60 % of the longest part, for the angle. EPSG:3857. */
  label: Array<[number, number]>;
}

/** A document cited by the features on a map. */
export interface SourceDocument {
  id: string;
  title_zh: string;
  title_en: string;
  as_of_year: number | null;
  features: number;
}

/** A briefing with its steps' views resolved, as ViewsRepository.getBriefing gives it. */
export interface BriefingRecord {
  id: string;
  title: string;
  subtitle: string;
  steps: Array<{ view_id: string; caption: string }>;
  views: Array<{ id: string; title: string; note: string; state: unknown }>;
  created_by: string;
  updated_at: string;
}

/** All SQL the printed maps and briefs read. */
export class PdfRepository {
  constructor(private readonly db: Queryable) {}

  /** The brief of a park (a feature of the parks layer), or null if there is no such park. */
  async parkBrief(id: string): Promise<ParkBrief | null> {
    const body = (await this.db.query<{ body: string }>(parkBriefSql, [id])).rows[0]?.body;
    if (!body) return null;
    const brief = JSON.parse(body) as ParkBrief;
    if (brief.sites.length) {
      const areas = new Map((await allSites(this.db)).map((x) => [x.id, x.area]));
      for (const site of brief.sites) site.area = areas.get(site.id) ?? null;
    }
    return brief;
  }

  /** Every layer, in drawing order (sort, id). */
  async layers(): Promise<PrintLayer[]> {
    return (await this.db.query<PrintLayer>(layersSql)).rows;
  }

  /** Features of `layerIds` inside `box`, clipped and simplified to `toleranceM`, ordered as `layerIds` then by id. */
  async mapFeatures(layerIds: string[], box: MercatorBox, toleranceM: number): Promise<MapFeature[]> {
    if (layerIds.length === 0) return [];
    const { rows } = await this.db.query<Omit<MapFeature, 'geometry' | 'label'> & { geometry: string; label: Array<[number, number]> | string }>(
      featuresSql, [layerIds, ...box, toleranceM]);
    return rows.map((r) => ({
      ...r,
      geometry: JSON.parse(r.geometry) as GeoJSON.Geometry,
      // json columns arrive parsed from pg and PGlite alike; tolerate text in case a driver differs.
      label: typeof r.label === 'string' ? (JSON.parse(r.label) as Array<[number, number]>) : r.label,
    }));
  }

  /** Documents cited by these features, most cited first. */
  async sources(featureIds: string[]): Promise<SourceDocument[]> {
    if (featureIds.length === 0) return [];
    return (await this.db.query<SourceDocument>(sourcesSql, [featureIds])).rows;
  }

  /** A briefing with its views, or null. */
  async briefing(id: string): Promise<BriefingRecord | null> {
    const body = await new ViewsRepository(this.db).getBriefing(id);
    return body ? (JSON.parse(body) as BriefingRecord) : null;
  }
}
