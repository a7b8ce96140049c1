import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import crypto from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import http from 'node:http';
import zlib from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { PbfReader } from 'pbf';
import type { AtlasFeatureCollection, LayerInfo } from '../../contract/api.js';
import { PostgresDatabase, type Database } from '../../server/src/db/database.js';
import { migrate } from '../../server/src/db/migrate.js';
import { tilesRoutes } from '../../server/src/tiles/tiles.routes.js';
import { problemHandler } from '../../server/src/http/problem.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { adminQuery, databaseUrl, postgresAdminUrl, testEngine } from '../support/engine.js';

// The tile routes mounted as the lead wires them (app.use('/tiles', tilesRoutes(db))) on their own server
// over the suite's database, plus a reference encoder for the cross-engine comparison:
//  - on PGlite (JS encoder under test): ST_AsMVT on a PostgreSQL copy of the same layers and features;
//  - on PostgreSQL (ST_AsMVT under test): the JS encoder (geojson-vt + vt-pbf) over the same database.
const run = promisify(execFile);
const engine = testEngine();

let app: TestApp;
let server: Server;
let base: string;
let reference: { db: Database | null; encoder: string };
beforeAll(async () => {
  app = await startTestApp();
  const e = express();
  e.set('etag', false);
  e.use('/tiles', tilesRoutes(app.db));
  if (engine === 'pglite') {
    const db = await postgresCopy(app.db);
    reference = { db, encoder: 'sql' };
    e.use('/reference', tilesRoutes(db));
  } else {
    reference = { db: null, encoder: 'js' };
    e.use('/reference', tilesRoutes(app.db, { encoder: 'js' }));
  }
  e.use(problemHandler);
  server = await new Promise((resolve) => {
    const s = e.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  await reference?.db?.close();
  await app?.close();
});

/** A fresh PostgreSQL database (dropped on close) holding the same layers and features as `from`. */
async function postgresCopy(from: Database): Promise<Database> {
  const name = `atlas_tiles_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const db = PostgresDatabase.connect(databaseUrl(postgresAdminUrl(), name), 2);
  const close = db.close.bind(db);
  (db as { close: () => Promise<void> }).close = async () => {
    await close();
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  await migrate(db);
  const layers = (await from.query<{ j: string }>('SELECT json_agg(l)::text AS j FROM layers l')).rows[0].j;
  // Geometry as hex EWKB: exact doubles, whatever the engines' text formats.
  const features = (
    await from.query<{ j: string }>(`SELECT json_agg(to_jsonb(f) - 'geom' || jsonb_build_object('geom', encode(ST_AsEWKB(f.geom), 'hex')))::text AS j FROM features f`)
  ).rows[0].j;
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO layers SELECT * FROM json_populate_recordset(NULL::layers, $1::json)', [layers]);
    // The sites layer is a projection of the sites table; a verbatim copy writes it as the projection does.
    await tx.query("SELECT set_config('atlas.site_projection', 'on', true)");
    await tx.query(
      `INSERT INTO features (id, layer_id, name_zh, name_en, parent_id, geom, accuracy, properties)
       SELECT id, layer_id, name_zh, name_en, parent_id, geom, accuracy, properties FROM json_populate_recordset(NULL::features, $1::json)`,
      [features],
    );
  }, 'test-copy');
  return db;
}

// ---- A tiny Mapbox Vector Tile 2.1 reader on pbf (the spec's protobuf field numbers). ----
interface MvtFeature { type: 1 | 2 | 3; properties: Record<string, unknown>; parts: [number, number][][] }
interface MvtLayer { name: string; version: number; extent: number; features: MvtFeature[] }
function decodeMvt(buf: Uint8Array): MvtLayer[] {
  const layers: MvtLayer[] = [];
  new PbfReader(buf).readFields((tag, _r, pbf) => {
    if (tag !== 3) return;
    const l = { name: '', version: 1, extent: 4096, keys: [] as string[], values: [] as unknown[], raw: [] as { type: number; tags: number[]; geom: number[] }[] };
    pbf.readMessage((t, layer, p) => {
      if (t === 1) layer.name = p.readString();
      else if (t === 15) layer.version = p.readVarint();
      else if (t === 5) layer.extent = p.readVarint();
      else if (t === 3) layer.keys.push(p.readString());
      else if (t === 4) {
        const v = p.readMessage((vt, o: { v: unknown }, q) => {
          o.v = vt === 1 ? q.readString() : vt === 2 ? q.readFloat() : vt === 3 ? q.readDouble() : vt === 4 ? q.readVarint(true) : vt === 5 ? q.readVarint() : vt === 6 ? q.readSVarint() : vt === 7 ? q.readBoolean() : undefined;
        }, { v: undefined as unknown });
        layer.values.push(v.v);
      } else if (t === 2) {
        layer.raw.push(
          p.readMessage((ft, f, q) => {
            if (ft === 2) q.readPackedVarint(f.tags);
            else if (ft === 3) f.type = q.readVarint();
            else if (ft === 4) q.readPackedVarint(f.geom);
          }, { type: 0, tags: [] as number[], geom: [] as number[] }),
        );
      }
    }, l);
    layers.push({
      name: l.name,
      version: l.version,
      extent: l.extent,
      features: l.raw.map((f) => {
        const properties: Record<string, unknown> = {};
        for (let i = 0; i < f.tags.length; i += 2) properties[l.keys[f.tags[i]]] = l.values[f.tags[i + 1]];
        const parts: [number, number][][] = [];
        let x = 0;
        let y = 0;
        let part: [number, number][] = [];
        for (let i = 0; i < f.geom.length; ) {
          const cmd = f.geom[i] & 7;
          const count = f.geom[i++] >> 3;
          if (cmd === 7) {
            part.push([...part[0]]);
            continue;
          }
          for (let k = 0; k < count; k++) {
            x += (f.geom[i] >>> 1) ^ -(f.geom[i] & 1);
            y += (f.geom[i + 1] >>> 1) ^ -(f.geom[i + 1] & 1);
            i += 2;
            if (cmd === 1) parts.push((part = []));
            part.push([x, y]);
          }
        }
        return { type: f.type as 1 | 2 | 3, properties, parts };
      }),
    });
  }, null);
  return layers;
}

/** Distance from p to segment ab. */
function segDist(p: number[], a: number[], b: number[]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}
/** Largest distance from a vertex of `a` to the outline of `b` (points: to the nearest point). */
function farthest(a: MvtFeature, b: MvtFeature): number {
  const segs = b.parts.flatMap((part) => (part.length === 1 ? [[part[0], part[0]]] : part.slice(1).map((q, i) => [part[i], q])));
  return Math.max(...a.parts.flat().map((p) => Math.min(...segs.map(([s, t]) => segDist(p, s, t)))));
}

// ---- Tile arithmetic (XYZ, Web Mercator, y down). ----
const lon2x = (lon: number, z: number) => ((lon + 180) / 360) * 2 ** z;
const lat2y = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z;
};
const tileOf = (lon: number, lat: number, z: number) => ({ z, x: Math.floor(lon2x(lon, z)), y: Math.floor(lat2y(lat, z)) });
const url = (prefix: string, layer: string, t: { z: number; x: number; y: number }) => `${base}/${prefix}/${layer}/${t.z}/${t.x}/${t.y}.mvt`;

async function tile(prefix: string, layer: string, t: { z: number; x: number; y: number }, headers: Record<string, string> = {}) {
  const res = await fetch(url(prefix, layer, t), { headers });
  const body = new Uint8Array(await res.arrayBuffer());
  return { res, body, layers: res.status === 200 ? decodeMvt(body) : [] };
}

/** A GET with exactly these headers and the body as sent (no content decoding). */
function rawGet(u: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(u, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

async function parkBiomed() {
  const fc = (await (await fetch(`${app.url}/api/layers/parks`)).json()) as AtlasFeatureCollection;
  const f = fc.features.find((x) => x.id === 'park-biomed')!;
  const ring = (f.geometry as GeoJSON.Polygon).coordinates[0];
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return { ring, center: [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2] };
}

describe(`vector tiles (${engine}: ${engine === 'postgres' ? 'ST_AsMVT' : 'geojson-vt + vt-pbf'})`, () => {
  it('serves the z12 tile over 生物医药产业园 with the park, its attributes and its outline in tile units', async () => {
    const { ring, center } = await parkBiomed();
    const t = tileOf(center[0], center[1], 12);
    const { res, body, layers } = await tile('tiles', 'parks', t);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]+"$/); // strong
    expect(res.headers.get('cache-control')).toMatch(/must-revalidate/);
    expect(body.length).toBeGreaterThan(0);
    expect(layers.map((l) => l.name)).toEqual(['parks']);
    expect(layers[0]).toEqual(expect.objectContaining({ version: 2, extent: 4096 }));
    const f = layers[0].features.find((x) => x.properties.id === 'park-biomed')!;
    expect(f).toBeDefined();
    expect(f.type).toBe(3);
    expect(f.properties).toEqual(expect.objectContaining({ name_zh: '生物医药产业园', accuracy: 'schematic', park_kind: 'park' }));
    expect(f.properties.name_en).toMatch(/Biomedicine/);
    expect(f.properties.method).toBeUndefined(); // prose stays in /api/features
    // Every corner of the park inside the tile + buffer is a vertex of the tile's polygon, to a unit.
    const inTile = ring.map(([lon, lat]) => [(lon2x(lon, 12) - t.x) * 4096, (lat2y(lat, 12) - t.y) * 4096]).filter(([x, y]) => x > -64 && x < 4160 && y > -64 && y < 4160);
    expect(inTile.length).toBeGreaterThan(0);
    for (const p of inTile) expect(Math.min(...f.parts.flat().map((q) => Math.hypot(q[0] - p[0], q[1] - p[1])))).toBeLessThan(1);
    // … and nothing lies beyond the 64-unit buffer.
    for (const [x, y] of f.parts.flat()) for (const v of [x, y]) expect(v >= -64 && v <= 4160).toBe(true);
  });

  it('answers 204 for a tile far away, 304 to a matching If-None-Match, and the same bytes again', async () => {
    const far = await tile('tiles', 'parks', { z: 12, x: 100, y: 100 });
    expect(far.res.status).toBe(204);
    expect(far.body.length).toBe(0);
    const { center } = await parkBiomed();
    const t = tileOf(center[0], center[1], 12);
    const a = await tile('tiles', 'parks', t);
    const b = await tile('tiles', 'parks', t);
    expect(Buffer.from(b.body).equals(Buffer.from(a.body))).toBe(true);
    expect(b.res.headers.get('etag')).toBe(a.res.headers.get('etag'));
    expect(b.res.headers.get('x-tile-cache')).toBe('hit');
    const c = await tile('tiles', 'parks', t, { 'If-None-Match': a.res.headers.get('etag')! });
    expect(c.res.status).toBe(304);
  });

  it('sends the gzip made once at encoding to clients that accept it: it gunzips to the identity tile, same ETag', async () => {
    // The roads tile over the zone is well above the 1 KB gzip threshold. Raw HTTP: fetch would decode.
    const { center } = await parkBiomed();
    const t = tileOf(center[0], center[1], 12);
    const identity = await rawGet(url('tiles', 'roads', t), { 'Accept-Encoding': 'identity' });
    expect(identity.status).toBe(200);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.length).toBeGreaterThan(1024);
    expect(decodeMvt(identity.body)[0].features.length).toBeGreaterThan(0);
    for (const accept of ['gzip', 'gzip, deflate, br, zstd']) {
      const gz = await rawGet(url('tiles', 'roads', t), { 'Accept-Encoding': accept });
      expect(gz.status, accept).toBe(200);
      expect(gz.headers['content-encoding'], accept).toBe('gzip');
      expect(gz.headers.vary, accept).toMatch(/Accept-Encoding/i);
      expect(gz.headers['x-tile-cache'], accept).toBe('hit');
      expect(gz.headers.etag, accept).toBe(identity.headers.etag);
      expect(gz.body.length, accept).toBeLessThan(identity.body.length);
      expect(zlib.gunzipSync(gz.body).equals(identity.body), accept).toBe(true);
    }
    // A client that does not name gzip gets the identity bytes.
    const none = await rawGet(url('tiles', 'roads', t), {});
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body.equals(identity.body)).toBe(true);
  });

  it('validates z/x/y (400) and the layer (404), as problem+json', async () => {
    for (const p of ['23/0/0', '1/2/0', '1/0/2', 'a/0/0', '1/-1/0', '1/0.5/0', '1/0/1e0', '0/0/0x']) {
      const res = await fetch(`${base}/tiles/parks/${p}.mvt`);
      expect(res.status, p).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect((await fetch(`${base}/tiles/parks/22/4194303/4194303.mvt`)).status).toBe(204);
    expect((await fetch(`${base}/tiles/Parks/0/0/0.mvt`)).status).toBe(400);
    for (const u of ['/tiles/nope/0/0/0.mvt', '/tiles/nope.json']) {
      const res = await fetch(base + u);
      expect(res.status, u).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });

  it('describes each layer with TileJSON 3.0.0: URL template, zooms, PostGIS bounds and the fields its tiles carry', async () => {
    const layers = (await (await fetch(`${app.url}/api/layers`)).json()) as LayerInfo[];
    for (const id of ['parks', 'roads', 'district']) {
      const res = await fetch(`${base}/tiles/${id}.json`);
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBeTruthy();
      const tj = (await res.json()) as { tilejson: string; tiles: string[]; minzoom: number; maxzoom: number; bounds: number[]; vector_layers: { id: string; fields: Record<string, string> }[] };
      expect(tj.tilejson).toBe('3.0.0');
      const version = (await app.db.query<{ v: string }>("SELECT coalesce((SELECT version FROM data_versions WHERE scope = 'layer:' || $1), 0)::text AS v", [id])).rows[0].v;
      expect(tj.tiles).toEqual([`${base}/tiles/${id}/{z}/{x}/{y}.mvt?v=${version}`]);
      expect([tj.minzoom, tj.maxzoom]).toEqual([0, 18]);
      const bbox = layers.find((l) => l.id === id)!.bbox!;
      tj.bounds.forEach((v, i) => expect(Math.abs(v - bbox[i])).toBeLessThan(2e-6));
      expect(tj.vector_layers).toHaveLength(1);
      expect(tj.vector_layers[0].id).toBe(id);
      expect(tj.vector_layers[0].fields).toEqual(expect.objectContaining({ id: 'String', name_zh: 'String', name_en: 'String', accuracy: 'String' }));
      // Every attribute in a tile is declared, with its type.
      const t = tileOf((bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2, 10);
      const { layers: decoded } = await tile('tiles', id, t);
      for (const f of decoded[0]?.features ?? []) {
        for (const [k, v] of Object.entries(f.properties)) expect(tj.vector_layers[0].fields[k], `${id}.${k}`).toBe(typeof v === 'number' ? 'Number' : typeof v === 'boolean' ? 'Boolean' : 'String');
      }
    }
  });

  it(`gives the same tiles as the other encoder (${engine === 'pglite' ? 'ST_AsMVT on a PostgreSQL copy' : 'geojson-vt + vt-pbf on the same data'})`, async () => {
    const layers = (await (await fetch(`${app.url}/api/layers`)).json()) as LayerInfo[];
    const tiles: { layer: string; t: { z: number; x: number; y: number } }[] = [];
    for (const l of layers) {
      const [cx, cy] = [(l.bbox![0] + l.bbox![2]) / 2, (l.bbox![1] + l.bbox![3]) / 2];
      for (const z of [0, 8, 11, 12, 14]) tiles.push({ layer: l.id, t: tileOf(cx, cy, z) });
      tiles.push({ layer: l.id, t: tileOf(l.bbox![0], l.bbox![3], 13) }); // a corner: features cut by the tile edge
    }
    let compared = 0;
    for (const { layer, t } of tiles) {
      const what = `${layer} ${t.z}/${t.x}/${t.y}`;
      const [a, b] = await Promise.all([tile('tiles', layer, t), tile('reference', layer, t)]);
      expect(a.res.status, what).toBe(b.res.status);
      if (a.res.status === 204) continue;
      expect(a.layers.map((l) => [l.name, l.version, l.extent]), what).toEqual(b.layers.map((l) => [l.name, l.version, l.extent]));
      const fa = a.layers[0].features;
      const fb = b.layers[0].features;
      expect(fa.map((f) => f.properties.id), what).toEqual(fb.map((f) => f.properties.id));
      fa.forEach((f, i) => {
        const g = fb[i];
        const fid = `${what} ${f.properties.id}`;
        expect(f.type, fid).toBe(g.type);
        expect(f.properties, fid).toEqual(g.properties);
        // Both simplify to about a tile unit and may start rings elsewhere: compare outlines both ways.
        expect(farthest(f, g), fid).toBeLessThanOrEqual(2);
        expect(farthest(g, f), fid).toBeLessThanOrEqual(2);
        compared++;
      });
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('is readable by GDAL’s MVT driver', async () => {
    const { center } = await parkBiomed();
    const t = tileOf(center[0], center[1], 12);
    const { body } = await tile('tiles', 'parks', t);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-mvt-'));
    try {
      const file = path.join(dir, 'parks.mvt');
      fs.writeFileSync(file, body);
      const { stdout } = await run('ogrinfo', ['-ro', '-al', '-oo', `Z=${t.z}`, '-oo', `X=${t.x}`, '-oo', `Y=${t.y}`, file]);
      expect(stdout).toMatch(/Layer name: parks/);
      expect(stdout).toMatch(/id \(String\) = park-biomed/);
      expect(stdout).toMatch(/name_zh \(String\) = 生物医药产业园/);
      expect(stdout).toMatch(/POLYGON \(\(/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves tile URLs keyed by the data version as immutable, from memory without asking the database', async () => {
    const tj = (await (await fetch(`${base}/tiles/parks.json`)).json()) as { tiles: string[] };
    const { center } = await parkBiomed();
    const t = tileOf(center[0], center[1], 12);
    const u = tj.tiles[0].replace('{z}', String(t.z)).replace('{x}', String(t.x)).replace('{y}', String(t.y));
    const first = await fetch(u);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const plain = await tile('tiles', 'parks', t);
    expect(plain.res.headers.get('cache-control')).toMatch(/must-revalidate/);
    expect(Buffer.from(await first.arrayBuffer()).equals(Buffer.from(plain.body))).toBe(true);
    // A version that is not the current one is never promised to last.
    const stale = await fetch(u.replace(/v=\d+/, 'v=99999999'));
    expect(stale.status).toBe(200);
    expect(stale.headers.get('cache-control')).toMatch(/must-revalidate/);
    for (const bad of ['v=', 'v=abc', 'v=-1', 'v=1&v=2']) expect((await fetch(u.replace(/v=\d+/, bad))).status, bad).toBe(400);
  });

  it('leaves out features smaller than half a pixel at a zoom (through the size index) and keeps them when zoomed in', async () => {
    const { center } = await parkBiomed();
    const [lon, lat] = center;
    // A 2 m square inside 生物医药产业园: under half a pixel at z12 (~19 m), clearly visible at z18 (~0.3 m).
    const d = 0.00002;
    await app.db.transaction((tx) => tx.query(
      `INSERT INTO features (id, layer_id, name_zh, name_en, geom, accuracy, properties)
       VALUES ('tiny-square', 'parks', '测试小方块', 'Tiny test square', ST_MakeEnvelope($1, $2, $3, $4, 4326), 'schematic', '{}')`,
      [lon, lat, lon + d, lat + d]), 'tester');
    try {
      const ids = async (z: number) => (await tile('tiles', 'parks', tileOf(lon + d / 2, lat + d / 2, z))).layers[0]?.features.map((f) => f.properties.id) ?? [];
      expect(await ids(12)).toContain('park-biomed');
      expect(await ids(12)).not.toContain('tiny-square');
      expect(await ids(18)).toContain('tiny-square');
    } finally {
      await app.db.transaction((tx) => tx.query("DELETE FROM features WHERE id = 'tiny-square'"), 'tester');
    }
  });

  it('starts a dense layer at its style.minzoom: TileJSON says so and tiles below it are empty, without touching the zone layers', async () => {
    // A parcel-like layer: the parks' outlines under new ids, drawn from z13 on.
    await app.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO layers (id, title_zh, title_en, theme, kind, geometry_type, style, sort)
                      VALUES ('dense-test', '测试密集图层', 'Dense test layer', 'test', 'test', 'polygon', '{"color": "#888888", "minzoom": 13}', 998)`);
      await tx.query(`INSERT INTO features (id, layer_id, name_zh, name_en, geom, accuracy, properties)
                      SELECT 'dense-' || id, 'dense-test', name_zh, name_en, geom, accuracy, '{}' FROM features WHERE layer_id = 'parks'`);
    }, 'tester');
    try {
      const tj = (await (await fetch(`${base}/tiles/dense-test.json`)).json()) as { minzoom: number; maxzoom: number; vector_layers: { minzoom: number }[] };
      expect([tj.minzoom, tj.maxzoom, tj.vector_layers[0].minzoom]).toEqual([13, 18, 13]);
      const { center } = await parkBiomed();
      for (const z of [10, 12]) {
        const below = await tile('tiles', 'dense-test', tileOf(center[0], center[1], z));
        expect(below.res.status, `z${z}`).toBe(204);
        // The same tile of the zone layer it was copied from is drawn as before.
        expect((await tile('tiles', 'parks', tileOf(center[0], center[1], z))).layers[0].features.some((f) => f.properties.id === 'park-biomed'), `z${z}`).toBe(true);
      }
      const at = await tile('tiles', 'dense-test', tileOf(center[0], center[1], 13));
      expect(at.res.status).toBe(200);
      expect(at.layers[0].features.map((f) => f.properties.id)).toContain('dense-park-biomed');
      // The zone layers keep minzoom 0.
      expect(((await (await fetch(`${base}/tiles/parks.json`)).json()) as { minzoom: number }).minzoom).toBe(0);
    } finally {
      await app.db.transaction(async (tx) => {
        await tx.query("DELETE FROM features WHERE layer_id = 'dense-test'");
        await tx.query("DELETE FROM layers WHERE id = 'dense-test'");
      }, 'tester');
    }
  });

  // Runs last: it edits the suite's database.
  it('invalidates a layer’s cached tiles at once when its data change, and only that layer’s', async () => {
    const { center } = await parkBiomed();
    const t = tileOf(center[0], center[1], 12);
    const before = await tile('tiles', 'parks', t);
    expect((await tile('tiles', 'parks', t)).res.headers.get('x-tile-cache')).toBe('hit');
    const roads0 = await tile('tiles', 'roads', t);
    expect(roads0.res.status).toBe(200);
    expect((await tile('tiles', 'roads', t)).res.headers.get('x-tile-cache')).toBe('hit');

    await app.db.transaction((tx) => tx.query("UPDATE features SET geom = ST_Translate(geom, 0.001, 0) WHERE id = 'park-biomed'"), 'tester');

    const after = await tile('tiles', 'parks', t, { 'If-None-Match': before.res.headers.get('etag')! });
    expect(after.res.status).toBe(200);
    expect(after.res.headers.get('x-tile-cache')).toBe('miss');
    expect(after.res.headers.get('etag')).not.toBe(before.res.headers.get('etag'));
    expect(Buffer.from(after.body).equals(Buffer.from(before.body))).toBe(false);
    const moved = after.layers[0].features.find((f) => f.properties.id === 'park-biomed')!;
    const was = before.layers[0].features.find((f) => f.properties.id === 'park-biomed')!;
    // 0.001° east is 0.001 / 360 × 2^12 × 4096 ≈ 46.6 tile units.
    const minX = (f: MvtFeature) => Math.min(...f.parts.flat().map((p) => p[0]));
    expect(Math.abs(minX(moved) - minX(was) - (0.001 / 360) * 2 ** 12 * 4096)).toBeLessThanOrEqual(1);

    const roads1 = await tile('tiles', 'roads', t);
    expect(roads1.res.headers.get('x-tile-cache')).toBe('hit');
    expect(roads1.res.headers.get('etag')).toBe(roads0.res.headers.get('etag'));
  });
});
