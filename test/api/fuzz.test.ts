import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { createApp } from '../../server/src/app.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { signIn, type Session } from '../support/session.js';
import { listRoutes, routeParams, tableChecksums, type RouteInfo } from '../support/routes.js';
import { testEngine } from '../support/engine.js';

/**
 * A seeded, bounded fuzz run across every route Express knows: hostile GeoJSON, broken and mislabelled
 * uploads, bad query parameters, bad ids, bad versions, bad or missing CSRF. Every request is built to be
 * invalid (or a read), so afterwards every table must be byte-for-byte what it was — including history,
 * the audit log, sessions and import staging (failed requests write no audit rows: only successful
 * changes are audited). Sequence counters are not data and may advance (PostgreSQL never rolls them back).
 *
 * FUZZ_SEED and FUZZ_COUNT run it bigger: FUZZ_COUNT=100000 FUZZ_SEED=7 npx vitest run … test/api/fuzz.test.ts
 */
const engine = testEngine();
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
/** 10,000 on PostgreSQL; the embedded engine runs every query on one backend and gets fewer in CI (FUZZ_COUNT overrides). */
const COUNT = Number(process.env.FUZZ_COUNT ?? (engine === 'postgres' ? 10_000 : 3_000));
const CONCURRENCY = 8;
/** Requests per read route (the rest go to write routes). */
const READ_CAP = Math.max(12, Math.round(COUNT / 800));

/** mulberry32: a small seeded PRNG so a failing run can be replayed exactly. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)];
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof prng>;

// ---------------------------------------------------------------- hostile values

const HOSTILE_STRINGS = [
  "' OR '1'='1", "1; DROP TABLE features;--", "x' UNION SELECT password_hash FROM users--", '../../../../etc/passwd', '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '\u0000', 'a\u0000b', '<script>alert(1)</script>', 'A'.repeat(5000), '', ' ', 'NaN', '-1', '1e309',
  '😀😀', '\uD800', '${jndi:ldap://x/a}', '{{7*7}}', '%', 'null', '[object Object]', '__proto__', 'constructor', 'UPPER-CASE', 'Ω-id',
  'id with space', 'a/b', '\r\nX-Injected: 1', '0x7fffffff', '-0', '9'.repeat(40), '.', '..', 'a'.repeat(81),
];
const HOSTILE_NUMBERS = ['-1', '0', '-0', '1.5', '1e99', '99999999999999999999', 'NaN', 'Infinity', '-Infinity', '0x10', '', ' 1', '1,2', '١٢'];
const HOSTILE_BBOX = [
  '-200,-100,200,100', '181,0,182,1', '0,91,1,92', '10,10,0,0', '1,2,3', '1,2,3,4,5', 'a,b,c,d', 'NaN,NaN,NaN,NaN', '1e309,0,1e309,1',
  '-180,-90,180,90,0', '119.9,32.2,119.9', ',,,', '0,0,0,0,0,0,0', '119,32,120,33 OR 1=1', "119,32,120,33'--",
];
const QUERY_NAMES = ['bbox', 'limit', 'offset', 'layer', 'ids', 'format', 'crs', 'bbox-crs', 'q', 'lang', 'datetime', 'f', 'geometry', 'makeValid', 'year', 'layers', 'id', 'zoom', 'properties', 'filter', 'sortby', 'scope', 'chain', 'kind', 'park', 'site'];
const IF_MATCH_BAD = ['"abc"', '*', 'W/"x"', '"-1"', '"1.5"', '"99999999999"', '"1", "2"', '', '"', 'null', '"0"', '"999999999"'];

const ring = (n: number, cx = 119.95, cy = 32.25, r = 0.01) => {
  const pts = Array.from({ length: n }, (_, i) => [cx + r * Math.cos((2 * Math.PI * i) / n), cy + r * Math.sin((2 * Math.PI * i) / n)]);
  pts.push(pts[0]);
  return pts;
};
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

/** Geometries no layer may accept. */
const HOSTILE_GEOMETRIES: unknown[] = [
  { type: 'Polygon', coordinates: [[[119.9, 32.2], [120, 32.3], [120, 32.2], [119.9, 32.3], [119.9, 32.2]]] }, // bow-tie
  { type: 'Polygon', coordinates: [[119.9, 32.2], [120, 32.3], [120, 32.2], [119.9, 32.2]] }, // one nesting level short
  { type: 'MultiPolygon', coordinates: [[[119.9, 32.2], [120, 32.3], [120, 32.2], [119.9, 32.2]]] }, // polygon nesting in a multi
  { type: 'Polygon', coordinates: [[[1e300, 1e300], [-1e300, 1e300], [0, -1e300], [1e300, 1e300]]] },
  { type: 'Polygon', coordinates: [[[119.9, 32.2], [120, 32.3], [119.9, 32.2]]] }, // too few points
  { type: 'Polygon', coordinates: [[[119.9, 32.2], [120, 32.3], [120, 32.2], [119.8, 32.1]]] }, // not closed
  { type: 'Polygon', coordinates: [[['119.9', '32.2'], ['120', '32.3'], ['120', '32.2'], ['119.9', '32.2']]] },
  { type: 'Polygon', coordinates: [[[null, null], [null, 1], [1, null], [null, null]]] },
  { type: 'Polygon', coordinates: [] },
  { type: 'Polygon', coordinates: [[[200, 95], [201, 95], [201, 96], [200, 95]]] }, // out of WGS84 range
  { type: 'Point', coordinates: [119.9, 32.2] }, // wrong type for polygon layers (and a valid point: only in polygon PATCH)
  { type: 'GeometryCollection', geometries: [{ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 2] }] }] },
  { type: 'Feature', geometry: { type: 'Polygon', coordinates: [] } },
  { type: 'Circle', coordinates: [119.9, 32.2], radius: 100 },
  { type: 'Polygon', coordinates: 'POLYGON((0 0,1 1,1 0,0 0))' },
  { type: 'Polygon', coordinates: [[[119.9, 32.2, 1, 2, 3, 4], [120, 32.3], [120, 32.2], [119.9, 32.2]]] },
  { type: 'Polygon', coordinates: [ring(4), [[0, 0], [1, 1], [1, 0], [0, 0]]] }, // hole outside the shell
  { type: 'Polygon', crs: { type: 'name', properties: { name: 'EPSG:3857' } }, coordinates: [[[1e7, 1e7], [1.1e7, 1e7], [1e7, 1.1e7], [1e7, 1e7]]] },
];
/** Big and slow to check: sent now and then, not every time. */
const HEAVY_GEOMETRY = { type: 'Polygon', coordinates: [ring(150_000)] }; // too many vertices (≈4 MB of JSON)
const geometryOf = (rng: Rng) => (rng.chance(0.01) ? HEAVY_GEOMETRY : rng.pick(HOSTILE_GEOMETRIES));

