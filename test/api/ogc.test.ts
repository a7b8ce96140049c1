import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { AtlasFeatureCollection, LayerInfo } from '../../contract/api.js';
import { ogcRoutes } from '../../server/src/ogc/ogc.routes.js';
import { problemHandler } from '../../server/src/http/problem.js';
import { startTestApp, type TestApp } from '../support/harness.js';

// The OGC API mounted as the lead wires it (app.use('/ogc', ogcRoutes(db))) on its own server over the
// suite's database; the real app on the same database answers /api for comparison.
const run = promisify(execFile);
const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const EPSG = (code: number) => `http://www.opengis.net/def/crs/EPSG/0/${code}`;

let app: TestApp;
let server: Server;
let ogc: string;
beforeAll(async () => {
  app = await startTestApp();
  const e = express();
  e.set('etag', false);
  e.use('/ogc', ogcRoutes(app.db));
  e.use(problemHandler);
  server = await new Promise((resolve) => {
    const s = e.listen(0, '127.0.0.1', () => resolve(s));
  });
  ogc = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ogc`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  await app?.close();
});

const get = (url: string) => fetch(url.startsWith('http') ? url : ogc + url);
async function json<T = Record<string, unknown>>(url: string, type = /^application\/(geo\+)?json/): Promise<T> {
  const res = await get(url);
  expect(res.status, `${url} → ${res.status}`).toBe(200);
  expect(res.headers.get('content-type')).toMatch(type);
  return (await res.json()) as T;
}
async function problem(url: string, status: number) {
  const res = await get(url);
  expect(res.status, `${url} → ${res.status}`).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as { status: number; detail: string };
  expect(body.status).toBe(status);
  return body;
}

interface Link { href: string; rel: string; type?: string }
interface Fc {
  type: string;
  numberMatched: number;
  numberReturned: number;
  timeStamp: string;
  links: Link[];
  features: { type: string; id: string; geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[];
}
const rel = (links: Link[], r: string) => links.find((l) => l.rel === r);

/** All positions of a GeoJSON geometry's coordinates, flattened. */
function positions(coords: unknown): number[][] {
  if (Array.isArray(coords) && typeof coords[0] === 'number') return [coords as number[]];
  return (coords as unknown[]).flatMap(positions);
}

// A JSON-schema subset (what openapi.ts uses): $ref, allOf, type, nullable, required, properties, items, enum, min/maxItems, minimum.
type Schema = Record<string, unknown>;
function validate(doc: { components: { schemas: Record<string, Schema> } }, schema: Schema, value: unknown, at = '$'): string[] {
  if (typeof schema.$ref === 'string') return validate(doc, doc.components.schemas[schema.$ref.split('/').pop()!], value, at);
  if (value === null) return schema.nullable ? [] : [`${at}: null`];
  const errors: string[] = [];
  for (const s of (schema.allOf as Schema[] | undefined) ?? []) errors.push(...validate(doc, s, value, at));
  const type = schema.type as string | undefined;
  const actual = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  if (type && !(type === actual || (type === 'number' && actual === 'integer') || (type === 'integer' && actual === 'integer'))) return [`${at}: ${actual}, expected ${type}`];
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) errors.push(`${at}: ${JSON.stringify(value)} not in enum`);
  if (typeof schema.minimum === 'number' && (value as number) < schema.minimum) errors.push(`${at}: below minimum`);
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${at}: fewer than ${schema.minItems} items`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) errors.push(`${at}: more than ${schema.maxItems} items`);
    if (schema.items) value.forEach((v, i) => errors.push(...validate(doc, schema.items as Schema, v, `${at}[${i}]`)));
  } else if (typeof value === 'object') {
    for (const r of (schema.required as string[] | undefined) ?? []) if (!(r in (value as object))) errors.push(`${at}: missing ${r}`);
    for (const [k, s] of Object.entries((schema.properties as Record<string, Schema> | undefined) ?? {})) {
      if (k in (value as object)) errors.push(...validate(doc, s, (value as Record<string, unknown>)[k], `${at}.${k}`));
    }
  }
  return errors;
}

