/**
 * Builds every geodata layer of the atlas from the reference files in /work/shared/reference and the
 * hand-entered control points in ./control-points.ts. Deterministic: same inputs → byte-identical outputs.
 *
 *   npx tsx geodata/build/build.ts
 *
 * Output (all WGS84, EPSG:4326, [lng, lat], 6 decimals): geodata/<layer>.geojson, geodata/layers.json,
 * geodata/external-sources.json, geodata/reference/* (unchanged copies of the reference boundary files).
 * The script prints, and asserts, the checks the brief asks for: geometry validity, containment in the current
 * district extent, the stated areas, the quote check and that pole edges lie on their bounding roads.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import gcoord from 'gcoord';
import type {
  Feature, FeatureCollection, Geometry, LineString, MultiLineString, MultiPolygon, Polygon, Position,
} from 'geojson';
import {
  BINJIANG_LAT, CUT_OFFSET_DEG, FENGHUANG_LAT, NODE_POINTS, RIVERS, RIVER_EDGE_END, RIVER_EDGE_START, ROADS,
  TIANDE_LAKE, YANGTZE_BAND_KM, type LngLat, type RoadDef,
} from './control-points.js';
import { EXTERNAL_SOURCES, Q, ext, type QuoteRef } from './citations.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const GEODATA = path.resolve(HERE, '..');
const ROOT = path.resolve(GEODATA, '..');
const REF = '/work/shared/reference';
const DOCS = path.join(ROOT, 'seeds', 'documents');

// ---------------------------------------------------------------------------------------------
// Citations: find each whitespace-free quote in the whitespace-normalised document and return the original span.
// ---------------------------------------------------------------------------------------------
interface Citation { doc: string; quote: string }
const norm = (s: string): string => s.replace(/\s/g, '');
const docText = new Map<string, string>();
for (const f of fs.readdirSync(DOCS).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort()) {
  docText.set(f.slice(0, 3), fs.readFileSync(path.join(DOCS, f), 'utf8'));
}
const docNorm = new Map<string, { text: string; orig: number[] }>();
for (const [id, t] of docText) {
  const orig: number[] = [];
  let text = '';
  for (let i = 0; i < t.length; i++) if (!/\s/.test(t[i])) { text += t[i]; orig.push(i); }
  docNorm.set(id, { text, orig });
}
/** A citation whose quote is the document's own span (line breaks included) for the given whitespace-free quote. */
function cite(ref: QuoteRef): Citation {
  if (ref.doc.startsWith('ext:')) return { doc: ref.doc, quote: ref.q };
  const d = docNorm.get(ref.doc);
  if (!d) throw new Error(`no document ${ref.doc}`);
  const q = norm(ref.q);
  const at = d.text.indexOf(q);
  if (at < 0) throw new Error(`quote not found in ${ref.doc}: ${ref.q}`);
  const t = docText.get(ref.doc)!;
  return { doc: ref.doc, quote: t.slice(d.orig[at], d.orig[at + q.length - 1] + 1) };
}
const cites = (...refs: QuoteRef[]): Citation[] => refs.map(cite);

// ---------------------------------------------------------------------------------------------
// Geometry helpers
// ---------------------------------------------------------------------------------------------
const r6 = (x: number): number => Math.round(x * 1e6) / 1e6;
function roundCoords(c: unknown): unknown {
  if (typeof c === 'number') return r6(c);
  if (Array.isArray(c)) return c.map(roundCoords);
  return c;
}
/** Rounds to 6 decimals and drops consecutive duplicate vertices that rounding may create. */
function roundGeom<G extends Geometry>(g: G): G {
  if (g.type === 'GeometryCollection') throw new Error('no collections');
  const out = JSON.parse(JSON.stringify(g)) as { type: string; coordinates: unknown };
  out.coordinates = roundCoords(out.coordinates);
  const dedup = (ring: Position[]): Position[] => ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]);
  if (out.type === 'LineString') out.coordinates = dedup(out.coordinates as Position[]);
  if (out.type === 'MultiLineString' || out.type === 'Polygon') out.coordinates = (out.coordinates as Position[][]).map(dedup);
  if (out.type === 'MultiPolygon') out.coordinates = (out.coordinates as Position[][][]).map((p) => p.map(dedup));
  return out as unknown as G;
}
const line = (coords: Position[]): Feature<LineString> => turf.lineString(coords);
const toWgs = (p: LngLat, crs: string): LngLat => {
  if (crs.startsWith('WGS84')) return p;
  const from = crs === 'GCJ-02' ? gcoord.GCJ02 : crs === 'BD-09' ? gcoord.BD09 : null;
  if (!from) throw new Error(`unknown CRS ${crs}`);
  return gcoord.transform(p, from, gcoord.WGS84) as LngLat;
};
const dist = (a: Position, b: Position): number => turf.distance(turf.point(a), turf.point(b)); // km
const areaKm2 = (f: Feature | Geometry): number => turf.area(f as Feature) / 1e6;

/** The single crossing point of two lines (throws if they do not cross exactly once). */
function cross(a: Feature<LineString>, b: Feature<LineString>, label: string): Position {
  const pts = turf.lineIntersect(a, b).features.map((f) => f.geometry.coordinates);
  const uniq = pts.filter((p, i) => pts.findIndex((q) => dist(p, q) < 1e-4) === i);
  if (uniq.length !== 1) throw new Error(`${label}: expected 1 crossing, got ${uniq.length}`);
  return uniq[0];
}
/** The part of `l` between two points on it, oriented from → to, with exact end points. */
function segment(l: Feature<LineString>, from: Position, to: Position): Position[] {
  const c = turf.lineSlice(turf.point(from), turf.point(to), l).geometry.coordinates.slice();
  if (dist(c[0], from) > dist(c[c.length - 1], from)) c.reverse();
  c[0] = from;
  c[c.length - 1] = to;
  return c.filter((p, i) => i === 0 || dist(p, c[i - 1]) > 1e-6);
}
/** Polygon enclosed by four lines (north, east, south, west): corners are their crossings and every edge follows its line. */
function block(n: Feature<LineString>, e: Feature<LineString>, s: Feature<LineString>, w: Feature<LineString>, label: string): Feature<Polygon> {
  const NW = cross(n, w, `${label} N×W`);
  const NE = cross(n, e, `${label} N×E`);
  const SE = cross(s, e, `${label} S×E`);
  const SW = cross(s, w, `${label} S×W`);
  const ring = [...segment(n, NW, NE), ...segment(e, NE, SE).slice(1), ...segment(s, SE, SW).slice(1), ...segment(w, SW, NW).slice(1)];
  return turf.polygon([ring]);
}
function intersect(a: Feature<Polygon | MultiPolygon>, b: Feature<Polygon | MultiPolygon>, label: string): Feature<Polygon | MultiPolygon> {
  const r = turf.intersect(turf.featureCollection([a, b]));
  if (!r) throw new Error(`${label}: empty intersection`);
  return r;
}
function difference(a: Feature<Polygon | MultiPolygon>, b: Feature<Polygon | MultiPolygon>, label: string): Feature<Polygon | MultiPolygon> {
  const r = turf.difference(turf.featureCollection([a, b]));
  if (!r) throw new Error(`${label}: empty difference`);
  return r;
}
function union(fs_: Feature<Polygon | MultiPolygon>[], label: string): Feature<Polygon | MultiPolygon> {
  const r = fs_.length === 1 ? fs_[0] : turf.union(turf.featureCollection(fs_));
  if (!r) throw new Error(`${label}: empty union`);
  return r;
}
/** Removes zero-width spikes (a vertex where the ring turns straight back) that overlay operations can leave. */
function despike(ring: Position[]): Position[] {
  let r = ring.slice(0, -1);
  for (let changed = true; changed && r.length > 3;) {
    changed = false;
    for (let i = 0; i < r.length; i++) {
      const a = r[(i - 1 + r.length) % r.length], b = r[i], c = r[(i + 1) % r.length];
      const k = Math.cos((b[1] * Math.PI) / 180);
      const ux = (b[0] - a[0]) * k, uy = b[1] - a[1], vx = (c[0] - b[0]) * k, vy = c[1] - b[1];
      const lu = Math.hypot(ux, uy), lv = Math.hypot(vx, vy);
      const spike = lu === 0 || lv === 0 || (Math.abs(ux * vy - uy * vx) < 1e-9 * lu * lv && ux * vx + uy * vy < 0);
      if (spike) { r = r.filter((_, j) => j !== i); changed = true; break; }
    }
  }
  return [...r, r[0]];
}
/** Drops slivers (< minKm2) and spikes produced by overlay operations. */
function dropSlivers(f: Feature<Polygon | MultiPolygon>, minKm2 = 0.01): Feature<Polygon | MultiPolygon> {
  const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates)
    .map((p) => p.map(despike))
    .filter((p) => areaKm2(turf.polygon(p)) >= minKm2);
  return polys.length === 1 ? turf.polygon(polys[0]) : turf.multiPolygon(polys);
}

/**
 * Clips a line to a polygon; ends that stop on the polygon's boundary are pulled back 15 m so that the
 * result lies strictly inside. Returns LineString or MultiLineString (or null if nothing is inside).
 */
function clipLine(l: Feature<LineString>, poly: Feature<Polygon | MultiPolygon>): LineString | MultiLineString | null {
  const pieces = turf.lineSplit(l, poly).features;
  const parts = (pieces.length ? pieces : [l]).filter((p) => {
    const len = turf.length(p);
    return len > 0.05 && turf.booleanPointInPolygon(turf.along(p, len / 2), poly);
  });
  const boundary = turf.polygonToLine(poly);
  const bLines: Feature<LineString>[] = boundary.type === 'FeatureCollection'
    ? boundary.features.flatMap((f) => turf.flatten(f).features as Feature<LineString>[])
    : (turf.flatten(boundary).features as Feature<LineString>[]);
  const onBoundary = (p: Position) => bLines.some((b) => turf.pointToLineDistance(turf.point(p), b) < 0.002);
  const trimmed = parts.map((p) => {
    const len = turf.length(p);
    const c = p.geometry.coordinates;
    const a = onBoundary(c[0]) ? 0.015 : 0;
    const b = onBoundary(c[c.length - 1]) ? len - 0.015 : len;
    return a === 0 && b === len ? c : turf.lineSliceAlong(p, a, b).geometry.coordinates;
  });
  if (!trimmed.length) return null;
  return trimmed.length === 1 ? { type: 'LineString', coordinates: trimmed[0] } : { type: 'MultiLineString', coordinates: trimmed };
}