/** Raw JSON texts: broken, NaN, huge, deeply nested, 10^6 vertices (beyond the 25 MB body limit). */
let MILLION_VERTICES = '';
const rawBodies = () => [
  '{"geometry": {"type": "Polygon", "coordinates": [[[NaN, 1], [2, 3], [4, 5], [NaN, 1]]]}}',
  '{"geometry": {"type": "Point", "coordinates": [Infinity, 1]}}',
  '{"name_zh": "x", ', '{', '[', 'null', 'true', '12', '"text"', '{"a":1}{"b":2}', '\uFEFF{"a":', '{"a":"\\ud800"}',
  `{"geometry": {"type": "Polygon", "coordinates": ${deep(5000)}}}`, deep(100_000), `{"properties": ${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`,
  '{"geometry": {"type": "Polygon", "coordinates": [[[1e999, 1], [2, 3], [4, 5], [1e999, 1]]]}}',
  '{"__proto__": {"admin": true}, "geometry": null}', '{"constructor": {"prototype": {"x": 1}}}',
  MILLION_VERTICES,
];

// ---------------------------------------------------------------- uploads

/** stage: hostile but readable — by design the upload becomes a draft whose preview names the problem (CRS unknown, bad text). */
interface UploadCase { name: string; data: Uint8Array; fields: Record<string, string>; stage?: boolean; heavy?: boolean }
let uploads: UploadCase[] = [];

