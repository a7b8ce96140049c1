import type { Queryable } from '../db/database.js';
import { sqlFile } from '../db/sql.js';
import type { Citation, MatchChain, MatchPark, MatchResult, MatchScorePart } from '../../../contract/api.js';
import type { MatchSegment, TaxonomyChain, TaxonomySegment } from '../../../contract/taxonomy.js';
import { allSites, OPEN_STATUSES } from './sites.service.js';
import { taxonomyIndex } from '../taxonomy/taxonomy.service.js';
import { parseNeed } from '../taxonomy/need.js';
import { rankInventory } from '../sites/site-match.js';

const evidenceSql = sqlFile(import.meta.url, 'match-evidence.sql');
const chainsSql = sqlFile(import.meta.url, 'match-chains.sql');

/** The score's weights: shown to the user with every result, so the ranking is never a black box. */
export const WEIGHTS = { focus: 40, leaders: 25, land: 20, growth: 15 } as const;

/**
 * Partial credit when a segment was asked for and the documents do not place it in the park: the chain is in the
 * park's documented focus (chain), or the park only hosts another segment of the chain (other). Leaders likewise:
 * a named enterprise of another segment, or a chain-level leader, earns `chain`.
 */
export const PARTIAL = { focus: { chain: 20, other: 10 }, leaders: { chain: 10 } } as const;

interface ChainRow {
  id: string;
  name_zh: string;
  name_en: string;
  revenue_2024: number | null;
  target_2030: number | null;
}

interface Evidence {
  park_id: string;
  name_zh: string;
  name_en: string;
  links: Array<{ chain_id: string; role: string; citation: Citation | null }>;
  leader_nodes: Array<{ id: string; name_zh: string; name_en: string; chains: string[]; sources: Citation[] }>;
}

export interface MatchQuery {
  chain: string | null;
  q: string | null;
  code: string | null;
}

/**
 * Ranks parks and sites for a chain id, a GB/T 4754 class or a free-text industry (zh, en or mixed). The query is
 * read against the taxonomy on whole terms (jieba words, stemmed English, small typos forgiven); a park is listed
 * only with documented evidence, and a query that names no chain says so (no_fit) with the nearest chains.
 */