/** Offsets a line by `km`, to the side where `insidePoly` lies (checked at the line's middle). */
function offsetInward(l: Feature<LineString>, km: number, insidePoly: Feature<Polygon | MultiPolygon>): Feature<LineString> {
  if (km === 0) return l;
  for (const sign of [1, -1]) {
    const o = turf.lineOffset(l, sign * km, { units: 'kilometers' });
    const mid = turf.along(o, turf.length(o) / 2);
    if (turf.booleanPointInPolygon(mid, insidePoly)) return o;
  }
  throw new Error('offsetInward: neither side is inside');
}

// ---------------------------------------------------------------------------------------------
// Feature assembly
// ---------------------------------------------------------------------------------------------
type Accuracy = 'surveyed' | 'digitised' | 'schematic';
interface Props {
  name_zh: string;
  name_en: string;
  accuracy: Accuracy;
  parent: string | null;
  sources: Citation[];
  method?: string;
  [k: string]: unknown;
}
type AtlasFeature = Feature<Geometry, Props> & { id: string };
const layers = new Map<string, AtlasFeature[]>();
function add(layer: string, id: string, geometry: Geometry, props: Props): AtlasFeature {
  if (props.accuracy === 'schematic' && !props.method) throw new Error(`${id}: schematic without method`);
  if (!props.sources.length) throw new Error(`${id}: no sources`);
  const f: AtlasFeature = { type: 'Feature', id, geometry: roundGeom(geometry), properties: props };
  if (!layers.has(layer)) layers.set(layer, []);
  layers.get(layer)!.push(f);
  return f;
}

// ---------------------------------------------------------------------------------------------
// Reference data
// ---------------------------------------------------------------------------------------------
interface GazRow { name_zh: string; name_en: string; kind: string; lon: number; lat: number; crs: string; source: string; confidence: string; notes: string }
function parseCsv(text: string): GazRow[] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (q) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') q = false; else field += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (ch !== '\r') field += ch;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const [head, ...body] = rows;
  return body.filter((r) => r.length === head.length).map((r) => {
    const o = Object.fromEntries(head.map((h, i) => [h, r[i]])) as Record<string, string>;
    return { ...o, lon: Number(o.lon), lat: Number(o.lat) } as unknown as GazRow;
  });
}
const gazetteer = parseCsv(fs.readFileSync(path.join(REF, 'gazetteer.csv'), 'utf8'));
const gaz = (name: string, kind?: string): GazRow => {
  const r = gazetteer.find((g) => g.name_zh === name && (!kind || g.kind === kind));
  if (!r) throw new Error(`gazetteer row ${name} not found`);
  return r;
};
const gazWgs = (r: GazRow): LngLat => toWgs([r.lon, r.lat], r.crs);

const datavGcj = JSON.parse(fs.readFileSync(path.join(REF, 'gaogang-district-boundary.geojson'), 'utf8')) as FeatureCollection<MultiPolygon>;
const datav = gcoord.transform(structuredClone(datavGcj) as never, gcoord.GCJ02, gcoord.WGS84) as unknown as FeatureCollection<MultiPolygon>;
for (const f of datav.features) f.geometry = roundGeom(f.geometry);
const dv = (name: string): Feature<MultiPolygon> => {
  const f = datav.features.find((x) => x.properties?.name === name);
  if (!f) throw new Error(`DataV ${name} missing`);
  return f;
};
const gaogangDv = dv('高港区');
const hailingDv = dv('海陵区');

// ---------------------------------------------------------------------------------------------
// 1. Current district extent: DataV 高港区 ∪ (DataV 海陵区 south of 凤凰路)
// ---------------------------------------------------------------------------------------------
const cutLat = FENGHUANG_LAT + CUT_OFFSET_DEG;
const hailingSouth = intersect(hailingDv, turf.bboxPolygon([119.6, 32.0, 120.3, cutLat]), 'hailing south');
const extentRaw = union([gaogangDv, hailingSouth], 'extent');
if (extentRaw.geometry.type !== 'Polygon') throw new Error(`extent is ${extentRaw.geometry.type}`);
const extent = turf.polygon(roundGeom(extentRaw.geometry).coordinates) as Feature<Polygon>;
const EXTENT_TARGET = 402.87;
const extentArea = areaKm2(extent);

// ---------------------------------------------------------------------------------------------
// 2. Yangtze band and the bank line
// ---------------------------------------------------------------------------------------------
const ggRing = gaogangDv.geometry.coordinates[0][0];
const nearestIdx = (ring: Position[], p: Position): number => {
  let best = 0;
  ring.forEach((q, i) => { if (i < ring.length - 1 && dist(q, p) < dist(ring[best], p)) best = i; });
  return best;
};
const iMouth = nearestIdx(ggRing, RIVER_EDGE_START);
const iTip = nearestIdx(ggRing, RIVER_EDGE_END);
if (iTip >= iMouth) throw new Error('unexpected ring order');
const riverEdge = line(ggRing.slice(iTip, iMouth + 1).reverse()); // mouth of 引江河 → southern tip
// The offset line is prolonged 0.3 km at both ends so that it crosses the district boundary cleanly (at the 引江河
// mouth the perpendicular offset lands almost exactly on the west boundary, which would pinch the land polygon).
const bankFull = extend(offsetInward(turf.simplify(riverEdge, { tolerance: 0.0015, highQuality: true }), YANGTZE_BAND_KM, extent), 0.3);
const riverRing = [...riverEdge.geometry.coordinates, ...bankFull.geometry.coordinates.slice().reverse(), riverEdge.geometry.coordinates[0]];
const bankClipped = clipLine(bankFull, extent);
if (bankClipped?.type !== 'LineString') throw new Error('bank line must be one piece inside the extent');
const bank = line(roundGeom(bankClipped).coordinates);
const yangtze = dropSlivers(intersect(extent, turf.polygon([riverRing]), 'yangtze'));
const land = dropSlivers(difference(extent, yangtze, 'land'));
const bankLen = turf.length(bank);
/** Distance (km) along the bank line from the 引江河 mouth to the point nearest p. */
const bankS = (p: Position): number => turf.length(turf.lineSlice(turf.point(bank.geometry.coordinates[0]), turf.point(p), bank));
/** A band along the bank between distances s0..s1 (km from the 引江河 mouth) and depths d0..d1 (km inland), clipped to land. */
function bankStrip(s0: number, s1: number, d0: number, d1: number, label: string): Feature<Polygon | MultiPolygon> {
  const slice = turf.lineSliceAlong(bank, s0, s1);
  const a = offsetInward(slice, d0, land);
  const b = offsetInward(slice, d1, land);
  const ring = [...a.geometry.coordinates, ...b.geometry.coordinates.slice().reverse(), a.geometry.coordinates[0]];
  return dropSlivers(intersect(land, turf.polygon([ring]), label));
}
/** A point at distance s along the bank and depth d inland. */
function bankPoint(s: number, d: number): Position {
  const slice = turf.lineSliceAlong(bank, Math.max(0, s - 0.3), Math.min(bankLen, s + 0.3));
  const o = offsetInward(slice, d, land);
  return turf.along(o, turf.length(o) / 2).geometry.coordinates;
}

// ---------------------------------------------------------------------------------------------
// 3. Roads
// ---------------------------------------------------------------------------------------------
const roadLine = new Map<string, Feature<LineString>>();
const roadDefs = new Map<string, RoadDef>();
for (const r of ROADS) { roadLine.set(r.id, line(roundGeom(turf.lineString(r.coords).geometry).coordinates)); roadDefs.set(r.id, r); }
const R = (id: string): Feature<LineString> => {
  const l = roadLine.get(id);
  if (!l) throw new Error(`road ${id}`);
  return l;
};

// 春江湿地: W = Yangtze bank, S = 泰镇高速 (bridge approach), N = 滨江路, E = 锦江路; 锦江路 solved for 390 公顷.
const WETLAND_TARGET_KM2 = 3.9; // 002 note 4: 总面积390公顷
const binjiang = line([[119.850, BINJIANG_LAT], [119.935, BINJIANG_LAT]]);
const jinjiangAt = (x: number): Feature<LineString> => line([[r6(x), 32.250], [r6(x), 32.292]]);
const wetlandFor = (x: number) => block(binjiang, jinjiangAt(x), R('road-taizhen-expressway'), bank, 'wetland');
let lo = 119.880, hi = 119.940;
for (let i = 0; i < 60; i++) { const mid = (lo + hi) / 2; if (areaKm2(wetlandFor(mid)) < WETLAND_TARGET_KM2) lo = mid; else hi = mid; }
const JINJIANG_X = r6((lo + hi) / 2);
const jinjiang = jinjiangAt(JINJIANG_X);
roadLine.set('road-jinjiang-road', jinjiang);
roadLine.set('road-binjiang-road', binjiang);
roadDefs.set('road-jinjiang-road', {
  id: 'road-jinjiang-road', name_zh: '锦江路', name_en: 'Jinjiang Road', class: 'arterial', network: '十五横', coords: [],
  basis: 'east edge of 春江湿地 (002 note 4: 东以锦江路为界); drawn N–S along the wetland, its longitude solved so the wetland encloses the stated 390 公顷',
});
roadDefs.set('road-binjiang-road', {
  id: 'road-binjiang-road', name_zh: '滨江路', name_en: 'Binjiang Road', class: 'other', network: null, coords: [],
  basis: 'north edge of 春江湿地 (002 note 4: 北至滨江路), about 2.5 km north of the Taizhou Bridge',
});

// ---------------------------------------------------------------------------------------------
// 4. Structure: core, poles (from roads), zones north/south
// ---------------------------------------------------------------------------------------------
const poleFinance = block(R('road-fenghuang-road'), R('road-dongfeng-road'), R('road-zhoushanhe-road'), R('road-taizhou-avenue'), 'pole-finance');
const poleHealth = block(R('road-jianggao-road'), R('road-dongfeng-road'), R('road-jiankang-avenue'), R('road-hailing-south-road'), 'pole-health');
const poleHsr = block(R('road-haijun-avenue'), R('road-s231-south-extension'), R('road-yaocheng-avenue'), R('road-dongfeng-road'), 'pole-hsr');
const coreCity = block(R('road-fenghuang-road'), R('road-dongfeng-road'), R('road-haijun-avenue'), R('road-taizhou-avenue'), 'core-city');