function buildUploads(shpZip: Uint8Array | null, layer: string): UploadCase[] {
  const u: UploadCase[] = [];
  const fc = (geom: unknown) => strToU8(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'x' }, geometry: geom }] }));
  u.push({ name: 'truncated.geojson', data: strToU8('{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Pol'), fields: { layer } });
  u.push({ name: 'nan.geojson', data: strToU8('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[NaN,1]}}]}'), fields: { layer } });
  u.push({ name: 'deep.geojson', data: strToU8(`{"type":"FeatureCollection","features":${deep(50_000)}}`), fields: { layer }, stage: true }); // one unreadable item
  u.push({ name: 'million.geojson', data: fc({ type: 'Polygon', coordinates: [ring(1_000_000)] }), fields: { layer }, heavy: true });
  u.push({ name: 'empty.geojson', data: new Uint8Array(0), fields: { layer } });
  u.push({ name: 'nofeatures.geojson', data: strToU8('{"type":"FeatureCollection","features":[]}'), fields: { layer } });
  u.push({ name: 'wrongtype.geojson', data: strToU8('{"type":"Topology","objects":{}}'), fields: { layer } });
  u.push({ name: 'bowtie.geojson', data: fc(HOSTILE_GEOMETRIES[0]), fields: { layer: '../../etc/passwd' } });
  u.push({ name: 'bowtie.geojson', data: fc(HOSTILE_GEOMETRIES[0]), fields: { layer, crs: 'EPSG:99999' } });
  u.push({ name: 'bowtie.geojson', data: fc(HOSTILE_GEOMETRIES[0]), fields: { layer, encoding: 'EBCDIC-bogus' } });
  u.push({ name: 'bowtie.geojson', data: fc(HOSTILE_GEOMETRIES[0]), fields: {} });
  u.push({ name: 'image.kml', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), fields: { layer } });
  u.push({ name: 'lol.kml', data: strToU8(`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]><kml><Document><Placemark><name>&lol3;&xxe;</name></Placemark></Document></kml>`), fields: { layer } });
  u.push({ name: 'broken.kml', data: strToU8('<kml><Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>1,2 3,4'), fields: { layer } });
  u.push({ name: 'random.gpkg', data: Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) & 255), fields: { layer } });
  u.push({ name: 'sqlite.gpkg', data: strToU8('SQLite format 3\u0000' + 'x'.repeat(200)), fields: { layer } });
  u.push({ name: 'garbage.dxf', data: strToU8('0\nSECTION\n2\nENTITIES\n0\nLWPOLYLINE\n10\nNaN\n20\n1e999\n'), fields: { layer } });
  u.push({ name: 'upload.exe', data: strToU8('MZ\u0090\u0000'), fields: { layer } });
  u.push({ name: 'noextension', data: strToU8('{}'), fields: { layer } });
  u.push({ name: 'truncated.zip', data: zipSync({ 'a.geojson': fc(HOSTILE_GEOMETRIES[0]) }).slice(0, 40), fields: { layer } });
  u.push({ name: 'notzip.zip', data: fc(HOSTILE_GEOMETRIES[0]), fields: { layer } });
  u.push({ name: 'entries.zip', data: zipSync(Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`f${i}.txt`, strToU8('x')]))), fields: { layer } });
  u.push({ name: 'nested.zip', data: zipSync({ 'inner.zip': zipSync({ 'inner2.zip': zipSync({ 'a.geojson': strToU8('{') }) }) }), fields: { layer } });
  u.push({ name: 'slip.zip', data: zipSync({ '../../../../tmp/evil.geojson': strToU8('{') }), fields: { layer } });
  // A zip bomb: 220 MB of zeros deflates to ≈ 220 kB; and the same with the sizes in the headers lowered to lie.
  const bomb = zipSync({ 'bomb.geojson': new Uint8Array(220 * 1024 * 1024) }, { level: 9 });
  u.push({ name: 'bomb.zip', data: bomb, fields: { layer }, heavy: true });
  const liar = bomb.slice();
  const dv = new DataView(liar.buffer);
  for (let i = 0; i + 4 <= liar.length; i++) {
    const sig = dv.getUint32(i, true);
    if (sig === 0x04034b50) dv.setUint32(i + 22, 1000, true); // local header: uncompressed size
    if (sig === 0x02014b50) dv.setUint32(i + 24, 1000, true); // central directory: uncompressed size
  }
  u.push({ name: 'liar.zip', data: liar, fields: { layer }, heavy: true });
  if (shpZip) {
    const parts = unzipSync(shpZip);
    const base = Object.keys(parts).find((k) => k.endsWith('.shp'))!.replace(/\.shp$/, '');
    const withParts = (over: Record<string, Uint8Array | null>) => {
      const o: Record<string, Uint8Array> = {};
      for (const [k, v] of Object.entries(parts)) if (!(k in over)) o[k] = v;
      for (const [k, v] of Object.entries(over)) if (v) o[k] = v;
      return zipSync(o);
    };
    const badPrj = strToU8('PROJCS["Made up",GEOGCS["nowhere",DATUM["x",SPHEROID["y",1,0]]],PROJECTION["Nope"]]');
    u.push({ name: 'badprj.zip', data: withParts({ [`${base}.prj`]: badPrj }), fields: { layer }, stage: true });
    u.push({ name: 'garbageprj.zip', data: withParts({ [`${base}.prj`]: strToU8('\u00ff\u00fe garbage') }), fields: { layer }, stage: true });
    const shp = parts[`${base}.shp`];
    u.push({ name: 'truncshp.zip', data: withParts({ [`${base}.shp`]: shp.slice(0, Math.floor(shp.length / 2)), [`${base}.prj`]: badPrj }), fields: { layer } });
    u.push({ name: 'noshx.zip', data: withParts({ [`${base}.shx`]: null, [`${base}.dbf`]: null }), fields: { layer, encoding: 'nonsense' } });
    // Non-UTF-8 attributes under a .cpg that claims UTF-8 (and a bad .prj, so nothing may be stored).
    const dbf = parts[`${base}.dbf`].slice();
    const headerLen = dbf[8] | (dbf[9] << 8);
    for (let i = headerLen + 1; i < Math.min(dbf.length - 1, headerLen + 200); i += 3) dbf[i] = 0xff;
    u.push({ name: 'nonutf8.zip', data: withParts({ [`${base}.dbf`]: dbf, [`${base}.cpg`]: strToU8('UTF-8') }), fields: { layer }, stage: true });
    u.push({ name: 'nonutf8-gbk.zip', data: withParts({ [`${base}.dbf`]: dbf, [`${base}.cpg`]: strToU8('GBK') }), fields: { layer }, stage: true });
    const dbfCut = withParts({ [`${base}.dbf`]: parts[`${base}.dbf`].slice(0, 40), [`${base}.prj`]: badPrj });
    u.push({ name: 'truncdbf.zip', data: dbfCut, fields: { layer } });
    u.push({ name: 'shapefile.geojson', data: withParts({}), fields: { layer } }); // a zip named .geojson
    u.push({ name: `${base}.shp`, data: shp, fields: { layer } }); // a bare .shp without its sidecars
    const shpHeader = shp.slice();
    new DataView(shpHeader.buffer).setInt32(24, 0x7fffffff, false); // absurd file length
    u.push({ name: 'lyingheader.zip', data: withParts({ [`${base}.shp`]: shpHeader, [`${base}.prj`]: badPrj }), fields: { layer }, stage: true }); // records still readable
  }
  return u;
}