describe('OGC API Features: capabilities', () => {
  it('has a landing page linking the OpenAPI definition, conformance and data', async () => {
    const lp = await json<{ title: string; links: Link[] }>('');
    expect(lp.title).toMatch(/泰州/);
    expect(rel(lp.links, 'self')?.href).toBe(ogc);
    expect(rel(lp.links, 'service-desc')).toEqual(expect.objectContaining({ href: `${ogc}/api`, type: 'application/vnd.oai.openapi+json;version=3.0' }));
    expect(rel(lp.links, 'conformance')?.href).toBe(`${ogc}/conformance`);
    expect(rel(lp.links, 'data')?.href).toBe(`${ogc}/collections`);
    for (const l of lp.links) expect((await get(l.href)).status, l.href).toBe(200);
  });

  it('declares exactly the conformance classes it implements (no HTML)', async () => {
    const c = await json<{ conformsTo: string[] }>('/conformance');
    expect([...c.conformsTo].sort()).toEqual(
      [
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
        'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
      ].sort(),
    );
  });

  it('lists every layer as a collection with a CRS84 extent from PostGIS, its CRS list and storage CRS', async () => {
    const layers = (await (await fetch(`${app.url}/api/layers`)).json()) as LayerInfo[];
    const cs = await json<{ collections: { id: string; extent?: { spatial: { bbox: number[][]; crs: string } }; crs: string[]; storageCrs: string; links: Link[]; itemType: string }[] }>('/collections');
    expect(cs.collections.map((c) => c.id).sort()).toEqual(layers.map((l) => l.id).sort());
    for (const c of cs.collections) {
      const layer = layers.find((l) => l.id === c.id)!;
      expect(c.itemType).toBe('feature');
      expect(c.crs).toEqual([CRS84, EPSG(4326), EPSG(4490), EPSG(4549)]);
      expect(c.storageCrs).toBe(CRS84);
      expect(rel(c.links, 'items')).toEqual(expect.objectContaining({ href: `${ogc}/collections/${c.id}/items`, type: 'application/geo+json' }));
      expect(c.extent!.spatial.crs).toBe(CRS84);
      const [minX, minY, maxX, maxY] = c.extent!.spatial.bbox[0];
      const [lminX, lminY, lmaxX, lmaxY] = layer.bbox!;
      // Rounded outward here, to the nearest there: within a micro-degree, and never inside the layer's.
      for (const [a, b] of [[minX, lminX], [minY, lminY], [maxX, lmaxX], [maxY, lmaxY]]) expect(Math.abs(a - b)).toBeLessThan(2e-6);
      expect(minX).toBeLessThan(maxX);
      expect(minY).toBeLessThan(maxY);
    }
    const one = await json<{ id: string; extent: unknown }>('/collections/parks');
    expect(one).toEqual(cs.collections.find((c) => c.id === 'parks'));
  });

  it('answers 200 on every path of its OpenAPI definition, with bodies that match the response schemas', async () => {
    const doc = await json<{ openapi: string; servers: { url: string }[]; paths: Record<string, { servers?: { url: string }[]; get: { parameters?: Schema[]; responses: Record<string, { content: Record<string, { schema: Schema }> }> } }>; components: { schemas: Record<string, Schema>; parameters: Record<string, Schema> } }>(
      '/api',
      /^application\/vnd\.oai\.openapi\+json;version=3\.0$/,
    );
    expect(doc.openapi).toMatch(/^3\.0\./);
    expect(doc.servers[0].url).toBe(ogc);
    expect(Object.keys(doc.paths).sort()).toEqual(
      ['/', '/api', '/conformance', '/collections', '/collections/{collectionId}', '/collections/{collectionId}/items', '/collections/{collectionId}/items/{featureId}',
        // The atlas API's taxonomy, chain graph and match, each under its own server (…/api).
        '/taxonomy', '/chains/{chainId}/graph', '/match',
        // The sites inventory (issue 14); write-only paths have no GET to check here.
        '/sites', '/sites/{siteId}', '/sites/{siteId}/history', '/sites/{siteId}/nearby', '/sites/{siteId}/revert', '/sites/export', '/sites/imports', '/sites/imports/{importId}/crs', '/sites/imports/{importId}/commit'].sort(),
    );
    for (const [p, item] of Object.entries(doc.paths)) {
      if (!item.get) continue;
      if (item.servers) expect(item.servers[0].url).toBe(ogc.replace(/\/ogc$/, '/api'));
      // Query parameters with an example are sent with it (the match needs a query).
      const examples = (item.get.parameters ?? [])
        .map((r) => doc.components.parameters[String(r.$ref).split('/').pop()!])
        .filter((x) => x.in === 'query' && x.example !== undefined)
        .map((x) => `${x.name as string}=${encodeURIComponent(String(x.example))}`);
      // This test serves /ogc on its own; the atlas API paths are asked of the full app (same routes, other port).
      const url = (item.servers ? `${app.url}/api` : doc.servers[0].url) +
        p.replace('{collectionId}', 'parks').replace('{featureId}', 'park-biomed').replace('{chainId}', 'biopharma').replace('{siteId}', 'site-southwest').replace(/^\/$/, '') +
        (examples.length ? `?${examples.join('&')}` : '');
      const res = await get(url);
      expect(res.status, url).toBe(200);
      const [type, media] = Object.entries(item.get.responses['200'].content)[0];
      const mediaType = (t: string) => t.replace(/\s+/g, '').replace(/;charset=utf-8$/i, '');
      expect(mediaType(res.headers.get('content-type')!), url).toBe(mediaType(type));
      const body = await res.json();
      expect(validate(doc, media.schema, body), url).toEqual([]);
    }
  });
});

