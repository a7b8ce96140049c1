import type { Queryable } from '../db/database.js';
import { sqlFile } from '../db/sql.js';
import type { Citation, SiteArea, SiteInfo } from '../../../contract/api.js';
import { allSites, OPEN_STATUSES } from './sites.service.js';

const evidenceSql = sqlFile(import.meta.url, 'match-evidence.sql');
const chainsSql = sqlFile(import.meta.url, 'match-chains.sql');

/** The score's weights: shown to the user with every result, so the ranking is never a black box. */
export const WEIGHTS = { focus: 40, leaders: 25, land: 20, growth: 15 } as const;

interface ChainRow {
  id: string;
  name_zh: string;
  name_en: string;
  group_id: string;
  focus_zh: string;
  focus_en: string;
  keywords: string[];
  revenue_2024: number | null;
  target_2030: number | null;
}

interface Evidence {
  park_id: string;
  name_zh: string;
  name_en: string;
  links: Array<{ chain_id: string; role: string; citation: Citation | null }>;
  leader_nodes: Array<{ id: string; name_zh: string; name_en: string; chains: string[] }>;
}

export interface ChainHit {
  id: string;
  name_zh: string;
  name_en: string;
  relevance: number;
  matched: string[];
  revenue_2024: number | null;
  target_2030: number | null;
}

export interface ScorePart {
  part: keyof typeof WEIGHTS;
  points: number;
  max: number;
  detail_zh: string;
  detail_en: string;
  citations: Citation[];
}

export interface ParkMatch {
  park_id: string;
  name_zh: string;
  name_en: string;
  score: number;
  best_chain: string;
  parts: ScorePart[];
}

export interface SiteMatch {
  id: string;
  name_zh: string;
  name_en: string;
  park_id: string | null;
  status: string | null;
  area_km2: number | null;
  area: SiteArea;
  score: number;
  reasons_en: string[];
  reasons_zh: string[];
}

export interface MatchResult {
  query: { chain: string | null; q: string | null };
  weights: typeof WEIGHTS;
  chains: ChainHit[];
  parks: ParkMatch[];
  sites: SiteMatch[];
}

const STOP = new Set(['we', 'make', 'our', 'the', 'and', 'for', 'with', 'of', 'in', 'a', 'an', 'to', 'are', 'is', 'produce', 'manufacture', 'company', 'looking', 'parts']);

/** How strongly a free-text query names a chain: keyword phrases found in the query, query words found in the chain's text. */
export function chainRelevance(q: string, c: Pick<ChainRow, 'name_zh' | 'name_en' | 'focus_zh' | 'focus_en' | 'keywords'>): { score: number; matched: string[] } {
  const query = q.toLowerCase().replace(/[‐‑–—]/g, '-');
  const matched = new Set<string>();
  let score = 0;
  const phrases = [c.name_zh, c.name_en, ...c.keywords].map((k) => k.toLowerCase().replace(/[‐‑–—]/g, '-'));
  for (const k of phrases) {
    if (k.length < 2) continue;
    // Latin keywords must match whole words ("EV" is not inside "every"); Chinese ones as substrings.
    const hit = /^[ -~]+$/.test(k) ? new RegExp(`(^|[^a-z0-9])${k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?($|[^a-z0-9])`).test(query) : query.includes(k);
    if (hit) {
      matched.add(k);
      score += k.length >= 4 ? 2 : 1;
    }
  }
  const text = `${c.name_zh} ${c.name_en} ${c.focus_zh} ${c.focus_en} ${c.keywords.join(' ')}`.toLowerCase();
  for (const word of query.split(/[^a-z0-9\u4e00-\u9fff-]+/)) {
    const w = word.replace(/s$/, '');
    if (w.length < 3 || STOP.has(w) || matched.has(w)) continue;
    if (text.includes(w)) {
      matched.add(w);
      score += 1;
    }
  }
  return { score, matched: [...matched] };
}

