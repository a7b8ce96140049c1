import type { Queryable } from '../db/database.js';
import { sqlFile } from '../db/sql.js';
import type { MatchPark, MatchSite, SiteInfo } from '../../../contract/api.js';
import type { SpaceNeed } from '../../../contract/taxonomy.js';
import { M2_PER_MU } from './site-fields.js';

const inventorySql = sqlFile(import.meta.url, 'site-match.sql');

interface InventoryRow {
  id: string;
  kind: 'land' | 'factory' | 'office' | 'warehouse';
  status: string | null;
  chains: string[];
  area_m2: number | null;
  floor_area_m2: number | null;
  restrictions: string | null;
  demo: boolean;
}

const STATUS_WEIGHT: Record<string, number> = { available: 1, planned: 0.6, reserved: 0.3 };
const KIND_ZH: Record<string, string> = { land: '地块', factory: '标准厂房', office: '研发/办公楼', warehouse: '仓储' };
const round = (x: number) => Math.round(x * 10) / 10;
const fmt = (m2: number) => `${Math.round(m2).toLocaleString('en-US')} m² (${(m2 / M2_PER_MU).toFixed(1)} 亩)`;

/**
 * Ranks the inventory's sites for a matched set of chains and a stated need (area and kind, parsed from the
 * query): score = status weight × (park score + 20 if the site is listed for a matched chain + 20 if its
 * area is known to fit). A site is left out when it is occupied, of another kind than asked, too small, or
 * listed for other chains only (the chain is not permitted there). An unknown area is said, never assumed.
 */
export async function rankInventory(db: Queryable, info: SiteInfo[], parks: MatchPark[], chainIds: string[], need: SpaceNeed | null): Promise<MatchSite[]> {
  const rows = (await db.query<InventoryRow>(inventorySql, [need?.kind || null, need?.area_m2 ?? null, chainIds])).rows;
  const legacy = new Map(info.map((s) => [s.id, s]));
  const parkScore = new Map(parks.map((p) => [p.park_id, p.score]));
  const out: MatchSite[] = [];
  for (const r of rows) {
    const s = legacy.get(r.id);
    if (!s) continue;
    const sw = STATUS_WEIGHT[r.status ?? ''] ?? 0;
    if (sw === 0) continue;
    if (need?.kind && need.kind !== r.kind) continue;
    const listed = r.chains.some((c) => chainIds.includes(c));
    if (r.chains.length > 0 && !listed) continue;
    // Land is matched on its plot area; floor space on its floor area (else the stated area).
    const have = r.kind === 'land' ? r.area_m2 : r.floor_area_m2 ?? r.area_m2;
    const want = need?.area_m2 ?? null;
    if (want !== null && have !== null && have < want) continue;
    const fits = want !== null && have !== null;
    const park = parkScore.get(s.park_id ?? '') ?? 0;
    if (park === 0 && !listed) continue;
    const score = round(sw * (park + (listed ? 20 : 0) + (fits ? 20 : 0)));
    const zh = [`状态：${r.status}（×${sw}）`, `所在园区得分 ${park}`];
    const en = [`status ${r.status} (×${sw})`, `park score ${park}`];
    if (listed) { zh.push('载体列为适合该产业链（+20）'); en.push('listed for this chain (+20)'); } else { zh.push('未限定产业链'); en.push('no chain restriction stated'); }
    if (want !== null) {
      if (fits) { zh.push(`面积 ${fmt(have!)} ≥ 需求 ${fmt(want)}（+20）`); en.push(`area ${fmt(have!)} ≥ the ${fmt(want)} asked (+20)`); }
      else { zh.push(`面积未写明，无法确认是否满足 ${fmt(want)}`); en.push(`area not stated: cannot confirm it fits ${fmt(want)}`); }
    }
    if (need?.kind) { zh.push(`类型：${KIND_ZH[r.kind]}`); en.push(`kind: ${r.kind}`); }
    if (r.restrictions) { zh.push(`限制：${r.restrictions}`); en.push(`restrictions: ${r.restrictions}`); }
    if (r.demo) { zh.push('示例数据（DEMO），非真实载体'); en.push('demo data (DEMO), not a real site'); }
    out.push({
      id: s.id, name_zh: s.name_zh, name_en: s.name_en, park_id: s.park_id, status: r.status, area_km2: s.area.km2, area: s.area, score,
      reasons_zh: zh, reasons_en: en, kind: r.kind, area_m2: r.area_m2, floor_area_m2: r.floor_area_m2, fits_area: want === null ? null : fits, demo: r.demo,
    });
  }
  return out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
