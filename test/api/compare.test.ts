import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { signIn, type Session } from '../support/session.js';

/*
 * Plan-version compare (GET /api/compare) and bringing a deleted feature back through revert, on the
 * engine this project runs. The polygons are drawn here: a 0.004° square in the district and the same
 * square moved east by exactly half its width, so by symmetry added ≈ removed ≈ unchanged ≈ half the area.
 */

let app: TestApp;
let alice: Session;
beforeAll(async () => {
  app = await startTestApp();
  alice = await signIn(app, 'alice', 'editor');
});
afterAll(async () => {
  await app?.close();
});

const square = (x: number, y: number, d = 0.004) => ({ type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] });
const X = 119.93;
const Y = 32.31;

interface Compare {
  a: { kind: string; id: string; version: number | null; geometry: GeoJSON.Geometry; features: number };
  b: { kind: string; id: string; version: number | null; geometry: GeoJSON.Geometry; features: number };
  area_a_m2: number; area_b_m2: number; unchanged_m2: number; added_m2: number; removed_m2: number;
  added: GeoJSON.Geometry | null; removed: GeoJSON.Geometry | null; unit: string;
}
const compare = async (query: string) => {
  const res = await fetch(`${app.url}/api/compare?${query}`);
  return { status: res.status, body: (await res.json()) as Compare & { detail?: string } };
};
const history = async (id: string) =>
  (await (await fetch(`${app.url}/api/features/${id}/history`)).json()) as Array<{ version: number; op: string; area_km2: number }>;

async function twoVersions(id: string): Promise<void> {
  const created = await alice.fetch('/api/features', { method: 'POST', body: JSON.stringify({ id, layer_id: 'zones', name_zh: '比较地块', name_en: 'Compare plot', accuracy: 'digitised', geometry: square(X, Y) }) });
  expect(created.status).toBe(201);
  const moved = await alice.fetch(`/api/features/${id}`, { method: 'PATCH', headers: { 'If-Match': '"1"' }, body: JSON.stringify({ geometry: square(X + 0.002, Y) }) });
  expect(moved.status).toBe(200);
}