// ---------------------------------------------------------------- requests

interface Ids { features: string[]; layers: string[]; views: string[]; briefings: string[]; documents: string[]; chains: string[]; users: string[]; imports: string[]; parks: string[] }
interface FuzzRequest { method: string; route: string; path: string; headers: Record<string, string>; body?: string | FormData | Uint8Array; label: string }

const enc = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
};

function validFor(param: string, route: string, ids: Ids, rng: Rng): string {
  if (route.includes('/users')) return rng.pick(ids.users);
  if (route.includes('/imports')) return rng.pick(ids.imports);
  if (route.includes('/views')) return rng.pick(ids.views);
  if (route.includes('/briefings')) return rng.pick(ids.briefings);
  if (route.includes('/documents')) return rng.pick(ids.documents);
  if (route.includes('/parks')) return rng.pick(ids.parks);
  if (param === 'layer' || param === 'collectionId' || route.includes('/layers')) return rng.pick(ids.layers);
  if (param === 'z') return String(rng.int(20));
  if (param === 'x' || param === 'y') return String(rng.int(1 << 14));
  return rng.pick(ids.features);
}

function hostileParam(rng: Rng): string {
  const s = rng.pick([...HOSTILE_STRINGS, ...HOSTILE_NUMBERS]);
  // Mostly encoded; sometimes raw, to reach the router's own percent-decoding.
  return rng.chance(0.85) ? enc(s) : rng.pick(['%E0%A4%A', '%', '%00', '..', '%2F', 'a%2Fb', '%C0%AE%C0%AE', '%uD800']);
}

function hostileQuery(rng: Rng): string {
  const n = 1 + rng.int(4);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = rng.chance(0.9) ? rng.pick(QUERY_NAMES) : enc(rng.pick(HOSTILE_STRINGS));
    const value = name === 'bbox' || name === 'bbox-crs' ? rng.pick(HOSTILE_BBOX) : rng.pick([...HOSTILE_NUMBERS, ...HOSTILE_STRINGS, ...HOSTILE_BBOX]);
    parts.push(`${name}=${enc(value)}`);
    if (rng.chance(0.15)) parts.push(`${name}=${enc(value)}`); // repeated: an array in req.query
  }
  if (rng.chance(0.05)) parts.push('a[b][c][d]=1', 'limit[$gt]=0');
  if (rng.chance(0.05)) parts.push('%E0%A4%A=1');
  return parts.join('&');
}