/** Ranks parks and sites for a chain id or a free-text industry, with every part of each score shown. */
export async function match(db: Queryable, query: { chain: string | null; q: string | null }): Promise<MatchResult> {
  const chainRows = (await db.query<ChainRow>(chainsSql)).rows;
  let hits: ChainHit[];
  if (query.chain) {
    const c = chainRows.find((r) => r.id === query.chain);
    hits = c ? [{ ...pick(c), relevance: 1, matched: [c.name_zh] }] : [];
  } else {
    const scored = chainRows.map((c) => ({ c, ...chainRelevance(query.q ?? '', c) })).filter((x) => x.score > 0);
    const top = Math.max(0, ...scored.map((x) => x.score));
    hits = scored
      .filter((x) => x.score >= top / 2)
      .sort((a, b) => b.score - a.score)
      .slice(0, 5)
      .map((x) => ({ ...pick(x.c), relevance: Math.round((x.score / top) * 100) / 100, matched: x.matched }));
  }
  if (hits.length === 0) return { query, weights: WEIGHTS, chains: [], parks: [], sites: [] };

  const ids = hits.map((h) => h.id);
  const evidence = JSON.parse((await db.query<{ body: string }>(evidenceSql, [ids])).rows[0].body) as Evidence[];
  // Land: the open (available or planned) sites of each park, with the same area GET /api/sites reports.
  const siteList = await allSites(db);
  const landOf = (parkId: string) => {
    const open = siteList.filter((s) => s.park_id === parkId && s.status !== null && OPEN_STATUSES.includes(s.status));
    const known = open.filter((s) => s.area.km2 !== null);
    return { km2: known.reduce((sum, s) => sum + (s.area.km2 ?? 0), 0), known: known.length, unknown: open.length - known.length };
  };
  const maxLand = Math.max(0, ...evidence.map((e) => landOf(e.park_id).km2));
  const gaps = hits.map((h) => (h.target_2030 ?? 0) - (h.revenue_2024 ?? 0));
  const maxGap = Math.max(0, ...gaps);

  const parks: ParkMatch[] = evidence.map((e) => {
    let best: { chain: ChainHit; parts: ScorePart[]; total: number } | null = null;
    hits.forEach((h, i) => {
      const focus = e.links.filter((l) => l.chain_id === h.id && l.role === 'focus');
      const leaderLinks = e.links.filter((l) => l.chain_id === h.id && l.role === 'leader');
      const leaderNodes = e.leader_nodes.filter((n) => n.chains.includes(h.id));
      const lands = landOf(e.park_id);
      const land = lands.km2;
      const unknownZh = lands.unknown ? `；另有 ${lands.unknown} 宗面积文件未写明，未计入` : '';
      const unknownEn = lands.unknown ? `; ${lands.unknown} more with an area the documents do not state, not counted` : '';
      const gap = gaps[i];
      const cites = (ls: typeof focus) => ls.map((l) => l.citation).filter((c): c is Citation => c !== null);
      const parts: ScorePart[] = [
        {
          part: 'focus', max: WEIGHTS.focus, points: focus.length ? WEIGHTS.focus : 0, citations: cites(focus),
          detail_zh: focus.length ? `${h.name_zh}是本园区文件所列重点方向` : `文件未将${h.name_zh}列为本园区重点方向`,
          detail_en: focus.length ? `${h.name_en} is in the park's documented focus` : `The documents do not name ${h.name_en} as a focus of this park`,
        },
        {
          part: 'leaders', max: WEIGHTS.leaders, points: leaderLinks.length || leaderNodes.length ? WEIGHTS.leaders : 0, citations: cites(leaderLinks),
          detail_zh: leaderLinks.length || leaderNodes.length ? `有该链链主/龙头企业：${leaderNodes.map((n) => n.name_zh).join('、') || '见引文'}` : '文件未提及该链龙头企业在此',
          detail_en: leaderLinks.length || leaderNodes.length ? `Leading enterprises of this chain are here: ${leaderNodes.map((n) => n.name_en).join(', ') || 'see quote'}` : 'No leading enterprise of this chain is documented here',
        },
        {
          part: 'land', max: WEIGHTS.land, points: maxLand > 0 ? round((WEIGHTS.land * land) / maxLand) : 0, citations: [],
          detail_zh: `可用或规划地块 ${lands.known} 宗，${land.toFixed(2)} 平方公里（PostGIS 按示意范围计算）${unknownZh}`,
          detail_en: `${lands.known} available or planned site(s) of known area, ${land.toFixed(2)} km² (computed by PostGIS on schematic polygons)${unknownEn}`,
        },
        {
          part: 'growth', max: WEIGHTS.growth, points: maxGap > 0 && focus.length ? round((WEIGHTS.growth * gap) / maxGap) : 0, citations: [],
          detail_zh: `该链2030年目标与2024年收入之差 ${gap.toFixed(1)} 亿元${focus.length ? '' : '（仅计入以该链为重点的园区）'}`,
          detail_en: `Chain's 2030 target minus 2024 revenue: CNY ${gap.toFixed(1)} × 100 million${focus.length ? '' : ' (counted only where the chain is a focus)'}`,
        },
      ];
      const total = round(h.relevance * parts.reduce((s, p) => s + p.points, 0));
      if (!best || total > best.total) best = { chain: h, parts, total };
    });
    const b = best!;
    return { park_id: e.park_id, name_zh: e.name_zh, name_en: e.name_en, score: b.total, best_chain: b.chain.id, parts: b.parts };
  });
  parks.sort((a, b) => b.score - a.score || a.park_id.localeCompare(b.park_id));

  const parkScore = new Map(parks.map((p) => [p.park_id, p.score]));
  const statusWeight: Record<string, number> = { available: 1, planned: 0.6, reserved: 0.3, occupied: 0 };
  const sites: SiteMatch[] = siteList
    .map((s: SiteInfo) => {
      const suits = s.chains.some((c) => ids.includes(c));
      const sw = statusWeight[s.status ?? ''] ?? 0;
      const score = round(sw * ((parkScore.get(s.park_id ?? '') ?? 0) + (suits ? 20 : 0)));
      return {
        id: s.id, name_zh: s.name_zh, name_en: s.name_en, park_id: s.park_id, status: s.status, area_km2: s.area.km2, area: s.area, score,
        reasons_en: [`status ${s.status ?? 'unknown'} (×${sw})`, `park score ${parkScore.get(s.park_id ?? '') ?? 0}`, ...(suits ? ['listed as suitable for this chain (+20)'] : [])],
        reasons_zh: [`状态：${s.status ?? '未知'}（×${sw}）`, `所在园区得分 ${parkScore.get(s.park_id ?? '') ?? 0}`, ...(suits ? ['文件列为适合该链（+20）'] : [])],
      };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return { query, weights: WEIGHTS, chains: hits, parks, sites };
}

const round = (x: number) => Math.round(x * 10) / 10;
const pick = (c: ChainRow) => ({ id: c.id, name_zh: c.name_zh, name_en: c.name_en, revenue_2024: c.revenue_2024, target_2030: c.target_2030 });
