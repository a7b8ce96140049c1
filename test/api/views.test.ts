import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { signIn, type Session } from '../support/session.js';

let app: TestApp;
let ed: Session;
beforeAll(async () => {
  app = await startTestApp();
  ed = await signIn(app, 'presenter', 'editor');
});
afterAll(async () => {
  await app?.close();
});

const state = (zoom: number, lang: 'zh' | 'en' = 'zh') => ({
  camera: { center: [119.92, 32.4], zoom, bearing: 0, pitch: 0 },
  layers: [{ id: 'parks', visible: true, opacity: 0.8 }, { id: 'roads', visible: false, opacity: 1 }],
  selected: 'park-biomed',
  highlighted: ['pole-health'],
  filters: { chain: 'biopharma' },
  lang,
  basemap: 'offline',
});
const count = async (table: string) => (await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;

describe('saved views', () => {
  it('creates, lists, renames, reorders and deletes', async () => {
    const a = await ed.fetch('/api/views', { method: 'POST', body: JSON.stringify({ title: '全区', note: 'overview', state: state(10) }) });
    expect(a.status).toBe(201);
    const va = (await a.json()) as { id: string; version: number; state: unknown };
    expect(va.state).toEqual(state(10));
    const vb = (await (await ed.fetch('/api/views', { method: 'POST', body: JSON.stringify({ title: '生物医药产业园', state: state(13, 'en') }) })).json()) as { id: string };
    const list = (await (await fetch(`${app.url}/api/views`)).json()) as Array<{ id: string }>;
    expect(list.map((v) => v.id)).toEqual([va.id, vb.id]);

    const renamed = await ed.fetch(`/api/views/${va.id}`, { method: 'PATCH', headers: { 'If-Match': `"${va.version}"` }, body: JSON.stringify({ title: 'District overview' }) });
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as { title: string }).title).toBe('District overview');
    expect((await ed.fetch(`/api/views/${va.id}`, { method: 'PATCH', headers: { 'If-Match': `"${va.version}"` }, body: JSON.stringify({ title: 'stale' }) })).status).toBe(412);

    const order = await ed.fetch('/api/views-order', { method: 'PUT', body: JSON.stringify({ ids: [vb.id, va.id] }) });
    expect(((await order.json()) as Array<{ id: string }>).map((v) => v.id)).toEqual([vb.id, va.id]);
    expect((await ed.fetch(`/api/views/${vb.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(`${app.url}/api/views/${vb.id}`)).status).toBe(404);
  });

  it.each([
    ['no title', { state: state(10) }],
    ['latitude out of range', { title: 'x', state: { ...state(10), camera: { center: [119.9, 95], zoom: 10 } } }],
    ['zoom not a number', { title: 'x', state: { ...state(10), camera: { center: [119.9, 32.4], zoom: 'far' } } }],
    ['bad layer id', { title: 'x', state: { ...state(10), layers: [{ id: '../etc', visible: true, opacity: 1 }] } }],
    ['opacity above 1', { title: 'x', state: { ...state(10), layers: [{ id: 'parks', visible: true, opacity: 3 }] } }],
    ['unknown field', { title: 'x', state: state(10), colour: 'red' }],
    ['unknown state field', { title: 'x', state: { ...state(10), script: 'alert(1)' } }],
  ])('rejects %s with 400 and stores nothing', async (_name, body) => {
    const before = await count('saved_views');
    const res = await ed.fetch('/api/views', { method: 'POST', body: JSON.stringify(body) });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(await count('saved_views')).toBe(before);
  });

  it('audits each write with its user in the write\'s own transaction; refused writes leave no audit row', async () => {
    const audits = async (target: string) =>
      (await app.db.query<{ username: string; action: string }>('SELECT username, action FROM audit_log WHERE target = $1 ORDER BY id', [target])).rows;
    const v = (await (await ed.fetch('/api/views', { method: 'POST', body: JSON.stringify({ title: 'audited', state: state(11) }) })).json()) as { id: string; version: number };
    expect(await audits(v.id)).toEqual([{ username: 'presenter', action: 'view.create' }]);
    const stale = await ed.fetch(`/api/views/${v.id}`, { method: 'PATCH', headers: { 'If-Match': `"${v.version + 5}"` }, body: JSON.stringify({ title: 'stale' }) });
    expect(stale.status).toBe(412);
    expect((await ed.fetch('/api/views-order', { method: 'PUT', body: JSON.stringify({ ids: [v.id, 'view-missing'] }) })).status).toBe(422);
    expect((await ed.fetch('/api/views/view-missing', { method: 'DELETE' })).status).toBe(404);
    expect(await audits(v.id)).toEqual([{ username: 'presenter', action: 'view.create' }]);
    expect(await audits('view-missing')).toEqual([]);
    expect((await ed.fetch(`/api/views/${v.id}`, { method: 'PATCH', headers: { 'If-Match': `"${v.version}"` }, body: JSON.stringify({ title: 'renamed' }) })).status).toBe(200);
    expect((await ed.fetch(`/api/views/${v.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await audits(v.id)).map((a) => a.action)).toEqual(['view.create', 'view.update', 'view.delete']);
  });

  it('needs an editor session to write', async () => {
    const res = await fetch(`${app.url}/api/views`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title: 'x', state: state(10) }) });
    expect(res.status).toBe(401);
  });
});

describe('briefings', () => {
  it('orders views with captions, resolves them, duplicates, and refuses unknown views', async () => {
    const v1 = (await (await ed.fetch('/api/views', { method: 'POST', body: JSON.stringify({ title: 'one', state: state(10) }) })).json()) as { id: string };
    const v2 = (await (await ed.fetch('/api/views', { method: 'POST', body: JSON.stringify({ title: 'two', state: state(14) }) })).json()) as { id: string };
    const created = await ed.fetch('/api/briefings', {
      method: 'POST',
      body: JSON.stringify({ title: '医药高新区产业空间汇报', subtitle: '2026', steps: [{ view_id: v2.id, caption: '生物医药产业园' }, { view_id: v1.id, caption: '全区' }] }),
    });
    expect(created.status).toBe(201);
    const b = (await created.json()) as { id: string; steps: Array<{ view_id: string; caption: string }>; views: Array<{ id: string }> };
    expect(b.steps.map((s) => s.view_id)).toEqual([v2.id, v1.id]);
    expect(b.views.map((v) => v.id).sort()).toEqual([v1.id, v2.id].sort());
    const dup = await ed.fetch(`/api/briefings/${b.id}/duplicate`, { method: 'POST' });
    expect(dup.status).toBe(201);
    expect(((await dup.json()) as { title: string }).title).toMatch(/\(copy\)$/);

    const before = await count('briefings');
    const bad = await ed.fetch('/api/briefings', { method: 'POST', body: JSON.stringify({ title: 'x', steps: [{ view_id: 'view-missing', caption: '' }] }) });
    expect(bad.status).toBe(422);
    expect(await count('briefings')).toBe(before);
    const badPatch = await ed.fetch(`/api/briefings/${b.id}`, { method: 'PATCH', body: JSON.stringify({ steps: 'all of them' }) });
    expect(badPatch.status).toBe(400);
    const still = (await (await fetch(`${app.url}/api/briefings/${b.id}`)).json()) as { steps: unknown[] };
    expect(still.steps).toHaveLength(2);
  });
});