/** An object body that no write route may accept: it always carries a hostile geometry or an unknown key or a bad enum. */
function hostileObject(rng: Rng, ids: Ids): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  const s = () => rng.pick(HOSTILE_STRINGS);
  const kind = rng.int(4);
  if (kind === 0) o.geometry = geometryOf(rng);
  else if (kind === 1) o[rng.pick(['evil', '$where', 'version', 'sources', 'role; --', 'is_admin'])] = s();
  else if (kind === 2) o.accuracy = rng.pick(['exact', "surveyed' OR 1=1", '', 'SURVEYED', 'schematic ']);
  else o.geometry = geometryOf(rng);
  // Plus some valid-looking fields with hostile strings, which must not slip through.
  if (rng.chance(0.5)) o.name_zh = s();
  if (rng.chance(0.3)) o.name_en = s();
  if (rng.chance(0.3)) o.id = s();
  if (rng.chance(0.3)) o.layer_id = rng.chance(0.5) ? rng.pick(ids.layers) : s();
  if (rng.chance(0.3)) o.parent_id = rng.chance(0.5) ? rng.pick(ids.features) : s();
  if (rng.chance(0.2)) o.properties = rng.pick([{ layer_id: 'x' }, [], 'str', { a: 'x'.repeat(70_000) }, null]);
  if (rng.chance(0.2)) o.username = s();
  if (rng.chance(0.2)) o.password = rng.pick(['short', 'x'.repeat(100), 12345678901]);
  if (rng.chance(0.2)) o.role = rng.pick(['root', 'ADMIN', '', null, ['admin']]);
  if (rng.chance(0.1)) o.state = rng.pick([null, 'x', { center: [Infinity, 'a'] }, []]);
  if (rng.chance(0.1)) o.steps = rng.pick([[{ view_id: "x' OR 1=1" }], 'x', [null], Array(300).fill({ view_id: 'a' })]);
  if (rng.chance(0.1)) o.ids = rng.pick([["x' --"], 'x', [null], [{}]]);
  if (rng.chance(0.1)) o.crs = rng.pick(['EPSG:0', 'EPSG:4326; DROP', 'proj=merc', 42, null]);
  if (rng.chance(0.1)) o.version = rng.pick([-1, 0, 1.5, '1', 1e99, null]);
  if (rng.chance(0.1)) o.disabled = rng.pick(['yes', 1, null]);
  return o;
}

function hostileBody(rng: Rng, ids: Ids): { body?: string; type?: string } {
  const r = rng.next();
  if (r < 0.55) return { body: JSON.stringify(hostileObject(rng, ids)), type: 'application/json' };
  if (r < 0.8) {
    const raws = rawBodies().filter((b) => b !== MILLION_VERTICES || rng.chance(0.02));
    return { body: rng.pick(raws), type: 'application/json' };
  }
  if (r < 0.87) return { body: JSON.stringify(hostileObject(rng, ids)), type: rng.pick(['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x']) };
  if (r < 0.93) return { body: JSON.stringify(rng.pick([[], [1, 2], 'str', 42, null])), type: 'application/json' };
  return { body: 'name_zh=x&geometry=y', type: 'application/json; charset=latin1' };
}

/** Valid bodies for edits that carry a version: sent with a stale one (null: no body). */
const STALE: Record<string, string | null> = {
  'PATCH /api/features/:id': '{"name_en":"fuzz: stale edit"}',
  'POST /api/features/:id/revert': '{"version":1}',
  'DELETE /api/features/:id': null,
  'PATCH /api/views/:id': '{"title":"fuzz: stale edit"}',
  'PATCH /api/briefings/:id': '{"title":"fuzz: stale edit"}',
};

/** Routes whose write must be stopped by a path parameter (they read no body, or ignore it). */
const BODYLESS = new Set(['DELETE /api/views/:id', 'DELETE /api/briefings/:id', 'POST /api/briefings/:id/duplicate', 'DELETE /api/imports/:id', 'DELETE /api/features/:id']);