export async function match(db: Queryable, query: MatchQuery): Promise<MatchResult> {
  const { taxonomy, index } = await taxonomyIndex(db);
  const { need, rest } = query.q ? parseNeed(query.q) : { need: null, rest: '' };
  const chainRows = (await db.query<ChainRow>(chainsSql)).rows;
  const byId = new Map(taxonomy.chains.map((c) => [c.id, c]));
  const empty = { query, weights: WEIGHTS, chains: [], segments: [], parks: [], sites: [], need };

  // A chain id, given as ?chain= or typed as the whole query, names that chain as a whole.
  const asChain = query.chain ?? (byId.has(rest.trim()) ? rest.trim() : null);
  let hits: MatchChain[];
  let named = new Map<string, Map<string, string[]>>();
  if (asChain) {
    const c = chainRows.find((r) => r.id === asChain);
    if (!c) return { ...empty, no_fit: true, nearest: [] };
    hits = [{ ...pick(c), relevance: 1, matched: [byId.get(c.id)?.name_zh ?? c.name_zh] }];
  } else {
    const u = index.understand(rest, query.code);
    const top = u.chains[0]?.score ?? 0;
    const kept = u.chains.filter((s) => s.score >= top / 2).slice(0, 5);
    hits = kept.flatMap((s) => {
      const c = chainRows.find((r) => r.id === s.chain);
      return c ? [{ ...pick(c), relevance: Math.round((s.score / top) * 100) / 100, matched: s.matched }] : [];
    });
    named = new Map(kept.map((s) => [s.chain, s.segments]));
  }
  if (hits.length === 0) return { ...empty, no_fit: true, nearest: index.nearest(rest || (query.q ?? '')) };

  const segments: MatchSegment[] = hits.flatMap((h) => {
    const chain = byId.get(h.id);
    const words = named.get(h.id) ?? new Map<string, string[]>();
    return (chain?.segments ?? [])
      .filter((s) => words.has(s.id))
      .map((s) => ({ chain_id: h.id, segment: s.id, stage: s.stage, stage_zh: s.stage_zh, name_zh: s.name_zh, name_en: s.name_en, matched: words.get(s.id)! }));
  });

  const ids = hits.map((h) => h.id);
  const evidence = JSON.parse((await db.query<{ body: string }>(evidenceSql, [ids])).rows[0].body) as Evidence[];
  // Land: the open (available or planned) sites of each park, with the same area GET /api/sites reports.
  const siteList = await allSites(db);
  // Summed once per park (not per park × chain): the inventory may hold thousands of sites.
  const land = new Map<string, { km2: number; known: number; unknown: number }>();
  for (const s of siteList) {
    if (!s.park_id || s.status === null || !OPEN_STATUSES.includes(s.status)) continue;
    const l = land.get(s.park_id) ?? { km2: 0, known: 0, unknown: 0 };
    if (s.area.km2 !== null) {
      l.km2 += s.area.km2;
      l.known++;
    } else l.unknown++;
    land.set(s.park_id, l);
  }
  const landOf = (parkId: string) => land.get(parkId) ?? { km2: 0, known: 0, unknown: 0 };
  const maxLand = Math.max(0, ...evidence.map((e) => landOf(e.park_id).km2));
  const gaps = hits.map((h) => (h.target_2030 ?? 0) - (h.revenue_2024 ?? 0));
  const maxGap = Math.max(0, ...gaps);

  const parks: MatchPark[] = [];
  for (const e of evidence) {
    let best: { chain: MatchChain; parts: MatchScorePart[]; total: number } | null = null;
    hits.forEach((h, i) => {
      const chain = byId.get(h.id);
      const asked = segments.filter((s) => s.chain_id === h.id).map((s) => chain?.segments.find((x) => x.id === s.segment)).filter((s): s is TaxonomySegment => !!s);
      const parts = scoreParts(e, h, chain, asked, landOf(e.park_id), maxLand, gaps[i], maxGap);
      const evidenced = parts[0].points > 0 || parts[1].points > 0;
      const total = round(h.relevance * parts.reduce((s, p) => s + p.points, 0));
      if (evidenced && (!best || total > best.total)) best = { chain: h, parts, total };
    });
    // A park is listed only when the documents tie it to a matched chain: no list of zero scores.
    if (best) {
      const b = best as { chain: MatchChain; parts: MatchScorePart[]; total: number };
      parks.push({ park_id: e.park_id, name_zh: e.name_zh, name_en: e.name_en, score: b.total, best_chain: b.chain.id, parts: b.parts });
    }
  }
  parks.sort((a, b) => b.score - a.score || a.park_id.localeCompare(b.park_id));

  return { query, weights: WEIGHTS, chains: hits, segments, parks, sites: await rankInventory(db, siteList, parks, ids, need), no_fit: false, nearest: [], need };
}

/** The segments a park hosts among `segs` (a parent or sub-segment of an asked one counts), with the quotes. */
function hosted(chain: TaxonomyChain | undefined, segs: readonly TaxonomySegment[], parkId: string) {
  const ids = new Set(segs.flatMap((s) => [s.id, ...(s.parent ? [s.parent] : [])]));
  for (const s of chain?.segments ?? []) if (s.parent && ids.has(s.parent) && segs.some((x) => x.id === s.parent)) ids.add(s.id);
  return (chain?.segments ?? []).filter((s) => ids.has(s.id) && s.parks.some((p) => p.park_id === parkId));
}

