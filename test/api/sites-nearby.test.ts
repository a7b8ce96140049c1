import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, Geometry, LineString, Point } from 'geojson';
import type { SiteNearby } from '../../contract/sites.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { signIn, type Session } from '../support/session.js';

let app: TestApp;
let alice: Session;
beforeAll(async () => {
  app = await startTestApp();
  alice = await signIn(app, 'alice', 'editor');
});
afterAll(async () => {
  await app?.close();
});

type Fc = { features: Array<{ id: string; properties: Record<string, unknown>; geometry: Geometry }> };
const items = async (layer: string) => (await (await fetch(`${app.url}/ogc/collections/${layer}/items?f=json&limit=1000`)).json()) as Fc;
const nearby = async (id: string) => {
  const res = await fetch(`${app.url}/api/sites/${id}/nearby`);
  expect(res.status, id).toBe(200);
  return ((await res.json()) as { site_id: string; nearby: SiteNearby[] }).nearby;
};
const create = async (body: Record<string, unknown>) => {
  const res = await alice.fetch('/api/sites', { method: 'POST', body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBe(201);
};

describe('distances on the site card', () => {
  it('names the nearest mapped port, station and expressway with geodesic distances a second library agrees with', async () => {
    // A digitised point inside 生物医药产业园, away from everything.
    const at: [number, number] = [119.8967, 32.3672];
    await create({ id: 'near-a', name_zh: '距离测试', kind: 'land', accuracy: 'digitised', geometry: { type: 'Point', coordinates: at } });
    const got = await nearby('near-a');
    expect(got.map((n) => n.kind).sort()).toEqual(['expressway', 'port', 'station']);

    // The expectation, computed apart: turf on a sphere over the same features as the OGC API serves them
    // (PostGIS's geography is on the spheroid: within 0.5 %).
    const nodes = (await items('nodes')).features;
    const roads = (await items('roads')).features.filter((f) => f.properties.class === 'expressway');
    expect(roads.length).toBeGreaterThanOrEqual(2);
    const p = turf.point(at);
    const nearest = (fs: Fc['features'], d: (f: Fc['features'][number]) => number) => fs.map((f) => ({ id: f.id, d: d(f) })).sort((a, b) => a.d - b.d)[0];
    const want = {
      port: nearest(nodes.filter((f) => f.properties.kind === 'port'), (f) => turf.distance(p, f.geometry as Point, { units: 'meters' })),
      station: nearest(nodes.filter((f) => f.properties.kind === 'station'), (f) => turf.distance(p, f.geometry as Point, { units: 'meters' })),
      expressway: nearest(roads, (f) => Math.min(...turf.flatten(turf.feature(f.geometry)).features.map((l) => turf.pointToLineDistance(p, l as Feature<LineString>, { units: 'meters' })))),
    };
    for (const n of got) {
      const w = want[n.kind];
      expect(n.feature_id, n.kind).toBe(w.id);
      expect(Math.abs(n.distance_m - w.d) / w.d, `${n.kind}: ${n.distance_m} m vs ${w.d.toFixed(0)} m`).toBeLessThan(0.005);
      expect(n.distance_m).toBeGreaterThan(1000); // not a zero from a wrong join
      expect(n.name_en.length).toBeGreaterThan(0);
      // Every mapped target here is schematic, so every distance says it is approximate.
      expect(n.accuracy).toBe('schematic');
      expect(n.approximate).toBe(true);
    }
    expect(got.find((n) => n.kind === 'expressway')!.to).toBe('line');
    expect(got.find((n) => n.kind === 'port')!.to).toBe('point');
  });

  it('measures from the plot’s edge: a plot around the station is 0 m from it, a point beside it is not', async () => {
    const station = (await items('nodes')).features.find((f) => f.properties.kind === 'station')!;
    const [x, y] = (station.geometry as Point).coordinates;
    const d = 0.003;
    await create({ id: 'near-plot', name_zh: '车站地块', kind: 'land', geometry: { type: 'Polygon', coordinates: [[[x - d, y - d], [x + d, y - d], [x + d, y + d], [x - d, y + d], [x - d, y - d]]] } });
    expect((await nearby('near-plot')).find((n) => n.kind === 'station')!.distance_m).toBe(0);
    await create({ id: 'near-point', name_zh: '车站旁', kind: 'office', geometry: { type: 'Point', coordinates: [x + d, y] } });
    const beside = (await nearby('near-point')).find((n) => n.kind === 'station')!.distance_m;
    const want = turf.distance([x + d, y], [x, y], { units: 'meters' });
    expect(Math.abs(beside - want)).toBeLessThan(2);
  });

  it('answers 404 for a site that does not exist and 400 for a malformed id', async () => {
    expect((await fetch(`${app.url}/api/sites/no-such-site/nearby`)).status).toBe(404);
    expect((await fetch(`${app.url}/api/sites/${encodeURIComponent('BAD ID!')}/nearby`)).status).toBe(400);
  });
});