function buildRequest(route: RouteInfo, rng: Rng, ids: Ids, s: { editor: Session; admin: Session }): FuzzRequest {
  const key = `${route.method} ${route.path}`;
  const write = route.method !== 'GET';
  const headers: Record<string, string> = {};
  // Who asks: anonymous, editor with CSRF, editor without or with a wrong CSRF token, admin, forged cookie.
  const who = rng.pick(['anon', 'editor', 'editor', 'editor-nocsrf', 'admin', 'admin', 'forged'] as const);
  const sess = who.startsWith('admin') ? s.admin : s.editor;
  if (who === 'editor' || who === 'admin') Object.assign(headers, { Cookie: sess.cookie, 'X-CSRF-Token': sess.csrf });
  if (who === 'editor-nocsrf') Object.assign(headers, { Cookie: sess.cookie }, rng.chance(0.5) ? { 'X-CSRF-Token': rng.pick(['', 'x', s.admin.csrf, sess.csrf.slice(1)]) } : {});
  if (who === 'forged') headers.Cookie = rng.pick(['atlas_session=' + 'A'.repeat(43), 'atlas_session=' + 'x'.repeat(500), 'atlas_session=%00', 'atlas_session=; atlas_session=x', '=====']);
  // logout with a real session would end it: only forged cookies there.
  if (route.path === '/api/auth/logout') headers.Cookie = 'atlas_session=' + enc(rng.pick(HOSTILE_STRINGS)).slice(0, 200);
  const canWrite = write && (who === 'editor' || who === 'admin');

  // A well-formed edit of an old version: must be refused with 412 and change nothing.
  if (canWrite && STALE[key] !== undefined && rng.chance(0.3)) {
    const path = route.path.replace(/:([A-Za-z_]+)/g, (_m, p: string) => validFor(p, route.path, ids, rng));
    const body = STALE[key];
    return { method: route.method, route: route.path, path, headers: { ...headers, 'If-Match': rng.pick(['"0"', '"999999"']), ...(body ? { 'Content-Type': 'application/json' } : {}) }, body: body ?? undefined, label: `${who} stale version` };
  }

  // Path parameters: valid ids to reach deep code, hostile ones otherwise; a write that could succeed gets a poison.
  const params = routeParams(route.path);
  let poisoned = false;
  const values = params.map((p) => {
    if (rng.chance(0.5)) return validFor(p, route.path, ids, rng);
    poisoned = true;
    return hostileParam(rng);
  });
  if (canWrite && BODYLESS.has(key) && !poisoned && values.length) {
    values[values.length - 1] = hostileParam(rng);
    poisoned = true;
  }
  let i = 0;
  let path = route.path.replace(/:([A-Za-z_]+)/g, () => values[i++]);
  if (rng.chance(0.5) || !write) path += '?' + hostileQuery(rng);

  // Versions: hostile, stale, or the current one (then the body must fail).
  if (rng.chance(0.7)) headers['If-Match'] = rng.chance(0.6) ? rng.pick(IF_MATCH_BAD) : rng.pick(['"1"', '1', 'W/"1"']);
  if (rng.chance(0.05)) headers['Content-Length-Spoof'] = '1';
  if (rng.chance(0.05)) headers.Origin = 'https://evil.example';
  if (rng.chance(0.03)) headers['X-Forwarded-For'] = "1.2.3.4' OR 1=1";

  let body: FuzzRequest['body'];
  let label = `${who}`;
  if (route.path === '/api/imports' && route.method === 'POST') {
    if (rng.chance(0.8)) {
      const heavy = rng.chance(0.04);
      const up = rng.pick(uploads.filter((x) => !x.stage && !!x.heavy === heavy));
      const form = new FormData();
      for (const [k, v] of Object.entries(up.fields)) form.append(k, v);
      form.append('file', new Blob([up.data as Uint8Array<ArrayBuffer>]), up.name);
      if (rng.chance(0.05)) form.append('file', new Blob([up.data as Uint8Array<ArrayBuffer>]), up.name); // two files
      body = form;
      label += ` upload ${up.name}`;
    } else {
      // Hand-made broken multipart: bad boundary, truncated, mislabelled.
      const variant = rng.int(3);
      headers['Content-Type'] = variant === 0 ? 'multipart/form-data' : variant === 1 ? 'multipart/form-data; boundary=zzz' : 'application/zip';
      body = variant === 1 ? '--zzz\r\nContent-Disposition: form-data; name="file"; filename="a.geojson"\r\n\r\n{"type":' : 'PK\u0003\u0004garbage';
      label += ` raw-multipart ${variant}`;
    }
  } else if (write) {
    const b = hostileBody(rng, ids);
    body = b.body;
    if (b.type) headers['Content-Type'] = b.type;
    label += ` body ${String(b.body).slice(0, 60)}`;
  }
  // An authorised write with valid ids and no hostile body must at least carry a stale or bad version.
  if (canWrite && !poisoned && body === undefined) headers['If-Match'] = rng.pick(IF_MATCH_BAD);
  return { method: route.method, route: route.path, path, headers, body, label };
}

