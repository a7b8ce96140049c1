import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { PbfReader } from 'pbf';
import { VectorTile } from '@mapbox/vector-tile';
import { tilesRoutes } from '../../server/src/tiles/tiles.routes.js';
import { problemHandler } from '../../server/src/http/problem.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { testEngine } from '../support/engine.js';

// Per-zoom generalisation (migration 016): a layer with style.generalise_below is drawn below that zoom
// as cells counting its features, kept current by a trigger. The layer here is made by the test: 400
// small squares on a 20 × 20 grid over part of the district, in the suite's own database clone.
const engine = testEngine();
const LAYER = 'test-dense';
let app: TestApp;
let server: Server;
let base: string;

const lon2x = (lon: number, z: number) => ((lon + 180) / 360) * 2 ** z;
const lat2y = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z;
};
const tileOf = (lon: number, lat: number, z: number) => ({ z, x: Math.floor(lon2x(lon, z)), y: Math.floor(lat2y(lat, z)) });

/** 400 squares of ~30 m, 0.002° apart, south-west corner at (119.93, 32.28). */
async function insertGrid(db: TestApp['db']) {
  await db.query(
    `INSERT INTO features (id, layer_id, name_zh, name_en, geom, accuracy, properties)
     SELECT 'td-' || i || '-' || j, $1, '测试地块 ' || i || '-' || j, 'Test plot ' || i || '-' || j,
            ST_MakeEnvelope(119.93 + i * 0.002, 32.28 + j * 0.002, 119.93 + i * 0.002 + 0.0003, 32.28 + j * 0.002 + 0.0003, 4326),
            'schematic', '{"synthetic": true}'::jsonb
     FROM generate_series(0, 19) i, generate_series(0, 19) j`,
    [LAYER],
  );
}