describe('OGC API Features: items', () => {
  it('returns a GeoJSON page with counts, timeStamp, Content-Crs and next/prev/collection links that page through everything', async () => {
    const first = await json<Fc>('/collections/roads/items', /^application\/geo\+json/);
    expect(first.type).toBe('FeatureCollection');
    expect(first.numberReturned).toBe(10);
    expect(first.features).toHaveLength(10);
    expect(first.numberMatched).toBeGreaterThan(20);
    expect(Date.now() - Date.parse(first.timeStamp)).toBeLessThan(60_000);
    expect(rel(first.links, 'self')).toEqual(expect.objectContaining({ href: `${ogc}/collections/roads/items`, type: 'application/geo+json' }));
    expect(rel(first.links, 'collection')).toEqual(expect.objectContaining({ href: `${ogc}/collections/roads`, type: 'application/json' }));
    expect(rel(first.links, 'prev')).toBeUndefined();
    expect((await get('/collections/roads/items')).headers.get('content-crs')).toBe(`<${CRS84}>`);

    const ids: string[] = [];
    let page: Fc | null = first;
    let pages = 0;
    while (page) {
      ids.push(...page.features.map((f) => f.id));
      if (pages > 0) expect(rel(page.links, 'prev')?.type).toBe('application/geo+json');
      const next = rel(page.links, 'next');
      page = next ? await json<Fc>(next.href, /^application\/geo\+json/) : null;
      pages++;
    }
    expect(pages).toBe(Math.ceil(first.numberMatched / 10));
    expect(ids).toHaveLength(first.numberMatched);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
    for (const id of ids) expect(typeof id).toBe('string');

    const big = await json<Fc>('/collections/roads/items?limit=10000');
    expect(big.numberReturned).toBe(first.numberMatched);
    expect(rel(big.links, 'next')).toBeUndefined();
    const tail = await json<Fc>('/collections/roads/items?limit=5&offset=25');
    expect(tail.features.map((f) => f.id)).toEqual(ids.slice(25, 30));
    expect(new URL(rel(tail.links, 'prev')!.href).searchParams.get('offset')).toBe('20');
  });

  it('serves the same features and coordinates as /api/layers in CRS84', async () => {
    const api = (await (await fetch(`${app.url}/api/layers/parks`)).json()) as AtlasFeatureCollection;
    const fc = await json<Fc>('/collections/parks/items?limit=100', /^application\/geo\+json/);
    expect(fc.features.map((f) => f.id)).toEqual(api.features.map((f) => f.id).sort());
    for (const f of fc.features) {
      const a = api.features.find((x) => x.id === f.id)!;
      expect(f.geometry).toEqual(a.geometry);
      expect(f.properties.name_zh).toBe(a.properties.name_zh);
      expect(f.properties.accuracy).toBe(a.properties.accuracy);
    }
  });

  it('filters by bbox (CRS84 and, in their own axis order, EPSG:4326 and EPSG:4549)', async () => {
    const park = await json<Fc['features'][number]>('/collections/parks/items/park-biomed', /^application\/geo\+json/);
    const pts = positions(park.geometry.coordinates);
    const [cx, cy] = [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
    const d = 0.002;
    const inside = await json<Fc>(`/collections/parks/items?bbox=${cx - d},${cy - d},${cx + d},${cy + d}`);
    expect(inside.features.map((f) => f.id)).toContain('park-biomed');
    expect(inside.numberMatched).toBe(inside.features.length);
    const latLon = await json<Fc>(`/collections/parks/items?bbox=${cy - d},${cx - d},${cy + d},${cx + d}&bbox-crs=${encodeURIComponent(EPSG(4326))}`);
    expect(latLon.features.map((f) => f.id)).toEqual(inside.features.map((f) => f.id));
    // The same box in Gauss-Krüger metres, northing first, from PROJ's cs2cs (independent of PostGIS).
    const gk = await cs2cs([[cy - d, cx - d], [cy + d, cx + d]]);
    const gkBox = await json<Fc>(`/collections/parks/items?bbox=${gk[0][0]},${gk[0][1]},${gk[1][0]},${gk[1][1]}&bbox-crs=${encodeURIComponent(EPSG(4549))}`);
    expect(gkBox.features.map((f) => f.id)).toEqual(inside.features.map((f) => f.id));

    const far = await json<Fc>('/collections/parks/items?bbox=10,10,10.5,10.5');
    expect(far).toEqual(expect.objectContaining({ numberMatched: 0, numberReturned: 0, features: [] }));
    const self = rel(far.links, 'self')!.href;
    expect(new URL(self).searchParams.get('bbox')).toBe('10,10,10.5,10.5');
  });

  it('outputs EPSG:4326 and EPSG:4490 as lat/lon and EPSG:4549 as northing/easting metres, matching PROJ', async () => {
    const lonLat = await json<Fc['features'][number]>('/collections/parks/items/park-biomed');
    const ll = positions(lonLat.geometry.coordinates);
    for (const code of [4326, 4490]) {
      const res = await get(`/collections/parks/items/park-biomed?crs=${encodeURIComponent(EPSG(code))}`);
      expect(res.headers.get('content-crs')).toBe(`<${EPSG(code)}>`);
      const f = (await res.json()) as Fc['features'][number];
      const p = positions(f.geometry.coordinates);
      expect(p).toHaveLength(ll.length);
      // CGCS2000 and WGS 84 differ by centimetres: PROJ applies no shift between them.
      p.forEach((q, i) => {
        expect(q[0]).toBeCloseTo(ll[i][1], 6);
        expect(q[1]).toBeCloseTo(ll[i][0], 6);
      });
    }
    const gkRes = await get(`/collections/parks/items?crs=${encodeURIComponent(EPSG(4549))}&limit=100`);
    expect(gkRes.headers.get('content-crs')).toBe(`<${EPSG(4549)}>`);
    const gk = ((await gkRes.json()) as Fc).features.find((f) => f.id === 'park-biomed')!;
    const ne = positions(gk.geometry.coordinates);
    const expected = await cs2cs(ll.map(([lon, lat]) => [lat, lon]));
    ne.forEach((q, i) => {
      expect(q[0]).toBeGreaterThan(3_500_000); // northing first
      expect(q[1]).toBeLessThan(1_000_000);
      expect(Math.abs(q[0] - expected[i][0])).toBeLessThan(0.01);
      expect(Math.abs(q[1] - expected[i][1])).toBeLessThan(0.01);
    });
    const self = rel((gk as unknown as { links?: Link[] }).links ?? [], 'self');
    expect(self).toBeUndefined(); // features inside a collection carry no links; the single item does:
    const item = await json<{ links: Link[] }>(`/collections/parks/items/park-biomed?crs=${encodeURIComponent(EPSG(4549))}`, /^application\/geo\+json/);
    expect(rel(item.links, 'self')!.href).toContain('crs=');
    expect(rel(item.links, 'collection')!.href).toBe(`${ogc}/collections/parks`);
  });

  it('rejects bad parameters with 400 and unknown collections or features with 404 (problem+json)', async () => {
    for (const q of [
      'limit=0', 'limit=10001', 'limit=abc', 'limit=1.5', 'limit=-1', 'offset=-1', 'offset=x',
      'bbox=1,2,3', 'bbox=1,2,3,4,5,6', 'bbox=a,b,c,d', 'bbox=-181,0,0,1', 'bbox=0,-91,1,0', 'bbox=0,0,181,1', 'bbox=0,0,1,91',
      'bbox=2,0,1,1', 'bbox=0,2,1,1', 'bbox=0,,1,1',
      `bbox=${encodeURIComponent('119.9,32.4,120,32.5')}&bbox-crs=${encodeURIComponent(EPSG(4326))}`, // lon where lat belongs
      'crs=EPSG:4326', `crs=${encodeURIComponent(EPSG(3857))}`, `bbox-crs=${encodeURIComponent(EPSG(2000))}&bbox=0,0,1,1`,
      'f=html', 'foo=1', 'limit=5&limit=6',
    ]) {
      await problem(`/collections/parks/items?${q}`, 400);
    }
    await problem('/collections?foo=1', 400);
    await problem(`/collections/parks/items/park-biomed?crs=${encodeURIComponent(EPSG(3857))}`, 400);
    await problem('/collections/nope', 404);
    await problem('/collections/nope/items', 404);
    await problem('/collections/NOPE/items', 404);
    await problem('/collections/parks/items/nope', 404);
    await problem('/collections/roads/items/park-biomed', 404); // exists, but in another collection
    await problem('/collections/parks/items/%E2%80%A6', 404);
  });
});

describe('GDAL reads it', () => {
  const gdalEnv = { ...process.env, NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost', GDAL_HTTP_TIMEOUT: '30', CPL_VSIL_CURL_USE_CACHE: 'NO' };

  it('ogrinfo lists every collection as a layer', async () => {
    const { stdout } = await run('ogrinfo', ['-ro', '-so', `OAPIF:${ogc}`], { env: gdalEnv });
    const layers = (await (await fetch(`${app.url}/api/layers`)).json()) as LayerInfo[];
    for (const l of layers) expect(stdout, `layer ${l.id} in:\n${stdout}`).toMatch(new RegExp(`^\\d+: ${l.id}\\b`, 'm'));
  });

  it('ogr2ogr copies parks with the same features and coordinates as /api/layers/parks', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-oapif-'));
    try {
      const out = path.join(dir, 'parks.geojson');
      await run('ogr2ogr', ['-f', 'GeoJSON', out, `OAPIF:${ogc}`, 'parks'], { env: gdalEnv });
      const got = JSON.parse(fs.readFileSync(out, 'utf8')) as AtlasFeatureCollection;
      const api = (await (await fetch(`${app.url}/api/layers/parks`)).json()) as AtlasFeatureCollection;
      expect(got.features).toHaveLength(api.features.length);
      for (const a of api.features) {
        const g = got.features.find((f) => f.properties.id === a.id || f.id === a.id);
        expect(g, `${a.id} in the GDAL copy`).toBeDefined();
        expect(g!.properties.name_zh).toBe(a.properties.name_zh);
        const pg = positions((g!.geometry as { coordinates: unknown }).coordinates);
        const pa = positions((a.geometry as { coordinates: unknown }).coordinates);
        expect(pg).toHaveLength(pa.length);
        pg.forEach((p, i) => {
          expect(p[0]).toBeCloseTo(pa[i][0], 9);
          expect(p[1]).toBeCloseTo(pa[i][1], 9);
        });
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Transforms [lat, lon] pairs (EPSG:4326 order) to EPSG:4549 [northing, easting] with PROJ's cs2cs. */
async function cs2cs(latLon: number[][]): Promise<number[][]> {
  const child = execFile('cs2cs', ['-f', '%.4f', 'EPSG:4326', 'EPSG:4549']);
  const out = new Promise<string>((resolve, reject) => {
    let s = '';
    child.stdout!.on('data', (d) => (s += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(s) : reject(new Error(`cs2cs exited ${code}`))));
  });
  child.stdin!.end(latLon.map((p) => `${p[0]} ${p[1]}`).join('\n') + '\n');
  return (await out).trim().split('\n').map((l) => l.trim().split(/\s+/).slice(0, 2).map(Number));
}