const g2 = R('road-jinghu-expressway').geometry.coordinates;
const tz = R('road-taizhen-expressway').geometry.coordinates;
const iXuanbao = tz.findIndex((p) => p[0] === g2[g2.length - 1][0] && p[1] === g2[g2.length - 1][1]);
if (iXuanbao < 0) throw new Error('G2 and 泰镇高速 must share the 宣堡 junction vertex');
const northOfG2WestOfTz = turf.polygon([[...g2, ...tz.slice(iXuanbao + 1), [tz[tz.length - 1][0], 32.8], [119.5, 32.8], [119.5, g2[0][1]], g2[0]]]);
const southOfG2 = turf.polygon([[...g2, [g2[g2.length - 1][0], 31.9], [119.5, 31.9], [119.5, g2[0][1]], g2[0]]]);
const zoneNorth = dropSlivers(intersect(extent, northOfG2WestOfTz, 'zone-north'));
const zoneSouth = dropSlivers(intersect(land, southOfG2, 'zone-south'));

// ---------------------------------------------------------------------------------------------
// 5. Parks and zones
// ---------------------------------------------------------------------------------------------
const parkBiomed = block(R('road-haijun-avenue'), R('road-dongfeng-road'), R('road-jiankang-avenue'), R('road-taizhou-avenue'), 'park-biomed');
const parkElectronics = block(R('road-haijun-avenue'), R('road-xiangtai-road'), R('road-jiankang-avenue'), R('road-changjiang-avenue'), 'park-electronics');
const parkEquipment = block(R('road-chuangxin-avenue'), R('road-chunlan-road'), R('road-tonggang-road'), R('road-gulou-south-road'), 'park-equipment');
const sBridge = bankS(cross(R('road-taizhen-expressway'), bank, 'bridge × bank'));
const sBinjiang = bankS(cross(binjiang, bank, '滨江路 × bank'));
const portA = bankStrip(0.3, 3.6, 0, 1.3, 'port A');
const portB = bankStrip(sBridge + 0.6, sBridge + 4.2, 0, 0.9, 'port B');
const chemA = bankStrip(3.8, sBinjiang - 0.3, 0, 1.6, 'chem A');
const chemB = bankStrip(sBridge + 0.6, sBridge + 4.2, 0.9, 2.3, 'chem B');
const parkPort = union([portA, portB], 'park-port');
const parkChemical = union([chemA, chemB], 'park-chemical');
const westFar = line([[119.80, 32.40], [119.80, 32.25]]);
/** The line with both ends prolonged by `km` along their end segments (construction only: the result is clipped to land). */
function extend(l: Feature<LineString>, km: number): Feature<LineString> {
  const c = l.geometry.coordinates;
  const ext1 = turf.destination(turf.point(c[0]), km, turf.bearing(turf.point(c[1]), turf.point(c[0]))).geometry.coordinates;
  const n = c.length;
  const ext2 = turf.destination(turf.point(c[n - 1]), km, turf.bearing(turf.point(c[n - 2]), turf.point(c[n - 1]))).geometry.coordinates;
  return line([ext1, ...c, ext2]);
}
const kouan = dropSlivers(intersect(land, block(extend(R('road-gangcheng-road'), 5), R('road-hailing-south-road'), extend(R('road-gangkou-east-road'), 5), westFar, 'kouan'), 'kouan'));

// 西南片区: W 祥泰路, N 健康大道, E 海陵南路, S = an E–W line placed so that the area is the stated 3.29 km².
const SOUTHWEST_TARGET_KM2 = 3.29; // 000: 3.29平方公里的西南片区
const swFor = (y: number) => block(R('road-jiankang-avenue'), R('road-hailing-south-road'), line([[119.85, r6(y)], [119.95, r6(y)]]), R('road-xiangtai-road'), 'zone-southwest');
lo = 32.335; hi = 32.372;
for (let i = 0; i < 60; i++) { const mid = (lo + hi) / 2; if (areaKm2(swFor(mid)) > SOUTHWEST_TARGET_KM2) lo = mid; else hi = mid; }
const SW_SOUTH_LAT = r6((lo + hi) / 2);
const zoneSouthwest = swFor(SW_SOUTH_LAT);

// 中国医药城 six functional zones: a 3 × 2 grid of the biomed park along its internal roads (illustrative arrangement).
const cmcCols = ['road-taizhou-avenue', 'road-hailing-south-road', 'road-gulou-south-road', 'road-dongfeng-road'];
const cmcRows = ['road-haijun-avenue', 'road-yaocheng-avenue', 'road-jiankang-avenue'];
const cell = (col: number, row: number, label: string) => block(R(cmcRows[row]), R(cmcCols[col + 1]), R(cmcRows[row + 1]), R(cmcCols[col]), label);

// ---------------------------------------------------------------------------------------------
// 6. Emit layers
// ---------------------------------------------------------------------------------------------
const SCHEMATIC_ROADS = 'Schematic centre-line';

// ---- district
add('district', 'gaogang-datav-2021', gaogangDv.geometry, {
  name_zh: '高港区（DataV 边界，约2021年）', name_en: 'Gaogang District (DataV boundary, c. 2021)', accuracy: 'digitised', parent: null,
  sources: cites(ext('ext:datav-anzhou99')),
  method: 'DataV.GeoAtlas polygon (adcode 321203) from anzhou99/GeoJsons 321200_full.json, converted GCJ-02 → WGS84 with gcoord 1.0.7; unchanged otherwise.',
  vintage: '~2021', adcode: 321203, crs_source: 'GCJ-02',
  note: 'Predates the transfer of 寺巷、明珠、凤凰街道 from 海陵区 to 高港区 (医药高新区); not the current boundary. Includes Yangtze water.',
});
add('district', 'gaogang', extent.geometry, {
  name_zh: '泰州医药高新区（高港区）', name_en: 'Taizhou Medical High-tech Zone (Gaogang District)', accuracy: 'schematic', parent: null,
  sources: cites(ext('ext:gethgdk-gaogang'), ext('ext:gethgdk-quzhengheyi'), ext('ext:tcmap-mingzhu'), Q.townsFenghuang, Q.townsSixiang, Q.poleFinance),
  method: `Union of the DataV 高港区 polygon and the part of the DataV 海陵区 polygon south of 凤凰路 (cut ${CUT_OFFSET_DEG}° ≈ 100 m north of the schematic 凤凰路 at ${FENGHUANG_LAT}°N, the north edge of 金融商务极), which holds the 寺巷、明珠、凤凰街道 points; geodesic area ${extentArea.toFixed(2)} km² against the published ${EXTENT_TARGET} km².`,
  stated_area_km2: EXTENT_TARGET, computed_area_km2: Number(extentArea.toFixed(2)),
  composition: '7 街道 + 5 镇', note: 'Current extent drawn schematically; no official current boundary was available. Includes Yangtze water.',
});

// ---- neighbours
const NEIGHBOUR_EN: Record<string, string> = { 海陵区: 'Hailing District', 姜堰区: 'Jiangyan District', 兴化市: 'Xinghua City', 靖江市: 'Jingjiang City', 泰兴市: 'Taixing City' };
for (const f of datav.features.filter((x) => x.properties?.name !== '高港区')) {
  const name = String(f.properties?.name);
  add('neighbours', `neighbour-${f.properties?.adcode}`, f.geometry, {
    name_zh: name, name_en: NEIGHBOUR_EN[name] ?? name, accuracy: 'digitised', parent: null,
    sources: cites(ext('ext:datav-anzhou99')),
    method: 'DataV.GeoAtlas polygon from anzhou99/GeoJsons 321200_full.json, converted GCJ-02 → WGS84 with gcoord 1.0.7.',
    vintage: '~2021', adcode: f.properties?.adcode, crs_source: 'GCJ-02',
    note: name === '海陵区' ? 'Pre-transfer polygon: its south part (寺巷、明珠、凤凰街道) now belongs to 泰州医药高新区（高港区）.' : undefined,
  });
}

// ---- roads
const roadSources: Record<string, QuoteRef[]> = {
  'road-changjiang-avenue': [Q.roads8, Q.industryAxis],
  'road-xiangtai-road': [Q.roads8, Q.industryAxis, Q.roadProjects],
  'road-taizhou-avenue': [Q.roads8, Q.cityAxis, Q.poleFinance],
  'road-hailing-south-road': [Q.roads8, Q.cityAxis, Q.poleHealth],
  'road-gulou-south-road': [Q.roads8, Q.cityAxis],
  'road-dongfeng-road': [Q.roads8, Q.poleFinance, Q.poleHealth, Q.poleHsr],
  'road-chunlan-road': [Q.roads8],
  'road-s231-south-extension': [Q.poleHsr, Q.roadProjects],
  'road-xingtai-road': [Q.roads8],
  'road-fenghuang-road': [Q.poleFinance],
  'road-yongding-road': [Q.roads15, Q.financeSquare],
  'road-zhoushanhe-road': [Q.roads15, Q.poleFinance],
  'road-haijun-avenue': [Q.roads15, Q.cityAxis, Q.poleHsr],
  'road-jianggao-road': [Q.roads15, Q.cityAxis, Q.poleHealth, Q.roadProjects],
  'road-yaocheng-avenue': [Q.roads15, Q.poleHsr],
  'road-jiankang-avenue': [Q.roads15, Q.industryAxis, Q.poleHealth],
  'road-chuangxin-avenue': [Q.roads15, Q.industryAxis],
  'road-huangang-road': [Q.roads15, Q.g345],
  'road-jinguo-road': [Q.roads15],
  'road-tonggang-road': [Q.roads15],
  'road-gangcheng-road': [Q.roads15],
  'road-chaixu-road': [Q.roads15],
  'road-gangkou-east-road': [Q.roads15],
  'road-xinwei-road': [Q.roads15],
  'road-jinjiang-road': [Q.roads15, Q.wetland],
  'road-binjiang-road': [Q.wetland],
  'road-jinghu-expressway': [Q.zoneNorth, Q.zoneSouth],
  'road-taizhen-expressway': [Q.zoneNorth],
};
const roadGeom = new Map<string, LineString | MultiLineString>();
for (const [id, def] of roadDefs) {
  const g = clipLine(R(id), id === 'road-binjiang-road' ? land : extent);
  if (!g) throw new Error(`${id} lies outside the extent`);
  roadGeom.set(id, g);
  add('roads', id, g, {
    name_zh: def.name_zh, name_en: def.name_en, accuracy: 'schematic', parent: 'gaogang',
    sources: cites(...(roadSources[id] ?? [])), class: def.class, network: def.network,
    method: `${SCHEMATIC_ROADS} (no public geometry): ${def.basis}; clipped to the district extent.`,
  });
}