describe('GET /api/compare', () => {
  it('splits two versions into unchanged, added and removed areas that add up, in m² by PostGIS', async () => {
    await twoVersions('cmp-plot');
    const { status, body } = await compare('a=cmp-plot@1&b=cmp-plot@2');
    expect(status).toBe(200);
    expect(body.unit).toBe('m²');
    expect([body.a.version, body.b.version]).toEqual([1, 2]);
    expect(body.a.geometry.type).toBe('Polygon');
    // Agrees with the history's geodesic area (geography) to 0.01 %.
    const [h1] = await history('cmp-plot');
    expect(Math.abs(body.area_a_m2 - h1.area_km2 * 1e6) / body.area_a_m2).toBeLessThan(1e-4);
    expect(body.area_a_m2).toBeGreaterThan(150_000);
    // The parts add up to each side, and the half-width shift halves the square.
    expect(Math.abs(body.unchanged_m2 + body.removed_m2 - body.area_a_m2)).toBeLessThan(1);
    expect(Math.abs(body.unchanged_m2 + body.added_m2 - body.area_b_m2)).toBeLessThan(1);
    for (const part of [body.unchanged_m2, body.added_m2, body.removed_m2]) expect(Math.abs(part / (body.area_a_m2 / 2) - 1)).toBeLessThan(0.002);
    // The added part lies east of the old square, the removed part west of the new one.
    const xs = (g: GeoJSON.Geometry | null) => JSON.stringify(g).match(/\[(119\.\d+),/g)!.map((s) => Number(s.slice(1, -1)));
    expect(Math.min(...xs(body.added))).toBeGreaterThanOrEqual(X + 0.004 - 1e-6);
    expect(Math.max(...xs(body.removed))).toBeLessThanOrEqual(X + 0.002 + 1e-6);
  });

  it('compares a version with the current feature, and two layers (the same layer: nothing added or removed)', async () => {
    const cur = await compare('a=cmp-plot@2&b=cmp-plot');
    expect(cur.status).toBe(200);
    expect(cur.body.b.kind).toBe('current');
    expect(cur.body.added_m2).toBe(0);
    expect(cur.body.removed_m2).toBe(0);
    expect(cur.body.added).toBeNull();
    const layers = await compare('layerA=zones&layerB=zones');
    expect(layers.status).toBe(200);
    expect(layers.body.a.kind).toBe('layer');
    expect(layers.body.a.features).toBeGreaterThan(1);
    expect(layers.body.added_m2).toBe(0);
    expect(layers.body.unchanged_m2).toBeCloseTo(layers.body.area_a_m2, 0);
    const parks = await compare('layerA=zones&layerB=parks');
    expect(parks.status).toBe(200);
    expect(parks.body.added_m2 + parks.body.unchanged_m2).toBeCloseTo(parks.body.area_b_m2, -1);
  });

  it('refuses bad input with a problem document: 400 malformed, 404 missing, 422 not an area', async () => {
    const cases: Array<[string, number, RegExp]> = [
      ['', 400, /Say what to compare/],
      ['a=cmp-plot@1', 400, /b must be a feature id/],
      ['a=Bad Id&b=cmp-plot', 400, /a must be a feature id/],
      ['a=cmp-plot@0&b=cmp-plot', 400, /start at 1/],
      ['a=cmp-plot@1&b=cmp-plot@2&layerA=zones', 400, /not both/],
      ['a=cmp-plot@1&b=cmp-plot@2&x=1', 400, /Unknown query parameter/],
      ['layerA=zones&layerB=../etc', 400, /layerB/],
      ['a=cmp-plot@1&b=cmp-plot@99', 404, /version 99/],
      ['a=no-such-feature&b=cmp-plot', 404, /no-such-feature/],
      ['layerA=zones&layerB=nope', 404, /nope/],
      ['layerA=zones&layerB=sites', 422, /not an area/],
    ];
    for (const [q, status, detail] of cases) {
      const res = await fetch(`${app.url}/api/compare?${q}`);
      expect(res.status, q).toBe(status);
      expect(res.headers.get('content-type'), q).toMatch(/problem\+json/);
      expect(((await res.json()) as { detail: string }).detail, q).toMatch(detail);
    }
  });
});

describe('a deleted feature keeps its history and can be brought back', () => {
  it('compares versions of a deleted feature, refuses a stale restore, restores as a new version', async () => {
    await twoVersions('cmp-gone');
    expect((await alice.fetch('/api/features/cmp-gone', { method: 'DELETE', headers: { 'If-Match': '"2"' } })).status).toBe(204);
    expect((await fetch(`${app.url}/api/features/cmp-gone`)).status).toBe(404);
    const h = await history('cmp-gone');
    expect(h.map((e) => e.op)).toEqual(['insert', 'update', 'delete']);
    expect((await compare('a=cmp-gone@1&b=cmp-gone@2')).status).toBe(200);
    // The tombstone repeats the last state: it is not a version to compare or restore.
    expect((await compare('a=cmp-gone@1&b=cmp-gone@3')).status).toBe(404);
    const revert = (ifMatch: number, to: number) => alice.fetch('/api/features/cmp-gone/revert', { method: 'POST', headers: { 'If-Match': `"${ifMatch}"` }, body: JSON.stringify({ version: to }) });
    expect((await revert(3, 3)).status).toBe(404);
    const stale = await revert(2, 1);
    expect(stale.status).toBe(412);
    expect((await fetch(`${app.url}/api/features/cmp-gone`)).status).toBe(404);
    expect((await history('cmp-gone')).length).toBe(3);
    const back = await revert(3, 1);
    expect(back.status).toBe(200);
    const f = (await back.json()) as { properties: { version: number }; geometry: GeoJSON.Polygon };
    expect(f.properties.version).toBe(4);
    expect(f.geometry.coordinates[0][0]).toEqual([X, Y]);
    expect((await history('cmp-gone')).map((e) => e.op)).toEqual(['insert', 'update', 'delete', 'insert']);
    // Restored once: a second restore with the old tombstone is stale.
    expect((await revert(3, 1)).status).toBe(412);
  });

  it('refuses writes without a session', async () => {
    const res = await fetch(`${app.url}/api/features/cmp-plot/revert`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'If-Match': '"2"' }, body: '{"version":1}' });
    expect(res.status).toBe(401);
  });
});
