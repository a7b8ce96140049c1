import type { Queryable } from '../db/database.js';
import { sqlFile } from '../db/sql.js';
import type { Accuracy, Figure, SiteArea, SiteInfo, SitesResult, SiteStatus } from '../../../contract/api.js';

const sitesSql = sqlFile(import.meta.url, 'sites.sql');

/** The four statuses a site can have, in the order the UI lists them. */
export const SITE_STATUSES: readonly SiteStatus[] = ['available', 'reserved', 'occupied', 'planned'];

/** Statuses an investor can still get: the land the match score counts. */
export const OPEN_STATUSES: readonly SiteStatus[] = ['available', 'planned'];

interface SiteRow {
  id: string;
  name_zh: string;
  name_en: string;
  accuracy: Accuracy;
  park_id: string | null;
  status: string | null;
  land_use: string | null;
  chains: string[];
  area_feature_id: string | null;
  area_name_zh: string | null;
  area_name_en: string | null;
  area_accuracy: Accuracy | null;
  computed_km2: number | null;
  stated: Figure | null;
  entered_m2: number | null;
  floor_m2: number | null;
  source_kind: string | null;
}

/** Builds a site's area from what PostGIS measured, what a document states, or what the inventory records; never a guess. */
export function siteArea(r: Pick<SiteRow, 'area_feature_id' | 'area_name_zh' | 'area_name_en' | 'area_accuracy' | 'computed_km2' | 'stated'> & Partial<Pick<SiteRow, 'entered_m2' | 'floor_m2' | 'source_kind'>>): SiteArea {
  const computed = r.computed_km2 === null ? null : Number(r.computed_km2);
  const stated = r.stated && r.stated.value !== null ? r.stated : null;
  const entered = r.entered_m2 === null || r.entered_m2 === undefined ? null : Number(r.entered_m2);
  const km2 = computed ?? (stated ? Number(stated.value) : entered !== null ? entered / 1e6 : null);
  // A site the documents name and one an office entered lack an area for different reasons: say which.
  const fromInventory = r.source_kind === 'staff' || r.source_kind === 'demo';
  return {
    km2,
    basis: computed !== null ? 'computed' : stated ? 'stated' : entered !== null ? 'entered' : null,
    computed_km2: computed,
    computed_from: computed !== null ? r.area_feature_id : null,
    computed_from_name_zh: computed !== null ? r.area_name_zh : null,
    computed_from_name_en: computed !== null ? r.area_name_en : null,
    computed_accuracy: computed !== null ? r.area_accuracy : null,
    stated,
    entered_m2: entered,
    floor_area_m2: r.floor_m2 === null || r.floor_m2 === undefined ? null : Number(r.floor_m2),
    reason_zh: km2 !== null ? null : fromInventory ? '载体库未录入用地面积，地块也未绘成可量算的范围' : '文件未写明面积；该地块仅以示意点表示，无可计算面积的范围',
    reason_en: km2 !== null ? null : fromInventory ? 'No land area entered in the inventory, and no polygon drawn to measure' : 'Area not stated in the documents; the site is only a schematic point, with no polygon to measure',
  };
}

/** Every site with its park, status and area (sites.sql), ordered by id. */
export async function allSites(db: Queryable): Promise<SiteInfo[]> {
  const rows = (await db.query<SiteRow>(sitesSql)).rows;
  return rows.map((r) => ({
    id: r.id,
    name_zh: r.name_zh,
    name_en: r.name_en,
    park_id: r.park_id,
    status: (SITE_STATUSES as readonly string[]).includes(r.status ?? '') ? (r.status as SiteStatus) : null,
    land_use: r.land_use,
    accuracy: r.accuracy,
    chains: Array.isArray(r.chains) ? r.chains.map(String) : [],
    area: siteArea(r),
  }));
}

/** Sites passing the status filter (empty = any) and the minimum area; unknown areas are reported apart, not dropped. */
export async function findSites(db: Queryable, filters: SitesResult['filters']): Promise<SitesResult> {
  const byStatus = (await allSites(db)).filter((s) => filters.status.length === 0 || (s.status !== null && filters.status.includes(s.status)));
  const min = filters.min_area_km2;
  if (min === null) return { filters, sites: byStatus, unknown_area: [] };
  return {
    filters,
    sites: byStatus.filter((s) => s.area.km2 !== null && s.area.km2 >= min),
    unknown_area: byStatus.filter((s) => s.area.km2 === null),
  };
}