// ---- axes
const multiOf = (ids: string[]): MultiLineString => ({
  type: 'MultiLineString',
  coordinates: ids.flatMap((id) => { const g = roadGeom.get(id)!; return g.type === 'LineString' ? [g.coordinates] : g.coordinates; }),
});
const CITY_AXIS_ROADS = ['road-taizhou-avenue', 'road-hailing-south-road', 'road-gulou-south-road', 'road-haijun-avenue', 'road-jianggao-road'];
const INDUSTRY_AXIS_ROADS = ['road-changjiang-avenue', 'road-xiangtai-road', 'road-jiankang-avenue', 'road-chuangxin-avenue'];
add('axes', 'axis-urban', multiOf(CITY_AXIS_ROADS), {
  name_zh: '城市发展轴', name_en: 'Urban development axes', accuracy: 'schematic', parent: 'gaogang', sources: cites(Q.cityAxis, Q.structure),
  method: 'The schematic centre-lines of the five named roads (泰州大道、海陵南路、鼓楼南路、海军大道、姜高路) from the roads layer.',
  roads: CITY_AXIS_ROADS, axis_kind: 'urban',
});
add('axes', 'axis-industry', multiOf(INDUSTRY_AXIS_ROADS), {
  name_zh: '产业发展轴', name_en: 'Industrial development axes', accuracy: 'schematic', parent: 'gaogang', sources: cites(Q.industryAxis, Q.structure),
  method: 'The schematic centre-lines of the four named roads (长江大道、祥泰路、健康大道、创新大道) from the roads layer.',
  roads: INDUSTRY_AXIS_ROADS, axis_kind: 'industry',
});

// ---- structure
add('structure', 'core-city', coreCity.geometry, {
  name_zh: '城市核心区', name_en: 'City core', accuracy: 'schematic', parent: 'gaogang', sources: cites(Q.coreArea, Q.core, Q.structure),
  method: '002 gives no 四至: drawn as the block around the crossing of the 城市中轴带 (海陵南路) and the 周山河景观带, bounded by 凤凰路、泰州大道、海军大道、东风路 of the roads layer; it contains the 金融商务极.',
  structure_kind: 'core',
});
const poleMethod = (roads: string) => `Built from the roads layer: corners are the crossings of its four bounding roads (${roads}) and each edge follows that road's schematic centre-line.`;
add('structure', 'pole-finance', poleFinance.geometry, {
  name_zh: '金融商务极', name_en: 'Finance and business pole', accuracy: 'schematic', parent: 'core-city', sources: cites(Q.poleFinance, Q.financeSquare),
  method: poleMethod('N 凤凰路, W 泰州大道, S 周山河路, E 东风路'), structure_kind: 'pole',
  bounds: { north: 'road-fenghuang-road', west: 'road-taizhou-avenue', south: 'road-zhoushanhe-road', east: 'road-dongfeng-road' },
});
add('structure', 'pole-health', poleHealth.geometry, {
  name_zh: '健康服务极', name_en: 'Health services pole', accuracy: 'schematic', parent: 'gaogang', sources: cites(Q.poleHealth, Q.healthPole4),
  method: poleMethod('N 姜高路, W 海陵南路, S 健康大道, E 东风路'), structure_kind: 'pole',
  bounds: { north: 'road-jianggao-road', west: 'road-hailing-south-road', south: 'road-jiankang-avenue', east: 'road-dongfeng-road' },
});
add('structure', 'pole-hsr', poleHsr.geometry, {
  name_zh: '高铁枢纽极', name_en: 'High-speed rail hub pole', accuracy: 'schematic', parent: 'gaogang', sources: cites(Q.poleHsr, Q.hsrPole4),
  method: poleMethod('N 海军大道, W 东风路, S 药城大道, E S231南延段'), structure_kind: 'pole',
  bounds: { north: 'road-haijun-avenue', west: 'road-dongfeng-road', south: 'road-yaocheng-avenue', east: 'road-s231-south-extension' },
});
add('structure', 'zone-north', zoneNorth.geometry, {
  name_zh: '北部都市医药健康创新区', name_en: 'Northern urban medicine and health innovation area', accuracy: 'schematic', parent: 'gaogang',
  sources: cites(Q.zoneNorth, Q.twoCities),
  method: 'The district extent north of the schematic 京沪高速 and west of the schematic 泰镇高速 (both in the roads layer), as 002 defines it; 天禄湖, its stated core, has no known position.',
  structure_kind: 'city',
});
add('structure', 'zone-south', zoneSouth.geometry, {
  name_zh: '南部滨江港城融合发展区', name_en: 'Southern riverside port-city integration area', accuracy: 'schematic', parent: 'gaogang',
  sources: cites(Q.zoneSouth, Q.twoCities),
  method: 'The district land south of the schematic 京沪高速 and north of the Yangtze band (water layer), as 002 defines it; 凤栖湖, its stated core, has no known position.',
  structure_kind: 'city',
});

// ---- parks
const parkFeat = (id: string, g: Geometry, p: Pick<Props, 'name_zh' | 'name_en' | 'sources' | 'method'> & Record<string, unknown>) =>
  add('parks', id, g, { ...p, accuracy: 'schematic', parent: 'gaogang' } as Props);
parkFeat('park-biomed', parkBiomed.geometry, {
  name_zh: '生物医药产业园', name_en: 'Biomedicine Industrial Park (China Medical City)', sources: cites(Q.parkBiomed0, Q.parkBiomed2, Q.twoCores, Q.southwest),
  method: 'Block of the roads layer bounded by 海军大道 (N), 东风路 (E), 健康大道 (S) and 泰州大道 (W) around the 中国医药城 and 管委会 points (gazetteer); extent not published.',
  park_kind: 'park', aliases: ['生物医药产业园区', '中国医药城'],
});
parkFeat('park-chemical', parkChemical.geometry, {
  name_zh: '化学新材料产业园', name_en: 'Chemical New Materials Industrial Park', sources: cites(Q.parkChem0, Q.parkChem2, Q.chemPark4, Q.gaoyongApi),
  method: 'Two strips along the Yangtze bank (water layer): 滨江工业园 north of 春江湿地 and 高永化工园区 inland of the 永安 port strip south of the Taizhou Bridge; positions along the bank are illustrative.',
  park_kind: 'park', aliases: ['化学新材料产业园区'], components: ['滨江工业园', '高永化工园区'],
});
parkFeat('park-electronics', parkElectronics.geometry, {
  name_zh: '电子信息产业园（综合保税区）', name_en: 'Electronic Information Industrial Park (Comprehensive Bonded Zone)', sources: cites(Q.parkElec0, Q.parkElec2, Q.elecPark4, Q.industryAxis),
  method: 'Block of the roads layer bounded by 海军大道, 祥泰路, 健康大道 and 长江大道, on the industrial axis that 002 says links the 经济开发区; the real site is unknown.',
  park_kind: 'park', aliases: ['电子信息产业园区', '泰州经济开发区', '泰州综合保税区'],
});
parkFeat('park-equipment', parkEquipment.geometry, {
  name_zh: '高端装备制造产业园', name_en: 'High-end Equipment Manufacturing Industrial Park (Taizhou Port Economic Development Zone)', sources: cites(Q.parkEquip0, Q.parkEquip2, Q.equipPark4),
  method: 'Block of the roads layer bounded by 创新大道, 春兰路, 通港路 and 鼓楼南路（新港大道）between the CMC and the port; the real site is unknown.',
  park_kind: 'park', aliases: ['高端装备制造产业园区', '泰州港经济开发区'],
});
parkFeat('park-port', parkPort.geometry, {
  name_zh: '港口产业园', name_en: 'Port Industrial Park', sources: cites(Q.parkPort0, Q.parkPort2, Q.portPark4),
  method: 'Two strips along the Yangtze bank (water layer): the 高港 port area at 口岸 near the 引江河 mouth and the 永安 port area south of the Taizhou Bridge; positions along the bank are illustrative.',
  park_kind: 'park', aliases: ['港口物流园区', '港口物流产业园'],
});
parkFeat('kouan', kouan.geometry, {
  name_zh: '口岸街道', name_en: "Kou'an Subdistrict", sources: cites(Q.kouan0, Q.townsKouan),
  method: 'Schematic area around the 口岸街道 point (gazetteer): land between 港城路 (N) and 港口东路 (S), west of 高港大道, to the river; the real subdistrict boundary is unknown.',
  park_kind: 'subdistrict',
});