// ---------------------------------------------------------------- the run

let app: TestApp;
let routes: RouteInfo[];
let ids: Ids;
let sessions: { editor: Session; admin: Session };

beforeAll(async () => {
  app = await startTestApp({ writeLimit: { windowMs: 60_000, max: 1e9 } });
  routes = listRoutes(createApp(app.db));
  const editor = await signIn(app, 'fuzz-editor', 'editor');
  const admin = await signIn(app, 'fuzz-admin', 'admin');
  sessions = { editor, admin };
  const col = async (sql: string) => (await app.db.query<{ id: string }>(sql)).rows.map((r) => r.id);
  const layers = await col('SELECT id FROM layers ORDER BY id');
  const polygonLayer = (await app.db.query<{ id: string }>("SELECT l.id FROM layers l JOIN features f ON f.layer_id = l.id WHERE l.geometry_type = 'polygon' GROUP BY l.id ORDER BY count(*) DESC LIMIT 1")).rows[0].id;
  // A shapefile of real features to break in every way, and one staged import to aim commits at.
  const shp = await fetch(`${app.url}/api/export?layer=${polygonLayer}&format=shp`);
  expect(shp.status).toBe(200);
  const shpZip = new Uint8Array(await shp.arrayBuffer());
  const form = new FormData();
  form.append('layer', polygonLayer);
  form.append('file', new Blob([JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'staged' }, geometry: { type: 'Polygon', coordinates: [ring(8)] } }] })]), 'staged.geojson');
  const staged = await fetch(`${app.url}/api/imports`, { method: 'POST', body: form, headers: { Cookie: editor.cookie, 'X-CSRF-Token': editor.csrf } });
  expect(staged.status).toBe(201);
  const importId = ((await staged.json()) as { id: string }).id;
  // Building the zip bomb takes seconds: after every request of the setup (an idle keep-alive socket may close meanwhile).
  uploads = buildUploads(shpZip, polygonLayer);
  MILLION_VERTICES = JSON.stringify({ geometry: { type: 'Polygon', coordinates: [ring(1_000_000)] } });
  ids = {
    features: await col('SELECT id FROM features ORDER BY id LIMIT 40'),
    layers,
    views: [...(await col('SELECT id FROM saved_views ORDER BY id LIMIT 10')), 'view-missing'],
    briefings: [...(await col('SELECT id FROM briefings ORDER BY id LIMIT 10')), 'brief-missing'],
    documents: await col('SELECT id FROM documents ORDER BY id LIMIT 20'),
    chains: await col('SELECT id FROM chains ORDER BY id'),
    users: ['fuzz-editor', 'fuzz-admin', 'nobody'],
    imports: [importId, 'zzzzzz'],
    parks: await col("SELECT id FROM features WHERE id LIKE 'park-%' ORDER BY id LIMIT 10"),
  };
  if (ids.parks.length === 0) ids.parks = ids.features.slice(0, 5);
}, 180_000);

afterAll(async () => {
  await app?.close();
});