beforeAll(async () => {
  app = await startTestApp();
  await app.db.query(
    `INSERT INTO layers (id, title_zh, title_en, theme, kind, geometry_type, style, sort)
     VALUES ($1, '测试密集图层', 'Dense test layer', 'benchmark', 'synthetic', 'polygon', '{"minzoom": 10, "generalise_below": 15}', 999)`,
    [LAYER],
  );
  await insertGrid(app.db);
  const e = express();
  e.set('etag', false);
  e.use('/tiles', tilesRoutes(app.db));
  // The other encoder over the same database (PostgreSQL: JS beside ST_AsMVT; PGlite: JS only).
  e.use('/js', tilesRoutes(app.db, { encoder: 'js' }));
  e.use(problemHandler);
  server = await new Promise((resolve) => {
    const s = e.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  await app?.close();
});

interface Decoded { type: number; properties: Record<string, unknown>; rings: { x: number; y: number }[][] }
async function tile(prefix: string, t: { z: number; x: number; y: number }): Promise<{ status: number; features: Decoded[] }> {
  const res = await fetch(`${base}/${prefix}/${LAYER}/${t.z}/${t.x}/${t.y}.mvt`);
  const body = new Uint8Array(await res.arrayBuffer());
  if (res.status !== 200) return { status: res.status, features: [] };
  const layer = new VectorTile(new PbfReader(body)).layers[LAYER];
  const features: Decoded[] = [];
  for (let i = 0; i < layer.length; i++) {
    const f = layer.feature(i);
    features.push({ type: f.type, properties: f.properties, rings: f.loadGeometry().map((r) => r.map((p) => ({ x: p.x, y: p.y }))) });
  }
  return { status: res.status, features };
}

/** The features whose point on surface lies in tile t, counted by PostGIS independently of layer_cells. */
async function countIn(t: { z: number; x: number; y: number }): Promise<number> {
  const { rows } = await app.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM features
     WHERE layer_id = $1 AND ST_Intersects(ST_Transform(ST_PointOnSurface(geom), 3857), ST_TileEnvelope($2, $3, $4))`,
    [LAYER, t.z, t.x, t.y],
  );
  return rows[0].n;
}

const cellsOf = async () =>
  (await app.db.query<{ z: number; cx: number; cy: number; n: number }>('SELECT z, cx, cy, n FROM layer_cells WHERE layer_id = $1 ORDER BY z, cy, cx', [LAYER])).rows;

describe(`generalised tiles (${engine})`, () => {
  it('counts every feature once at every generalised zoom, and none of a layer without generalise_below', async () => {
    const { rows } = await app.db.query<{ z: number; total: number }>('SELECT z, sum(n)::int AS total FROM layer_cells WHERE layer_id = $1 GROUP BY z ORDER BY z', [LAYER]);
    expect(rows).toEqual([10, 11, 12, 13, 14].map((z) => ({ z, total: 400 })));
    const { rows: other } = await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM layer_cells WHERE layer_id = 'parks'`);
    expect(other[0].n).toBe(0);
  });

  it('draws cells below generalise_below and the features from it up', async () => {
    const centre = tileOf(119.95, 32.3, 13);
    const cells = await tile('tiles', centre);
    expect(cells.status).toBe(200);
    expect(cells.features.length).toBeGreaterThan(0);
    expect(cells.features.every((f) => f.properties.generalised === true && typeof f.properties.n === 'number' && f.type === 3)).toBe(true);
    // Cells wholly inside the tile (0..4096) add up to the features PostGIS finds in the tile.
    const inside = cells.features.filter((f) => f.rings[0].every((p) => p.x >= 0 && p.x <= 4096 && p.y >= 0 && p.y <= 4096));
    expect(inside.reduce((s, f) => s + (f.properties.n as number), 0)).toBe(await countIn(centre));
    // Each cell is a 128-unit square (32 per tile side) unless the buffer cuts it.
    const whole = inside.filter((f) => f.rings[0].every((p) => p.x > 0 && p.x < 4096 && p.y > 0 && p.y < 4096));
    for (const f of whole) {
      const xs = f.rings[0].map((p) => p.x);
      const ys = f.rings[0].map((p) => p.y);
      expect([Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)]).toEqual([128, 128]);
    }
    const detail = await tile('tiles', tileOf(119.95, 32.3, 15));
    expect(detail.features.length).toBeGreaterThan(0);
    expect(detail.features.every((f) => String(f.properties.id).startsWith('td-') && f.properties.generalised === undefined)).toBe(true);
    expect((await tile('tiles', tileOf(119.95, 32.3, 9))).status).toBe(204);
  });

  it('gives the same cells from ST_AsMVT and from the JS encoder', async () => {
    for (const z of [10, 12, 14]) {
      const t = tileOf(119.95, 32.3, z);
      const a = await tile('tiles', t);
      const b = await tile('js', t);
      const key = (f: Decoded) => JSON.stringify([f.rings[0].map((p) => [p.x, p.y]), f.properties.n, f.properties.area_m2]);
      expect(b.features.map(key).sort()).toEqual(a.features.map(key).sort());
      expect(a.features.length).toBeGreaterThan(0);
    }
  });

  it('keeps the cells current through inserts, moves, deletes and a change of zooms, as a rebuild would', async () => {
    const t = tileOf(119.95, 32.3, 12);
    const before = await countIn(t);
    await app.db.query(`UPDATE features SET geom = ST_Translate(geom, 0.5, 0) WHERE id = 'td-10-10'`); // far east, out of the tile
    await app.db.query(`DELETE FROM features WHERE id = 'td-11-11'`);
    await app.db.query(`UPDATE features SET name_en = 'renamed' WHERE id = 'td-12-12'`); // same geometry: cells untouched
    const cells = await tile('tiles', t);
    const inside = cells.features.filter((f) => f.rings[0].every((p) => p.x >= 0 && p.x <= 4096 && p.y >= 0 && p.y <= 4096));
    expect(await countIn(t)).toBe(before - 2);
    expect(inside.reduce((s, f) => s + (f.properties.n as number), 0)).toBe(before - 2);
    const maintained = await cellsOf();
    const { rows: [{ n }] } = await app.db.query<{ n: number }>('SELECT atlas_cells_rebuild($1) AS n', [LAYER]);
    expect(await cellsOf()).toEqual(maintained);
    expect(n).toBe(maintained.length);
    // Generalised up to z12 only: the z13 and z14 cells go, z13 tiles show features.
    await app.db.query(`UPDATE layers SET style = style || '{"generalise_below": 13}' WHERE id = $1`, [LAYER]);
    expect([...new Set((await cellsOf()).map((c) => c.z))]).toEqual([10, 11, 12]);
    const z13 = await tile('tiles', tileOf(119.95, 32.3, 13));
    expect(z13.features.every((f) => String(f.properties.id).startsWith('td-'))).toBe(true);
  });

  it('sends a just-encoded tile as it is and its gzip, made in the background, from the next request on', async () => {
    const t = tileOf(119.95, 32.3, 15);
    const get = (): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> =>
      new Promise((resolve, reject) => {
        http.get(`${base}/tiles/${LAYER}/${t.z}/${t.x}/${t.y}.mvt`, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    await app.db.query(`SELECT atlas_bump_version('layer:' || $1)`, [LAYER]);
    const first = await get();
    expect(first.headers['x-tile-cache']).toBe('miss');
    expect(first.headers['content-encoding']).toBeUndefined();
    expect(first.body.length).toBeGreaterThan(1024);
    const second = await get();
    expect(second.headers['x-tile-cache']).toBe('hit');
    expect(second.headers['content-encoding']).toBe('gzip');
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(zlib.gunzipSync(second.body).equals(first.body)).toBe(true);
  });

  it('answers an uncached ?v= URL (its version row, then the tile query) with the same tile the two-step path gives, for cells, features and nothing', async () => {
    for (const prefix of ['tiles', 'js']) {
      for (const z of [9, 12, 15]) {
        const t = tileOf(119.95, 32.3, z);
        await app.db.query(`SELECT atlas_bump_version('layer:' || $1)`, [LAYER]);
        const u = `${base}/${prefix}/${LAYER}/${t.z}/${t.x}/${t.y}.mvt`;
        // The client's TileJSON names the version it was given; after a bump the URL names the new one.
        const { rows: [{ now }] } = await app.db.query<{ now: string }>(`SELECT version::text AS now FROM data_versions WHERE scope = 'layer:' || $1`, [LAYER]);
        const versioned = await fetch(`${u}?v=${now}`);
        expect(versioned.headers.get('x-tile-cache'), `${prefix} z${z}`).toBe('miss');
        const body = Buffer.from(await versioned.arrayBuffer());
        if (z < 10) {
          expect(versioned.status).toBe(204);
          continue;
        }
        expect(versioned.headers.get('cache-control')).toMatch(/immutable/);
        // The unversioned URL now hits the tile the versioned request cached …
        const plain = await fetch(u);
        expect(plain.headers.get('x-tile-cache')).toBe('hit');
        expect(Buffer.from(await plain.arrayBuffer()).equals(body)).toBe(true);
        // … and after another bump (same data) the two-step path encodes the same bytes on its own.
        await app.db.query(`SELECT atlas_bump_version('layer:' || $1)`, [LAYER]);
        const twoStep = await fetch(u);
        expect(twoStep.headers.get('x-tile-cache')).toBe('miss');
        expect(Buffer.from(await twoStep.arrayBuffer()).equals(body), `${prefix} z${z}`).toBe(true);
      }
    }
    // A version the data has moved past gets the current tile, not marked immutable; an unknown layer 404.
    const t = tileOf(119.95, 32.3, 12);
    const stale = await fetch(`${base}/tiles/${LAYER}/${t.z}/${t.x}/${t.y}.mvt?v=1`);
    expect(stale.status).toBe(200);
    expect(stale.headers.get('cache-control')).not.toMatch(/immutable/);
    expect((await fetch(`${base}/tiles/no-such-layer/${t.z}/${t.x}/${t.y}.mvt?v=3`)).status).toBe(404);
  });
});