// ---- water
add('water', 'water-yangtze', yangtze.geometry, {
  name_zh: '长江', name_en: 'Yangtze River (Chang Jiang)', accuracy: 'schematic', parent: 'gaogang', sources: cites(Q.waterNet, Q.zoneSouth, Q.wetland),
  method: `Band between the DataV south-west boundary (which runs in the river) and a line ${YANGTZE_BAND_KM} km inland of it; the real bank line is unknown.`,
  water_kind: 'river', band_km: YANGTZE_BAND_KM,
});
// 引江河: the extent's west boundary from the 引江河 mouth north to the 凤凰路 cut, drawn 80 m inside.
const exRing = extent.geometry.coordinates[0].slice(0, -1);
const iM = nearestIdx(extent.geometry.coordinates[0], RIVER_EDGE_START);
const iN = nearestIdx(extent.geometry.coordinates[0], [119.851, cutLat]);
const pathBetween = (a: number, b: number): Position[] => { const out: Position[] = []; for (let i = a; ; i = (i + 1) % exRing.length) { out.push(exRing[i]); if (i === b) break; } return out; };
const p1 = pathBetween(iM, iN);
const p2 = pathBetween(iN, iM).reverse();
const westBoundary = line(turf.length(line(p1)) < turf.length(line(p2)) ? p1 : p2);
const yinjiang = clipLine(offsetInward(westBoundary, 0.08, extent), extent)!;
add('water', 'water-yinjiang', yinjiang, {
  name_zh: '引江河（泰州引江河）', name_en: 'Taizhou Yinjiang River (Yangtze diversion canal)', accuracy: 'schematic', parent: 'gaogang', sources: cites(Q.waterNet, Q.greenCorridors),
  method: 'The district\'s west boundary (DataV), assumed to follow the canal (estimates.csv rows 引江河), drawn 80 m inside it from the Yangtze to 凤凰路.',
  water_kind: 'river',
});
const riverFeat = (id: string, zh: string, en: string, coords: LngLat[], basis: string, extra: QuoteRef[] = []) =>
  add('water', id, clipLine(line(coords), extent)!, {
    name_zh: zh, name_en: en, accuracy: 'schematic', parent: 'gaogang', sources: cites(Q.waterNet, ...extra), method: basis, water_kind: 'river',
  });
riverFeat('water-nanguan', '南官河', 'Nanguan River', RIVERS.nanguan, 'Schematic line from the old city (estimates.csv 南官河) south, east of the 引江河, to the Yangtze at 口岸 (gazetteer 口岸街道); course not surveyed.');
riverFeat('water-chaixu', '柴墟河', 'Chaixu River', RIVERS.chaixu, 'Short schematic stub through old 口岸 (柴墟) at the estimates.csv 柴墟河 point; the real course is unknown.');
riverFeat('water-zhoushan', '周山河', 'Zhoushan River', RIVERS.zhoushan, 'Schematic E–W line through the estimates.csv 周山河 point, just north of the schematic 周山河路.', [Q.waterCorridor, Q.core]);
const tl = TIANDE_LAKE;
add('water', 'water-tiande-lake', turf.polygon([[
  [tl.center[0] - tl.halfWidthDeg, tl.center[1] - tl.halfHeightDeg], [tl.center[0] + tl.halfWidthDeg, tl.center[1] - tl.halfHeightDeg],
  [tl.center[0] + tl.halfWidthDeg, tl.center[1] + tl.halfHeightDeg], [tl.center[0] - tl.halfWidthDeg, tl.center[1] + tl.halfHeightDeg],
  [tl.center[0] - tl.halfWidthDeg, tl.center[1] - tl.halfHeightDeg],
]]).geometry, {
  name_zh: '天德湖', name_en: 'Tiande Lake', accuracy: 'schematic', parent: 'gaogang', sources: cites(Q.waterNet, Q.tiandePark, Q.lakeChain),
  method: 'Small quadrilateral symbol at the estimates.csv 天德湖 point, placed between 海军大道 and 周山河路; not the lake outline.',
  water_kind: 'lake',
});

// ---- green (polygons) and green corridors (lines)
const wetland = wetlandFor(JINJIANG_X);
add('green', 'green-chunjiang-wetland', wetland.geometry, {
  name_zh: '泰州春江湿地公园', name_en: 'Taizhou Chunjiang Wetland Park', accuracy: 'schematic', parent: 'gaogang', sources: cites(Q.wetland, Q.wetland4),
  method: 'Bounded by the Yangtze bank (W), the Taizhou Bridge expressway (S), 滨江路 (N) and 锦江路 (E) of the roads layer; 锦江路 placed so the enclosed area equals the stated 390 公顷.',
  stated_area_ha: 390, green_kind: 'wetland',
});
const corridor = (id: string, zh: string, en: string, g: LineString | MultiLineString, method: string, src: QuoteRef[], kind: string) =>
  add('green-corridors', id, g, { name_zh: zh, name_en: en, accuracy: 'schematic', parent: 'gaogang', sources: cites(Q.greenNet, ...src), method, green_kind: kind });
corridor('green-lake-chain', '中央湖链', 'Central lake chain', clipLine(line([tl.center, [119.915, 32.400], [119.905, 32.362], [119.892, 32.335], [119.878, 32.306]]), land)!,
  'Schematic line from 天德湖 (estimate) south along the 中轴 (parallel to 海陵南路/高港大道) to 口岸, where the 龙窝 community lies; 天禄湖 and 凤栖湖 have no known position.', [Q.lakeChain, Q.lakeChain4], 'chain');
corridor('green-zhoushan-belt', '周山河景观带', 'Zhoushan River landscape belt', clipLine(line(RIVERS.zhoushan), extent)!,
  'Follows the schematic 周山河 line of the water layer.', [Q.core], 'belt');
const dasi = gazWgs(gaz('大泗镇')), huzhuang = gazWgs(gaz('胡庄镇'));
corridor('green-east-belt', '东部田园风光带', 'Eastern pastoral landscape belt', clipLine(line([[119.962, 32.392], dasi, huzhuang, [120.062, 32.336]]), extent)!,
  'Schematic line through the 大泗镇 and 胡庄镇 points (gazetteer), on which 002 bases the eastern pastoral area.', [Q.eastBelt, Q.eastBeltTowns], 'belt');
corridor('green-yinjiang-corridor', '引江河绿廊', 'Yinjiang River green corridor', clipLine(offsetInward(line((yinjiang.type === 'LineString' ? yinjiang.coordinates : yinjiang.coordinates[0])), 0.3, extent), extent)!,
  'Parallel to the schematic 引江河 of the water layer, 0.3 km inland.', [Q.greenCorridors], 'corridor');
corridor('green-yangtze-corridor', '长江绿廊', 'Yangtze green corridor', clipLine(offsetInward(bank, 0.2, land), land)!,
  'Parallel to the schematic Yangtze bank (inner edge of the water layer\'s Yangtze band), 0.2 km inland.', [Q.greenCorridors], 'corridor');

// ---- zones
const cmcExt = ext('ext:cmc-public-descriptions');
const CMC_ZONES: Array<[string, string, string, number, number, QuoteRef[]]> = [
  ['zone-cmc-research', '科研开发区', 'Research and development zone', 0, 0, []],
  ['zone-cmc-manufacturing', '生产制造区', 'Production and manufacturing zone', 0, 1, [Q.parkBiomed2]],
  ['zone-cmc-expo', '会展交易区', 'Exhibition and trade zone', 1, 0, [Q.expoCentre]],
  ['zone-cmc-support', '综合配套区', 'Comprehensive services zone', 1, 1, []],
  ['zone-cmc-education', '教育教学区', 'Education zone', 2, 0, []],
  ['zone-cmc-health', '康健医疗区', 'Health and medical care zone', 2, 1, [Q.healthZone4]],
];
for (const [id, zh, en, col, row, src] of CMC_ZONES) {
  add('zones', id, cell(col, row, id).geometry, {
    name_zh: zh, name_en: en, accuracy: 'schematic', parent: 'park-biomed', sources: cites(cmcExt, ...src),
    method: 'One cell of a 3 × 2 split of the biomed park along 海陵南路、鼓楼南路 and 药城大道 (roads layer); which zone lies where is illustrative — no public map of the six zones was available.',
    zone_kind: 'cmc-functional-zone',
  });
}
add('zones', 'zone-southwest', zoneSouthwest.geometry, {
  name_zh: '西南片区', name_en: 'South-west area (biomed park expansion)', accuracy: 'schematic', parent: 'park-biomed', sources: cites(Q.southwest),
  method: `Bounded by 健康大道 (N), 海陵南路 (E) and 祥泰路 (W) of the roads layer, south-west of the biomed park; the south edge is an E–W line at ${SW_SOUTH_LAT}°N placed so the area equals the stated 3.29 km².`,
  stated_area_km2: 3.29, zone_kind: 'expansion-area',
});

// ---- subdistricts
const SUBDISTRICTS: Array<[string, string, QuoteRef[]]> = [
  ['口岸街道', 'subdistrict-kouan', [Q.townsKouan, Q.kouan0]],
  ['刁铺街道', 'subdistrict-diaopu', [Q.townsKouan]],
  ['许庄街道', 'subdistrict-xuzhuang', [Q.townXuzhuang]],
  ['沿江街道', 'subdistrict-yanjiang', []],
  ['寺巷街道', 'subdistrict-sixiang', [Q.townsSixiang]],
  ['明珠街道', 'subdistrict-mingzhu', [Q.townsFenghuang]],
  ['凤凰街道', 'subdistrict-fenghuang', [Q.townsFenghuang]],
  ['永安洲镇', 'town-yonganzhou', [Q.townsSixiang, Q.wetland]],
  ['白马镇', 'town-baima', [Q.townBaima]],
  ['胡庄镇', 'town-huzhuang', [Q.townHuzhuang]],
  ['大泗镇', 'town-dasi', [Q.townDasi]],
  ['野徐镇', 'town-yexu', []],
];
for (const [zh, id, src] of SUBDISTRICTS) {
  const row = gaz(zh);
  add('subdistricts', id, turf.point(gazWgs(row)).geometry, {
    name_zh: zh, name_en: row.name_en, accuracy: 'digitised', parent: 'gaogang', sources: cites(ext('ext:sanotsu-coordinates'), ...src),
    method: `gazetteer.csv row ${zh} (${row.crs} ${row.lon},${row.lat}, confidence ${row.confidence}) converted ${row.crs} → WGS84 with gcoord.`,
    kind: row.kind, confidence: row.confidence, crs_source: row.crs, gazetteer_source: row.source,
  });
}

// ---- nodes
const inside = (f: Feature<Polygon | MultiPolygon>, fx: number, fy: number): Position => {
  const [x0, y0, x1, y1] = turf.bbox(f);
  const p: Position = [x0 + fx * (x1 - x0), y0 + fy * (y1 - y0)];
  if (!turf.booleanPointInPolygon(turf.point(p), f)) throw new Error(`placement ${fx},${fy} outside`);
  return p;
};
const chemAmid = (t: number): Position => bankPoint(3.8 + t * (sBinjiang - 0.3 - 3.8), 0.8);
const node = (id: string, zh: string, en: string, p: Position, kind: string, parent: string | null, src: QuoteRef[], method: string, extra: Record<string, unknown> = {}) =>
  add('nodes', id, turf.point(p).geometry, { name_zh: zh, name_en: en, accuracy: 'schematic', parent, sources: cites(...src), method, kind, ...extra });