describe(`fuzz (${engine}, seed ${SEED}, ${COUNT} requests)`, () => {
  it('finds every route, including writes, OGC and tiles', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    for (const k of ['PATCH /api/features/:id', 'POST /api/imports', 'POST /api/auth/login', 'GET /ogc/collections/:collectionId/items', 'GET /tiles/:layer/:z/:x/:y.mvt', 'PATCH /api/users/:username']) {
      expect(keys).toContain(k);
    }
    expect(routes.length).toBeGreaterThan(40);
  });

  it('answers every malformed request with a 4xx problem+json (no 5xx, no crash) and changes no table', async () => {
    const before = await tableChecksums(app.db);
    const rng = prng(SEED);
    const reqs: FuzzRequest[] = [];
    // Round-robin over every route; reads (which mostly succeed and can be costly: PDFs, analytics) are capped
    // per route, and their slots go to the write routes, where malformed input matters most.
    const writes = routes.filter((r) => r.method !== 'GET');
    const visits = new Map<RouteInfo, number>();
    for (let n = 0; n < COUNT; n++) {
      let route = routes[n % routes.length];
      if (route.method === 'GET' && (visits.get(route) ?? 0) >= READ_CAP) route = writes[n % writes.length];
      visits.set(route, (visits.get(route) ?? 0) + 1);
      reqs.push(buildRequest(route, rng, ids, sessions));
    }
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const hits = new Map<string, number>();
    const took = new Map<string, number>();
    let resets = 0;
    const slow: Array<[number, string]> = [];
    let next = 0;
    const worker = async () => {
      while (next < reqs.length) {
        const r = reqs[next++];
        const t0 = performance.now();
        let res: Response;
        const send = () => fetch(app.url + r.path, { method: r.method, headers: r.headers, body: r.body as BodyInit | undefined, signal: AbortSignal.timeout(60_000), redirect: 'manual' });
        try {
          // A reused keep-alive socket can be closed by the server's idle timeout just as a request goes out
          // (ECONNRESET before any byte of answer): that is the client's race, so one retry; a server that
          // really drops the connection drops it again.
          res = await send().catch((e: Error) => {
            if (!/ECONNRESET|other side closed/.test(String((e as { cause?: unknown }).cause))) throw e;
            resets++;
            return send();
          });
        } catch (e) {
          failures.push(`${r.method} ${r.path.slice(0, 120)} [${r.label.slice(0, 100)}] ${JSON.stringify(r.headers).slice(0, 200)} → network error ${(e as Error).message} ${String((e as { cause?: unknown }).cause)}`);
          continue;
        }
        const text = await res.text();
        const rk = `${r.method} ${r.route}`;
        took.set(rk, (took.get(rk) ?? 0) + performance.now() - t0);
        slow.push([performance.now() - t0, `${rk} ${r.label.slice(0, 60)}`]);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const what = `${r.method} ${r.path.slice(0, 160)} [${r.label.slice(0, 100)}] → ${res.status}`;
        if (res.status >= 500) failures.push(`${what} ${text.slice(0, 300)}`);
        else if (res.status >= 400) {
          const ct = res.headers.get('content-type') ?? '';
          let ok = ct.startsWith('application/problem+json');
          try {
            const p = JSON.parse(text) as { status?: number; title?: string };
            ok &&= p.status === res.status && typeof p.title === 'string' && p.title.length > 0;
          } catch {
            ok = false;
          }
          if (!ok) failures.push(`${what} not problem+json: ${ct} ${text.slice(0, 200)}`);
        } else if (r.method !== 'GET' && !['/api/auth/logout', '/api/print'].includes(r.path.split('?')[0])) {
          failures.push(`${what}: a malformed write was accepted`);
        }
        if (res.status < 400 && r.method === 'GET') hits.set('ok', (hits.get('ok') ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    console.log(`[fuzz] ${engine}: ${COUNT} requests over ${routes.length} routes; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}; keep-alive resets retried: ${resets}`);
    const slowest = [...took].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${Math.round(v)} ms`);
    console.log(`[fuzz] most time: ${slowest.join('; ')}`);
    if (process.env.FUZZ_PROFILE) console.log(slow.sort((a, b) => b[0] - a[0]).slice(0, 25).map(([t, l]) => `${Math.round(t)} ${l}`).join('\n'));
    expect(failures.slice(0, 30)).toEqual([]);
    expect(failures.length).toBe(0);
    // The write paths were exercised past authentication: validation errors (400/412/413/415/422/428), not only 401/403.
    for (const s of [400, 401, 403, 404, 412, 413, 422]) expect(statuses.get(s) ?? 0, `status ${s}`).toBeGreaterThan(0);
    // Still alive and answering.
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    expect(await tableChecksums(app.db)).toEqual(before);
  }, 900_000);

  it('stages hostile-but-readable uploads (unknown .prj, non-UTF-8 text) as drafts that name the problem, never a 5xx', async () => {
    const staged = uploads.filter((u) => u.stage);
    expect(staged.length).toBeGreaterThanOrEqual(3);
    for (const up of staged) {
      const form = new FormData();
      for (const [k, v] of Object.entries(up.fields)) form.append(k, v);
      form.append('file', new Blob([up.data as Uint8Array<ArrayBuffer>]), up.name);
      const res = await fetch(`${app.url}/api/imports`, { method: 'POST', body: form, headers: { Cookie: sessions.editor.cookie, 'X-CSRF-Token': sessions.editor.csrf } });
      const text = await res.text();
      expect(res.status, `${up.name}: ${text.slice(0, 200)}`).toBeLessThan(500);
      if (res.status >= 400) expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      else if (up.name.includes('prj')) expect(text).toMatch(/awaiting_crs|unknown/);
    }
  }, 120_000);
});