const cites = (segs: readonly TaxonomySegment[], parkId: string) => segs.flatMap((s) => s.parks.filter((p) => p.park_id === parkId).map((p) => p.citation));
const names = (segs: readonly TaxonomySegment[], lang: 'zh' | 'en') => segs.map((s) => (lang === 'zh' ? `“${s.name_zh}”` : s.name_en)).join(lang === 'zh' ? '、' : ', ');
const uniq = (cs: Citation[]) => [...new Map(cs.map((c) => [c.id, c])).values()];

/** The four parts of one park's score for one chain, each with its reason (naming the asked segment) and quotes. */
function scoreParts(
  e: Evidence, h: MatchChain, chain: TaxonomyChain | undefined, asked: TaxonomySegment[],
  lands: { km2: number; known: number; unknown: number }, maxLand: number, gap: number, maxGap: number,
): MatchScorePart[] {
  const segment = asked[0] ? { id: asked[0].id, name_zh: asked[0].name_zh, name_en: asked[0].name_en, stage: asked[0].stage } : null;
  const focusLinks = e.links.filter((l) => l.chain_id === h.id && l.role === 'focus');
  const linkCites = (ls: typeof focusLinks) => ls.map((l) => l.citation).filter((c): c is Citation => c !== null);
  const allHosted = (chain?.segments ?? []).filter((s) => s.parks.some((p) => p.park_id === e.park_id));
  const askedHosted = asked.length ? hosted(chain, asked, e.park_id) : [];

  let focus: Pick<MatchScorePart, 'points' | 'detail_zh' | 'detail_en' | 'citations'>;
  const chainCites = uniq([...linkCites(focusLinks), ...cites(allHosted, e.park_id)]);
  const hostZh = allHosted.length ? `（${names(allHosted, 'zh')}环节）` : '';
  const hostEn = allHosted.length ? ` (${names(allHosted, 'en')})` : '';
  if (asked.length && askedHosted.length) {
    focus = {
      points: WEIGHTS.focus, citations: uniq(cites(askedHosted, e.park_id)),
      detail_zh: `文件写明本园区承载${h.name_zh}的${names(askedHosted, 'zh')}环节`,
      detail_en: `The documents place the ${names(askedHosted, 'en')} segment of ${h.name_en} in this park`,
    };
  } else if (asked.length && (focusLinks.length || allHosted.length)) {
    focus = {
      points: focusLinks.length ? PARTIAL.focus.chain : PARTIAL.focus.other, citations: chainCites,
      detail_zh: `文件将${h.name_zh}${hostZh}列为本园区方向，但未写明${names(asked, 'zh')}环节在此（部分计分）`,
      detail_en: `The documents give this park ${h.name_en}${hostEn}, but do not place the ${names(asked, 'en')} segment here (partial points)`,
    };
  } else if (!asked.length && (focusLinks.length || allHosted.length)) {
    focus = {
      points: WEIGHTS.focus, citations: chainCites,
      detail_zh: `${h.name_zh}是本园区文件所列重点方向${hostZh}`,
      detail_en: `${h.name_en} is in the park's documented focus${hostEn}`,
    };
  } else {
    focus = {
      points: 0, citations: [],
      detail_zh: `文件未将${h.name_zh}${asked.length ? `或其${names(asked, 'zh')}环节` : ''}列为本园区方向`,
      detail_en: `The documents do not give this park ${h.name_en}${asked.length ? ` or its ${names(asked, 'en')} segment` : ''}`,
    };
  }

  const leaderLinks = e.links.filter((l) => l.chain_id === h.id && l.role === 'leader');
  const leaderNodes = e.leader_nodes.filter((n) => n.chains.includes(h.id));
  // Enterprises the taxonomy places in this park for this chain; those of the asked segment first.
  const firms = (chain?.segments ?? [])
    .flatMap((s) => s.enterprises.filter((x) => x.park_id === e.park_id && x.scope === 'district' && !x.former).map((x) => ({ ...x, asked: asked.some((a) => a.id === s.id || a.id === s.parent || a.parent === s.id) })))
    .sort((a, b) => Number(b.asked) - Number(a.asked));
  const firmNames = [...new Set([...firms.map((f) => f.name_zh), ...leaderNodes.map((n) => n.name_zh)])];
  const firmNamesEn = [...new Set([...firms.map((f) => f.name_en), ...leaderNodes.map((n) => n.name_en)])];
  const anyLeader = leaderLinks.length > 0 || leaderNodes.length > 0 || firms.length > 0;
  // With a segment asked, only an enterprise of that segment earns the full leaders part.
  const fullLeader = asked.length ? firms.some((f) => f.asked) : anyLeader;
  const leaderPoints = fullLeader ? WEIGHTS.leaders : anyLeader ? PARTIAL.leaders.chain : 0;

  // Land and growth count in proportion to the focus: open land in a park the documents do not give this
  // industry is not a reason to go there.
  const share = focus.points / WEIGHTS.focus;
  const shareZh = share < 1 ? `；按重点方向得分比例 ×${share.toFixed(2)} 计入` : '';
  const shareEn = share < 1 ? `; counted × ${share.toFixed(2)}, the share of the focus points` : '';
  const unknownZh = lands.unknown ? `；另有 ${lands.unknown} 宗面积文件未写明，未计入` : '';
  const unknownEn = lands.unknown ? `; ${lands.unknown} more with an area the documents do not state, not counted` : '';
  return [
    { part: 'focus', max: WEIGHTS.focus, segment, ...focus },
    {
      part: 'leaders', max: WEIGHTS.leaders, segment, points: leaderPoints,
      citations: uniq([...linkCites(leaderLinks), ...firms.map((f) => f.citation), ...leaderNodes.flatMap((n) => n.sources)]),
      detail_zh: anyLeader
        ? `有该链链主/龙头企业：${firmNames.join('、') || '见引文'}${fullLeader ? '' : `（未写明属于${names(asked, 'zh')}环节，部分计分）`}`
        : '文件未提及该链龙头企业在此',
      detail_en: anyLeader
        ? `Leading enterprises of this chain are here: ${firmNamesEn.join(', ') || 'see quote'}${fullLeader ? '' : ` (not documented in the ${names(asked, 'en')} segment: partial points)`}`
        : 'No leading enterprise of this chain is documented here',
    },
    {
      part: 'land', max: WEIGHTS.land, segment, points: maxLand > 0 ? round((WEIGHTS.land * lands.km2 * share) / maxLand) : 0, citations: [],
      detail_zh: `可用或规划地块 ${lands.known} 宗，${lands.km2.toFixed(2)} 平方公里（PostGIS 按示意范围计算）${unknownZh}${lands.km2 > 0 ? shareZh : ''}`,
      detail_en: `${lands.known} available or planned site(s) of known area, ${lands.km2.toFixed(2)} km² (computed by PostGIS on schematic polygons)${unknownEn}${lands.km2 > 0 ? shareEn : ''}`,
    },
    {
      part: 'growth', max: WEIGHTS.growth, segment, points: maxGap > 0 ? round((WEIGHTS.growth * gap * share) / maxGap) : 0, citations: [],
      detail_zh: `该链2030年目标与2024年收入之差 ${gap.toFixed(1)} 亿元${focus.points > 0 ? shareZh : '（仅计入以该链为方向的园区）'}`,
      detail_en: `Chain's 2030 target minus 2024 revenue: CNY ${gap.toFixed(1)} × 100 million${focus.points > 0 ? shareEn : ' (counted only where the chain is a focus)'}`,
    },
  ];
}

const round = (x: number) => Math.round(x * 10) / 10;
const pick = (c: ChainRow) => ({ id: c.id, name_zh: c.name_zh, name_en: c.name_en, revenue_2024: c.revenue_2024, target_2030: c.target_2030 });