const PLACED = 'Placed inside its park for display; the real site is unknown.';
node('node-hsr-south-station', '泰州高铁南站（规划）', 'Taizhou South HSR station (planned)', NODE_POINTS['node-hsr-south-station'].lnglat, 'station', 'pole-hsr',
  [Q.hsrStation, Q.roadProjects], `${NODE_POINTS['node-hsr-south-station'].basis}.`, { status: 'planned', chains: [] });
node('node-drug-import-port', '泰州港药品进口口岸', 'Taizhou Port drug import port', NODE_POINTS['node-drug-import-port'].lnglat, 'port', 'park-port',
  [Q.drugPort0, Q.drugPort4], `${NODE_POINTS['node-drug-import-port'].basis}.`, { chains: ['chem-drugs', 'biopharma'] });
node('node-cmc-expo-centre', '中国医药城会展中心', 'China Medical City Exhibition Centre', NODE_POINTS['node-cmc-expo-centre'].lnglat, 'venue', 'zone-cmc-expo',
  [Q.expoCentre], `${NODE_POINTS['node-cmc-expo-centre'].basis}.`, { chains: [] });
node('node-kouan-diaohualou', '口岸雕花楼景区', "Kou'an Carved Building scenic area", NODE_POINTS['node-kouan-diaohualou'].lnglat, 'venue', 'kouan',
  [Q.diaohualou4], `${NODE_POINTS['node-kouan-diaohualou'].basis}.`, { chains: [] });
node('node-yangtze-river-pharma', '扬子江药业集团', 'Yangtze River Pharmaceutical Group', NODE_POINTS['node-yangtze-river-pharma'].lnglat, 'enterprise', 'kouan',
  [Q.kouan0, Q.yangtzeLeader, Q.yangtzePark], `${NODE_POINTS['node-yangtze-river-pharma'].basis}; the 扬子江药业集团企业园区 is one of 004's “双核”.`, { chains: ['chem-drugs', 'modern-tcm'] });
node('node-great-wall-motor', '长城汽车泰州基地', 'Great Wall Motor Taizhou plant', inside(parkEquipment, 0.5, 0.5), 'enterprise', 'park-equipment',
  [Q.parkEquip0, Q.kouan0], PLACED, { chains: ['nev', 'auto-parts'] });
node('node-lens', '蓝思精密', 'Lens Technology (Taizhou)', inside(parkElectronics, 0.5, 0.35), 'enterprise', 'park-electronics',
  [Q.lens], PLACED, { chains: ['electronic-info'] });
node('node-sanfu-shipbuilding', '三福船舶', 'Sanfu Shipbuilding', bankPoint(1.0, 0.3), 'enterprise', 'park-port', [Q.ships], PLACED, { chains: ['high-tech-ships'] });
node('node-kouan-shipbuilding', '口岸船舶', "Kou'an Shipbuilding", bankPoint(2.6, 0.3), 'enterprise', 'park-port', [Q.ships, Q.kouanShip], PLACED, { chains: ['high-tech-ships'] });
node('node-taizhou-petrochemical', '泰州石化', 'Taizhou Petrochemical', chemAmid(0.2), 'enterprise', 'park-chemical', [Q.chemLeaders], PLACED, { chains: ['petrochemicals'] });
node('node-cnooc-taizhou', '中海油气（泰州）', 'CNOOC Oil & Gas (Taizhou)', chemAmid(0.4), 'enterprise', 'park-chemical', [Q.zhonghaiyou], `${PLACED} 002 and 000 name it separately from 泰州石化.`, { chains: ['petrochemicals'] });
node('node-changqingshu', '常青树', 'Changqingshu (new materials)', chemAmid(0.6), 'enterprise', 'park-chemical', [Q.chemLeaders], PLACED, { chains: ['new-chemical-materials'] });
node('node-haiyang-nylon', '海阳锦纶', 'Haiyang Nylon', chemAmid(0.8), 'enterprise', 'park-chemical', [Q.chemLeaders], PLACED, { chains: ['new-chemical-materials'] });

// ---- 天禄湖, 凤栖湖, 龙窝湖: 002 names them (the 四湖 of the 中央湖链; 天禄湖 the core of the northern
// area, 凤栖湖 the core of the southern area, east of the 扬子江 industrial-tourism area) but no source gives a
// position or a size. They are drawn as points on the schematic lake chain, inside the area the text puts
// them in, and checked against it; a polygon would invent an area.
const d2l = (q: string): QuoteRef => ({ doc: '002', q });
const lakeChain = layers.get('green-corridors')!.find((f) => f.id === 'green-lake-chain')! as Feature<LineString | MultiLineString>;
const chainLine = (lakeChain.geometry.type === 'LineString' ? lakeChain : turf.lineString(lakeChain.geometry.coordinates[0])) as Feature<LineString>;
const chainKm = turf.length(chainLine);
const lakeOnChain = (id: string, zh: string, en: string, frac: number, zone: string | null, src: QuoteRef[], where: string) => {
  const p = turf.along(chainLine, chainKm * frac).geometry.coordinates;
  if (zone) {
    const z = layers.get('structure')!.find((f) => f.id === zone)! as Feature<Polygon | MultiPolygon>;
    if (!turf.booleanPointInPolygon(p, z)) throw new Error(`${id}: not inside ${zone}`);
  }
  add('nodes', id, turf.point(p).geometry, {
    name_zh: zh, name_en: en, accuracy: 'schematic', parent: zone ?? 'gaogang', sources: cites(Q.lakeChain, d2l('四湖：天德湖、天禄湖、凤栖湖、龙窝湖'), ...src),
    method: `Point on the schematic 中央湖链 (green-corridors) ${where}; 002 gives no position or size, so no lake outline is drawn.`, kind: 'lake',
  });
};
lakeOnChain('lake-tianlu', '天禄湖', 'Tianlu Lake', 0.3, 'zone-north', [d2l('重点建设以天禄湖为核心的北部都市医药')], 'inside the northern area it is the core of');
lakeOnChain('lake-fengqi', '凤栖湖', 'Fengqi Lake', 0.8, 'zone-south', [d2l('以凤栖湖为核心的南部滨江港城融合发展区'), d2l('建设环凤栖湖区域（扬子江工业旅游区东侧）的高港新城')], 'inside the southern area it is the core of');
lakeOnChain('lake-longwo', '龙窝湖', 'Longwo Lake', 1, null, [d2l('龙窝湖湿地为代表')], "at its southern end in 口岸, where the 龙窝 community lies (reference README)");

// ---- 004's big-health “2+4+N” layout: a symbol at each feature the text assigns a role
// (双核, 四园, 关键平台节点, 特色旅游节点, 生态休闲观光带). Symbols sit on the features they stand for.
const d4 = (q: string): QuoteRef => ({ doc: '004', q });
const LAYOUT_METHOD = 'Symbol placed on the feature 004 assigns this role to (parent); it marks a role, not a separate site.';
const onFeature = (layer: string, id: string): Position => {
  const f = layers.get(layer)!.find((x) => x.id === id);
  if (!f) throw new Error(`health-layout: no ${layer}/${id}`);
  return turf.pointOnFeature(f as Feature<Geometry>).geometry.coordinates;
};
const layoutPoint = (id: string, zh: string, en: string, p: Position, role: string, parent: string, src: QuoteRef[], method = LAYOUT_METHOD) =>
  add('health-layout', id, turf.point(p).geometry, { name_zh: zh, name_en: en, accuracy: 'schematic', parent, sources: cites(...src), method, role });
const twoCores = d4('以生物医药产业园区与扬子江药业集团企业园区为“双核”');
const fourParks = d4('四大产业园区为支撑');
layoutPoint('hl-core-biomed', '双核·生物医药产业园区', 'Twin core: biomedicine park', onFeature('parks', 'park-biomed'), 'core', 'park-biomed', [twoCores]);
layoutPoint('hl-core-yangtze', '双核·扬子江药业集团企业园区', 'Twin core: Yangtze River Pharmaceutical Group campus', onFeature('nodes', 'node-yangtze-river-pharma'), 'core', 'kouan', [twoCores, Q.yangtzePark],
  `${LAYOUT_METHOD} The campus has no drawn boundary; the symbol sits on the group's (estimated) point.`);
layoutPoint('hl-park-port', '四园·港口物流产业园', 'Four parks: port logistics park', onFeature('parks', 'park-port'), 'park', 'park-port', [fourParks, d4('港口物流产业园。发展粮油食品精深加工')]);
layoutPoint('hl-park-chemical', '四园·化学新材料产业园', 'Four parks: chemical new-materials park', onFeature('parks', 'park-chemical'), 'park', 'park-chemical', [fourParks, d4('化学新材料产业园。以食品级白油及健康新材料为发展重点')]);
layoutPoint('hl-park-electronics', '四园·电子信息产业园（综合保税区）', 'Four parks: electronics park (bonded zone)', onFeature('parks', 'park-electronics'), 'park', 'park-electronics', [fourParks, d4('电子信息产业园（综合保税区）。发力智能穿戴电子设备')]);
layoutPoint('hl-park-equipment', '四园·高端装备制造产业园', 'Four parks: high-end equipment park', onFeature('parks', 'park-equipment'), 'park', 'park-equipment', [fourParks, d4('高端装备制造产业园。打造以高端功能性食品为主导的大健康产业体系')]);
layoutPoint('hl-node-hsr', '关键平台节点·高铁枢纽极', 'Platform node: HSR hub pole', onFeature('structure', 'pole-hsr'), 'platform-node', 'pole-hsr', [d4('依托泰州高铁枢纽极，实施渐进式城镇化开发')]);
layoutPoint('hl-node-drug-port', '关键平台节点·药品进口口岸', 'Platform node: drug import port', onFeature('nodes', 'node-drug-import-port'), 'platform-node', 'node-drug-import-port', [d4('充分释放药品进口口岸红利')]);
layoutPoint('hl-node-health-pole', '关键平台节点·健康服务极', 'Platform node: health services pole', onFeature('structure', 'pole-health'), 'platform-node', 'pole-health', [d4('加快推进健康服务极内涵式发展')]);
const tourism = d4('以大泗中药科技园、爱情海欢乐田园、胡庄健康农业园为主的生态田园游景点');
layoutPoint('hl-tour-diaohualou', '特色旅游节点·口岸雕花楼景区', 'Tourism node: Kou\'an Diaohualou scenic area', onFeature('nodes', 'node-kouan-diaohualou'), 'tourism-node', 'node-kouan-diaohualou', [d4('整合口岸雕花楼景区')]);
layoutPoint('hl-tour-dasi', '特色旅游节点·大泗中药科技园', 'Tourism node: Dasi TCM science park', onFeature('subdistricts', 'town-dasi'), 'tourism-node', 'town-dasi', [tourism],
  'Symbol on the 大泗镇 point: 004 names the park in 大泗 but gives no location within the town.');
