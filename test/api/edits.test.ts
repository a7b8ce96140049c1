import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasFeature } from '../../contract/api.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { signIn, type Session } from '../support/session.js';

let app: TestApp;
let alice: Session;
let bob: Session;
beforeAll(async () => {
  app = await startTestApp();
  alice = await signIn(app, 'alice', 'editor');
  bob = await signIn(app, 'bob', 'editor');
});
afterAll(async () => {
  await app?.close();
});

const feature = async (id: string) => (await (await fetch(`${app.url}/api/features/${id}`)).json()).feature as AtlasFeature;
const patch = (s: Session, id: string, version: number | null, body: unknown) =>
  s.fetch(`/api/features/${id}`, { method: 'PATCH', headers: version === null ? {} : { 'If-Match': `"${version}"` }, body: JSON.stringify(body) });

describe('who may write', () => {
  it('refuses writes without a session (401), without the CSRF token (403), and admin work to an editor (403)', async () => {
    const anon = await fetch(`${app.url}/api/features/kouan`, { method: 'PATCH', headers: { 'Content-Type': 'application/json', 'If-Match': '"1"' }, body: '{"name_en":"x"}' });
    expect(anon.status).toBe(401);
    const noCsrf = await fetch(`${app.url}/api/features/kouan`, {
      method: 'PATCH', headers: { 'Content-Type': 'application/json', 'If-Match': '"1"', Cookie: alice.cookie }, body: '{"name_en":"x"}',
    });
    expect(noCsrf.status).toBe(403);
    expect((await alice.fetch('/api/users')).status).toBe(403);
    expect((await feature('kouan')).properties.name_en).not.toBe('x');
  });

  it('sets the session cookie HttpOnly, SameSite=Strict and Secure', async () => {
    const res = await fetch(`${app.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'alice', password: 'pw-alice-0123456789' }) });
    const c = res.headers.get('set-cookie')!;
    expect(c).toMatch(/HttpOnly/);
    expect(c).toMatch(/SameSite=Strict/);
    expect(c).toMatch(/Secure/);
  });

  it('rate-limits password guessing', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${app.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'nobody', password: `guess-${i}` }) });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('optimistic concurrency', () => {
  it('needs If-Match (428) and names the conflict (412) with the current version', async () => {
    expect((await patch(alice, 'park-port', null, { name_en: 'Port park' })).status).toBe(428);
    const stale = await patch(alice, 'park-port', 99, { name_en: 'Port park' });
    expect(stale.status).toBe(412);
    const body = (await stale.json()) as { current_version: number; current: AtlasFeature };
    expect(body.current_version).toBe(1);
    expect(body.current.id).toBe('park-port');
  });

  it('two editors on the same version: one wins, one gets 412, history has the winner', async () => {
    const before = await feature('park-electronics');
    const [a, b] = await Promise.all([
      patch(alice, 'park-electronics', before.properties.version, { name_en: 'Electronics park (alice)' }),
      patch(bob, 'park-electronics', before.properties.version, { name_en: 'Electronics park (bob)' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const winner = a.status === 200 ? 'alice' : 'bob';
    const after = await feature('park-electronics');
    expect(after.properties.version).toBe(before.properties.version + 1);
    expect(after.properties.name_en).toBe(`Electronics park (${winner})`);
    const hist = (await (await fetch(`${app.url}/api/features/park-electronics/history`)).json()) as Array<{ version: number; changed_by: string; changed: string[] }>;
    expect(hist.map((h) => h.version)).toEqual([1, 2]);
    expect(hist[1].changed_by).toBe(winner);
    expect(hist[1].changed).toEqual(['name_en']);
    // The loser retries on the new version and wins: nothing is lost.
    const loser = winner === 'alice' ? bob : alice;
    expect((await patch(loser, 'park-electronics', after.properties.version, { name_en: 'Electronics park (merged)' })).status).toBe(200);
  });
});

describe('geometry edits, history and revert', () => {
  it('rejects an invalid or wrong-type geometry with the reason, changing nothing', async () => {
    const before = await feature('park-chemical');
    const bowtie = { type: 'Polygon', coordinates: [[[119.9, 32.3], [119.91, 32.31], [119.91, 32.3], [119.9, 32.31], [119.9, 32.3]]] };
    const bad = await patch(alice, 'park-chemical', before.properties.version, { geometry: bowtie });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { reason: string }).reason).toMatch(/Self-intersection/i);
    expect((await patch(alice, 'park-chemical', before.properties.version, { geometry: { type: 'Point', coordinates: [119.9, 32.3] } })).status).toBe(422);
    expect((await patch(alice, 'park-chemical', before.properties.version, { geometry: { type: 'Polygon', coordinates: 'nope' } })).status).toBe(400);
    expect((await patch(alice, 'park-chemical', before.properties.version, { colour: 'red' })).status).toBe(400);
    const after = await feature('park-chemical');
    expect(after.properties.version).toBe(before.properties.version);
    expect(after.geometry).toEqual(before.geometry);
  });

  it('records the area change, and a revert is a new version equal to the old one', async () => {
    const v1 = await feature('zone-cmc-expo');
    const ring = (v1.geometry as GeoJSON.Polygon).coordinates[0];
    const [minX, minY] = [Math.min(...ring.map((p) => p[0])), Math.min(...ring.map((p) => p[1]))];
    const square = { type: 'Polygon', coordinates: [[[minX, minY], [minX + 0.01, minY], [minX + 0.01, minY + 0.01], [minX, minY + 0.01], [minX, minY]]] };
    const res = await patch(alice, 'zone-cmc-expo', 1, { geometry: square, accuracy: 'digitised' });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    const hist = (await (await fetch(`${app.url}/api/features/zone-cmc-expo/history?geometry=true`)).json()) as Array<{ version: number; area_km2: number; area_change_km2: number; changed: string[]; geometry: GeoJSON.Polygon }>;
    expect(hist).toHaveLength(2);
    expect(hist[1].changed.sort()).toEqual(['accuracy', 'geometry']);
    expect(hist[1].area_change_km2).toBeCloseTo(hist[1].area_km2 - hist[0].area_km2, 5);
    expect(hist[1].geometry.type).toBe('Polygon');

    const rev = await alice.fetch('/api/features/zone-cmc-expo/revert', { method: 'POST', headers: { 'If-Match': '"2"' }, body: JSON.stringify({ version: 1 }) });
    expect(rev.status).toBe(200);
    const v3 = await feature('zone-cmc-expo');
    expect(v3.properties.version).toBe(3);
    expect(v3.properties.accuracy).toBe(v1.properties.accuracy);
    expect(v3.properties.area_km2).toBe(v1.properties.area_km2);
    const audit = (await app.db.query<{ username: string; action: string }>("SELECT username, action FROM audit_log WHERE target = 'zone-cmc-expo' ORDER BY id")).rows;
    expect(audit).toEqual([{ username: 'alice', action: 'feature.update' }, { username: 'alice', action: 'feature.revert' }]);
  });

  it('creates and deletes features, keeping a tombstone in history', async () => {
    const created = await alice.fetch('/api/features', {
      method: 'POST',
      body: JSON.stringify({ id: 'site-test-plot', layer_id: 'nodes', name_zh: '测试节点', name_en: 'Test node', accuracy: 'digitised', parent_id: 'park-biomed', geometry: { type: 'Point', coordinates: [119.91, 32.4] }, properties: {} }),
    });
    expect(created.status).toBe(201);
    // Sites live in the inventory (/api/sites, migration 012): not writable as map features.
    const site = await alice.fetch('/api/features', { method: 'POST', body: JSON.stringify({ id: 'site-other', layer_id: 'sites', name_zh: 'x', name_en: 'x', accuracy: 'digitised', geometry: { type: 'Point', coordinates: [119.91, 32.4] } }) });
    expect(site.status).toBe(409);
    expect(((await site.json()) as { detail: string }).detail).toMatch(/\/api\/sites/);
    expect((await alice.fetch('/api/features', { method: 'POST', body: JSON.stringify({ id: 'site-test-plot', layer_id: 'nodes', name_zh: 'x', name_en: 'x', accuracy: 'digitised', geometry: { type: 'Point', coordinates: [119.91, 32.4] } }) })).status).toBe(409);
    expect((await alice.fetch('/api/features/site-test-plot', { method: 'DELETE', headers: { 'If-Match': '"1"' } })).status).toBe(204);
    expect((await fetch(`${app.url}/api/features/site-test-plot`)).status).toBe(404);
    const hist = (await (await fetch(`${app.url}/api/features/site-test-plot/history`)).json()) as Array<{ op: string; version: number }>;
    expect(hist.map((h) => [h.version, h.op])).toEqual([[1, 'insert'], [2, 'delete']]);
  });

  it('restores a deleted seeded feature with its sources (citations travel in the tombstone)', async () => {
    const id = 'park-port';
    const before = await feature(id);
    const sources = before.properties.sources;
    expect(sources.length).toBeGreaterThan(0);
    const v = before.properties.version;
    expect((await alice.fetch(`/api/features/${id}`, { method: 'DELETE', headers: { 'If-Match': `"${v}"` } })).status).toBe(204);
    expect((await fetch(`${app.url}/api/features/${id}`)).status).toBe(404);
    const back = await alice.fetch(`/api/features/${id}/revert`, { method: 'POST', headers: { 'If-Match': `"${v + 1}"` }, body: JSON.stringify({ version: v }) });
    expect(back.status, await back.clone().text()).toBe(200);
    const after = await feature(id);
    expect(after.properties.version).toBe(v + 2);
    expect(after.properties.sources).toEqual(sources);
    expect(after.geometry).toEqual(before.geometry);
  });
});