layoutPoint('hl-tour-huzhuang', '特色旅游节点·胡庄健康农业园', 'Tourism node: Huzhuang health agriculture park', onFeature('subdistricts', 'town-huzhuang'), 'tourism-node', 'town-huzhuang', [tourism],
  'Symbol on the 胡庄镇 point: 004 names the park in 胡庄 but gives no location within the town.');
layoutPoint('hl-belt-eco', '生态休闲观光带', 'Ecological leisure and sightseeing belt', onFeature('green-corridors', 'green-lake-chain'), 'belt', 'green-lake-chain',
  [d4('结合天德湖、凤栖湖及天禄湖等城市中央湖链，打造集红色文化、生态科普、森林拓展、湖泊湿地为一体的生态休闲观光带')],
  'Symbol on the 中央湖链 corridor (green-corridors), which 004 says the belt follows.');

// ---- sites
const chemBmid = (t: number): Position => bankPoint(sBridge + 0.6 + t * 3.6, 1.6);
const site = (id: string, zh: string, en: string, p: Position, parent: string, status: string, land_use: string, src: QuoteRef[], method: string, extra: Record<string, unknown> = {}) =>
  add('sites', id, turf.point(p).geometry, { name_zh: zh, name_en: en, accuracy: 'schematic', parent, sources: cites(...src), method, status, land_use, ...extra });
site('site-former-wistron', '原纬创地块', 'Former Wistron plot', inside(parkElectronics, 0.5, 0.65), 'park-electronics', 'available', 'industrial (整机组装 / whole-device assembly)',
  [Q.wistron], `${PLACED} 000 asks to 盘活 (revitalise) it.`);
site('site-southwest', '西南片区', 'South-west area', turf.centroid(zoneSouthwest).geometry.coordinates, 'park-biomed', 'planned', 'industrial (biomedicine)',
  [Q.southwest], 'Centroid of the schematic zone-southwest polygon (zones layer).', { zone: 'zone-southwest', stated_area_km2: 3.29 });
const GAOYONG_NOTE = '004 lists these plots under 港口物流产业园 (原料药); 002 places 高永化工园区 in 化学新材料产业园区. Drawn in the 高永 strip of park-chemical.';
site('site-haiji', '海济地块', 'Haiji plot', chemBmid(0.25), 'park-chemical', 'reserved', 'industrial (原料药 / APIs)', [Q.gaoyongPlots], `${PLACED}`, { note: GAOYONG_NOTE });
site('site-longfengtang', '龙凤堂地块', 'Longfengtang plot', chemBmid(0.5), 'park-chemical', 'reserved', 'industrial (原料药 / APIs)', [Q.gaoyongPlots], `${PLACED}`, { note: GAOYONG_NOTE });
site('site-shengsen', '圣森地块', 'Shengsen plot', chemBmid(0.75), 'park-chemical', 'reserved', 'industrial (原料药 / APIs)', [Q.gaoyongPlots], `${PLACED}`, { note: GAOYONG_NOTE });
// No document states an area for 原纬创、海济、龙凤堂、圣森 and none is drawn: they stay points, and the API reports
// their area as not stated. A point site may name the polygon it stands for (`zone`): GET /api/sites measures
// that polygon with PostGIS, so it must exist and contain the point.
for (const f of layers.get('sites')!) {
  const zone = f.properties.zone;
  if (typeof zone !== 'string') continue;
  const poly = [...layers.values()].flat().find((x) => x.id === zone);
  if (!poly || (poly.geometry.type !== 'Polygon' && poly.geometry.type !== 'MultiPolygon')) throw new Error(`${f.id}: zone ${zone} is not a polygon feature`);
  if (!turf.booleanPointInPolygon(turf.point((f.geometry as { coordinates: Position }).coordinates), poly.geometry)) throw new Error(`${f.id}: point lies outside its zone ${zone}`);
}

// ---------------------------------------------------------------------------------------------
// 7. Checks
// ---------------------------------------------------------------------------------------------
let failures = 0;
const fail = (msg: string) => { failures++; console.log(`  FAIL ${msg}`); };
const extentLines = turf.flatten(turf.polygonToLine(extent) as Feature<LineString>).features as Feature<LineString>[];
const outsideMetres = (p: Position): number =>
  turf.booleanPointInPolygon(turf.point(p), extent) ? 0 : Math.min(...extentLines.map((b) => turf.pointToLineDistance(turf.point(p), b) * 1000));
const allCoords = (g: Geometry): Position[] => turf.coordAll(g as never);

console.log('\n== validity and containment (tolerance 1 m for vertices on the extent boundary) ==');
const ids = new Set<string>();
for (const [layer, feats] of layers) {
  let worst = 0;
  for (const f of feats) {
    if (ids.has(f.id)) fail(`duplicate id ${f.id}`);
    ids.add(f.id);
    if (!turf.booleanValid(f.geometry as never)) fail(`${layer}/${f.id} invalid geometry`);
    if (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') {
      const k = turf.kinks(f as never).features.length;
      if (k) fail(`${layer}/${f.id} has ${k} self-intersections at ${JSON.stringify(turf.kinks(f as never).features.map((x) => x.geometry.coordinates))}`);
    }
    if (layer !== 'district' && layer !== 'neighbours') {
      const m = Math.max(...allCoords(f.geometry).map(outsideMetres));
      worst = Math.max(worst, m);
      if (m > 1) fail(`${layer}/${f.id} extends ${m.toFixed(1)} m outside the extent`);
    }
  }
  console.log(`  ${layer.padEnd(16)} ${String(feats.length).padStart(3)} features, valid${layer === 'district' || layer === 'neighbours' ? '' : `, max outside ${worst.toFixed(2)} m`}`);
}

console.log('\n== quotes ==');
let nQuotes = 0;
const extQuote = new Map<string, string>(EXTERNAL_SOURCES.map((e) => [e.id, e.quote]));
for (const feats of layers.values()) for (const f of feats) for (const c of f.properties.sources) {
  nQuotes++;
  if (c.doc.startsWith('ext:')) { if (extQuote.get(c.doc) !== c.quote) fail(`${f.id}: ext quote mismatch ${c.doc}`); continue; }
  if (!docNorm.get(c.doc)!.text.includes(norm(c.quote))) fail(`${f.id}: quote not in ${c.doc}`);
}
console.log(`  ${nQuotes} citations checked`);

console.log('\n== areas (geodesic, turf.area) ==');
const area = (label: string, g: Feature<Polygon | MultiPolygon> | Geometry, target?: number, tol?: number) => {
  const a = areaKm2(g);
  let s = `  ${label.padEnd(34)} ${a.toFixed(3).padStart(9)} km²`;
  if (target !== undefined && tol !== undefined) {
    const dev = (a - target) / target;
    s += `   target ${target} ±${tol * 100}% → ${(dev * 100).toFixed(2)}%`;
    if (Math.abs(dev) > tol) fail(`${label} area ${a.toFixed(3)} outside ${target} ±${tol * 100}%`);
  }
  console.log(s);
};
area('gaogang-datav-2021', gaogangDv);
area('海陵区 part south of 凤凰路', hailingSouth);
area('gaogang (current extent)', extent, EXTENT_TARGET, 0.02);
area('green-chunjiang-wetland', wetland, WETLAND_TARGET_KM2, 0.02);
area('zone-southwest', zoneSouthwest, SOUTHWEST_TARGET_KM2, 0.01);
for (const layer of ['structure', 'parks', 'zones', 'water', 'green']) for (const f of layers.get(layer) ?? []) {
  if (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') area(`${layer}/${f.id}`, f.geometry);
}
area('CMC six zones (sum)', union(CMC_ZONES.map(([id]) => turf.feature(layers.get('zones')!.find((f) => f.id === id)!.geometry) as Feature<Polygon>), 'cmc'));

console.log('\n== pole edges lie on their bounding roads ==');
for (const f of layers.get('structure')!.filter((x) => x.properties.structure_kind === 'pole')) {
  const b = f.properties.bounds as Record<string, string>;
  const roadsOf = Object.values(b).map((id) => roadGeom.get(id)!);
  const d = (p: Position) => Math.min(...roadsOf.map((g) => turf.pointToLineDistance(turf.point(p), turf.feature(g) as never) * 1000));
  const worst = Math.max(...allCoords(f.geometry).map(d));
  console.log(`  ${f.id.padEnd(14)} max vertex distance to its four roads ${worst.toFixed(2)} m`);
  if (worst > 1) fail(`${f.id} edge off its roads by ${worst.toFixed(1)} m`);
}

console.log('\n== bboxes ==');
for (const [layer, feats] of layers) console.log(`  ${layer.padEnd(16)} ${turf.bbox(turf.featureCollection(feats)).map((v) => v.toFixed(4)).join(', ')}`);
console.log(`\n  solved: 锦江路 at ${JINJIANG_X}°E; 西南片区 south edge at ${SW_SOUTH_LAT}°N; bank length ${bankLen.toFixed(2)} km; bridge at s=${sBridge.toFixed(2)} km; 滨江路 at s=${sBinjiang.toFixed(2)} km`);

if (failures) { console.log(`\n${failures} check(s) FAILED — nothing written.`); process.exit(1); }

// ---------------------------------------------------------------------------------------------
// 8. Write
// ---------------------------------------------------------------------------------------------
interface LayerMeta { id: string; title_zh: string; title_en: string; theme: string; kind: string; geometry_type: 'polygon' | 'line' | 'point'; sort: number; style: Record<string, unknown>; description_zh: string; description_en: string }
const LAYERS: LayerMeta[] = [
  { id: 'neighbours', title_zh: '周边区县', title_en: 'Neighbouring districts', theme: 'basemap', kind: 'district', geometry_type: 'polygon', sort: 0,
    style: { color: '#9e9e9e', fillOpacity: 0.05, lineWidth: 1, labels: true, visible: true },
    description_zh: '泰州市其他五个区（市）的 DataV 边界（约2021年，GCJ-02 转 WGS84），仅作底图参照。', description_en: 'The other five districts of Taizhou from DataV (c. 2021, GCJ-02 converted to WGS84), for context only.' },
  { id: 'district', title_zh: '行政范围', title_en: 'District extent', theme: 'administrative', kind: 'district', geometry_type: 'polygon', sort: 10,
    style: { color: '#37474f', fillOpacity: 0.0, lineWidth: 2.5, labels: false, visible: true, featureColors: { 'gaogang-datav-2021': '#b0bec5', gaogang: '#37474f' } },
    description_zh: '当前范围（7街道+5镇，402.87平方公里）为示意：DataV 高港区与海陵区南部（寺巷、明珠、凤凰街道）合并；另附约2021年 DataV 高港区边界。', description_en: 'Current extent (7 subdistricts + 5 towns, 402.87 km²), schematic: DataV 高港区 plus the south of DataV 海陵区 (寺巷、明珠、凤凰); the c. 2021 DataV boundary is included for comparison.' },
  { id: 'water', title_zh: '水系', title_en: 'Water', theme: 'networks', kind: 'water', geometry_type: 'polygon', sort: 20,
    style: { color: '#4fa3d9', fillOpacity: 0.45, lineWidth: 2, labels: true, visible: true },
    description_zh: '“一江四河连四湖”示意：长江、引江河、南官河、柴墟河、周山河、天德湖。', description_en: 'The “one river, four canals, four lakes” water system, schematic: Yangtze, 引江河, 南官河, 柴墟河, 周山河 and 天德湖.' },
  { id: 'green', title_zh: '生态绿地', title_en: 'Green areas', theme: 'networks', kind: 'green', geometry_type: 'polygon', sort: 25,
    style: { color: '#66bb6a', fillOpacity: 0.35, lineWidth: 1, labels: true, visible: true },
    description_zh: '泰州春江湿地公园（390公顷）示意范围。', description_en: 'Taizhou Chunjiang Wetland Park (390 ha), schematic.' },
  { id: 'green-corridors', title_zh: '生态网络（一链两带两廊）', title_en: 'Green network (one chain, two belts, two corridors)', theme: 'networks', kind: 'green-corridor', geometry_type: 'line', sort: 26,
    style: { color: '#2e7d32', lineWidth: 4, labels: true, visible: false },
    description_zh: '“一链两带两廊”：中央湖链、周山河景观带、东部田园风光带、引江河绿廊、长江绿廊（示意线）。', description_en: '“One chain, two belts, two corridors”: central lake chain, 周山河 belt, eastern pastoral belt, 引江河 and Yangtze green corridors (schematic lines).' },
  { id: 'roads', title_zh: '道路（十五横八纵）', title_en: 'Roads (15 east–west, 8 north–south)', theme: 'networks', kind: 'road', geometry_type: 'line', sort: 30,
    style: { color: '#8d6e63', lineWidth: 2, labels: true, visible: true, featureColors: { 'road-jinghu-expressway': '#e65100', 'road-taizhen-expressway': '#e65100', 'road-s231-south-extension': '#ef6c00' } },
    description_zh: '“十五横八纵”道路及界定三极、两城的道路，示意线，非测绘。', description_en: 'The “15 + 8” road network and the roads that bound the poles and the two cities; schematic centre-lines, not surveyed.' },
  { id: 'zones', title_zh: '功能分区', title_en: 'Functional zones', theme: 'zones', kind: 'zone', geometry_type: 'polygon', sort: 40,
    style: { color: '#ab47bc', fillOpacity: 0.25, lineWidth: 1, labels: true, visible: false, featureColors: { 'zone-southwest': '#d81b60' } },
    description_zh: '中国医药城六大功能区（位置为示意）及生物医药产业园西南片区（3.29平方公里）。', description_en: "China Medical City's six functional zones (arrangement illustrative) and the biomed park's 3.29 km² south-west area." },
  { id: 'parks', title_zh: '产业园区', title_en: 'Industrial parks', theme: 'parks', kind: 'park', geometry_type: 'polygon', sort: 50,
    style: { color: '#1e88e5', fillOpacity: 0.3, lineWidth: 1.5, labels: true, visible: true, featureColors: {
      'park-biomed': '#e53935', 'park-chemical': '#8e24aa', 'park-electronics': '#1e88e5', 'park-equipment': '#fb8c00', 'park-port': '#00897b', kouan: '#6d4c41' } },
    description_zh: '五大产业园及口岸街道（示意范围，非规划红线）。', description_en: 'The five industrial parks and 口岸街道 (schematic extents, not planning boundaries).' },
  { id: 'structure', title_zh: '空间结构（一核三极、双城）', title_en: 'Spatial structure (one core, three poles, two cities)', theme: 'structure', kind: 'pole', geometry_type: 'polygon', sort: 60,
    style: { color: '#f4511e', fillOpacity: 0.2, lineWidth: 2, labels: true, visible: false, featureColors: {
      'core-city': '#ffb300', 'pole-finance': '#f4511e', 'pole-health': '#43a047', 'pole-hsr': '#5e35b1', 'zone-north': '#90a4ae', 'zone-south': '#4db6ac' } },
    description_zh: '“一核三极、双城多轴”：三极按“十四五”规划四至由道路围合。', description_en: '“One core, three poles, two cities, multiple axes”; the poles are enclosed by the roads the 14th five-year plan names as their bounds.' },
  { id: 'axes', title_zh: '发展轴', title_en: 'Development axes', theme: 'structure', kind: 'axis', geometry_type: 'line', sort: 65,
    style: { color: '#d84315', lineWidth: 5, labels: true, visible: false, featureColors: { 'axis-urban': '#d84315', 'axis-industry': '#1565c0' } },
    description_zh: '城市发展轴与产业发展轴，沿规划所列道路。', description_en: 'Urban and industrial development axes along the roads the plan names.' },
  { id: 'sites', title_zh: '待开发地块', title_en: 'Development sites', theme: 'sites', kind: 'site', geometry_type: 'point', sort: 70,
    style: { color: '#c62828', labels: true, visible: false },
    description_zh: '文件点名的可盘活或待开发地块（位置为示意）。', description_en: 'Plots the documents name as available or to be developed (positions schematic).' },
  { id: 'health-layout', title_zh: '大健康“2+4+N”布局', title_en: 'Big-health “2+4+N” layout', theme: 'structure', kind: 'layout', geometry_type: 'point', sort: 47,
    style: { color: '#ad1457', labels: true, visible: false },
    description_zh: '004 的“双核驱动、四园支撑、点带协同”：符号标在文件赋予该角色的要素上（示意）。', description_en: "004's twin cores, four parks, nodes and belt: symbols on the features the plan gives each role (schematic)." },
  { id: 'nodes', title_zh: '重要节点与链主企业', title_en: 'Key nodes and chain-leader firms', theme: 'nodes', kind: 'node', geometry_type: 'point', sort: 80,
    style: { color: '#283593', labels: true, visible: true },
    description_zh: '高铁南站、药品进口口岸、会展中心及链主企业（多数位置为示意）。', description_en: 'HSR station, drug import port, expo centre and chain-leader enterprises (most positions schematic).' },
  { id: 'subdistricts', title_zh: '镇街驻地', title_en: 'Towns and subdistricts', theme: 'administrative', kind: 'subdistrict', geometry_type: 'point', sort: 85,
    style: { color: '#455a64', labels: true, visible: true },
    description_zh: '7个街道、5个镇的代表点（百度 POI，BD-09 转 WGS84）。', description_en: 'Representative points of the 7 subdistricts and 5 towns (Baidu POIs, BD-09 converted to WGS84).' },
];
for (const l of LAYERS) if (!layers.has(l.id)) throw new Error(`layer ${l.id} has no features`);
for (const id of layers.keys()) if (!LAYERS.find((l) => l.id === id)) throw new Error(`layer ${id} missing from catalogue`);

const writeFc = (file: string, feats: AtlasFeature[]) => {
  const clean = feats.map((f) => ({ type: 'Feature', id: f.id, properties: Object.fromEntries(Object.entries(f.properties).filter(([, v]) => v !== undefined)), geometry: f.geometry }));
  fs.writeFileSync(file, `{"type":"FeatureCollection","features":[\n${clean.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`);
};
for (const l of LAYERS) writeFc(path.join(GEODATA, `${l.id}.geojson`), layers.get(l.id)!);
fs.writeFileSync(path.join(GEODATA, 'layers.json'), `${JSON.stringify(LAYERS, null, 2)}\n`);
fs.writeFileSync(path.join(GEODATA, 'external-sources.json'), `${JSON.stringify(EXTERNAL_SOURCES, null, 2)}\n`);
fs.mkdirSync(path.join(GEODATA, 'reference'), { recursive: true });
for (const f of ['gaogang-district-boundary.geojson', 'gaogang-321203-alt-2019-tnnevol-gmap.json']) {
  const dest = path.join(GEODATA, 'reference', f);
  if (fs.existsSync(dest)) fs.chmodSync(dest, 0o644);
  fs.copyFileSync(path.join(REF, f), dest);
  fs.chmodSync(dest, 0o644); // the source is read-only; keep the copy writable for the next build
  const sha = crypto.createHash('sha256').update(fs.readFileSync(path.join(GEODATA, 'reference', f))).digest('hex');
  console.log(`  copied reference/${f} sha256 ${sha}`);
}
console.log(`\nwrote ${LAYERS.length} layers, ${[...layers.values()].reduce((n, f) => n + f.length, 0)} features to ${path.relative(ROOT, GEODATA)}/`);
