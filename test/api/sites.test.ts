import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { SiteCollection, SiteFeature, SiteVersion } from '../../contract/sites.js';
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

const list = async (qs = '') => {
  const res = await fetch(`${app.url}/api/sites${qs}`);
  expect(res.status, qs).toBe(200);
  return (await res.json()) as SiteCollection;
};
const ids = async (qs = '') => (await list(qs)).features.map((f) => f.id);
const one = async (id: string) => (await (await fetch(`${app.url}/api/sites/${id}`)).json()) as SiteFeature;
const create = (s: Session, body: unknown) => s.fetch('/api/sites', { method: 'POST', body: JSON.stringify(body) });
const patch = (s: Session, id: string, version: number | null, body: unknown) =>
  s.fetch(`/api/sites/${id}`, { method: 'PATCH', headers: version === null ? {} : { 'If-Match': `"${version}"` }, body: JSON.stringify(body) });
const count = async () => Number((await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sites')).rows[0].n);
const FIXED = ['id', 'park_id', 'name_zh', 'name_en', 'kind', 'status', 'status_as_of', 'area_m2', 'area_mu', 'floor_area_m2', 'land_use_code',
  'land_use_zh', 'land_use_en', 'price_value', 'price_unit', 'chains', 'contact_name', 'contact_phone', 'source'];

// Inside park-biomed (生物医药产业园), well inside the district.
const INSIDE: [number, number] = [119.8967, 32.3672];
const plot = (x: number, y: number, d = 0.002) => ({ type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] });

describe('the document sites', () => {
  it('are the five sites the documents name, each with its verbatim quote; nothing else is invented', async () => {
    const fc = await list();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f) => f.id)).toEqual(['site-former-wistron', 'site-haiji', 'site-longfengtang', 'site-shengsen', 'site-southwest']);
    const docs = new Map<string, string>();
    for (const f of fc.features) {
      for (const k of FIXED) expect(f.properties, `${f.id}.${k}`).toHaveProperty(k);
      expect(f.properties.source.kind).toBe('document');
      const doc = f.properties.source.document_id!;
      if (!docs.has(doc)) {
        const file = fs.readdirSync('seeds/documents').find((n) => n.startsWith(doc))!;
        docs.set(doc, fs.readFileSync(path.join('seeds/documents', file), 'utf8').replace(/\s+/g, ''));
      }
      expect(docs.get(doc)).toContain(f.properties.source.quote!.replace(/\s+/g, ''));
      // The documents give no price, contact or land-use class for any of them.
      expect(f.properties.price_value).toBeNull();
      expect(f.properties.contact_phone).toBeNull();
      expect(f.properties.land_use_code).toBeNull();
      expect(f.properties.demo).toBe(false);
    }
    const sw = fc.features.find((f) => f.id === 'site-southwest')!.properties;
    // 3.29 km², stated in its own quote; 1 亩 = 10000/15 m².
    expect(sw.source.quote).toContain('3.29平方公里');
    expect(sw.area_m2).toBe(3_290_000);
    expect(sw.area_mu).toBeCloseTo(4935, 4);
    expect(sw.area_basis).toBe('stated');
    expect(fc.features.find((f) => f.id === 'site-haiji')!.properties.area_m2).toBeNull();
  });

  it('are the OGC API Features collection "sites" with the same ids', async () => {
    const res = await fetch(`${app.url}/ogc/collections/sites/items?f=json`);
    expect(res.status).toBe(200);
    const fc = (await res.json()) as { features: Array<{ id: string; properties: Record<string, unknown> }> };
    expect(fc.features.map((f) => f.id).sort()).toEqual(await ids());
    expect(fc.features.find((f) => f.id === 'site-southwest')!.properties.status).toBe('planned');
  });
});

describe('staff keep the inventory', () => {
  let version = 0;
  it('creates a site, naming every bad field with nothing written', async () => {
    const before = await count();
    const bad = await create(alice, { id: 'plot-a', name_zh: '测试地块', kind: 'castle', area_mu: -3, geometry: { type: 'Point', coordinates: INSIDE } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
    const pb = (await bad.json()) as { field: string; errors: Array<{ field: string }> };
    expect(pb.errors.map((e) => e.field).sort()).toEqual(['area_mu', 'kind']);
    const unknown = await create(alice, { id: 'plot-a', name_zh: '测试地块', kind: 'land', park_id: 'park-nowhere', colour: 'red', geometry: { type: 'Point', coordinates: INSIDE } });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { field: string }).field).toBe('colour');
    const park = await create(alice, { id: 'plot-a', name_zh: '测试地块', kind: 'land', park_id: 'park-nowhere', geometry: { type: 'Point', coordinates: INSIDE } });
    expect(park.status).toBe(422);
    expect(((await park.json()) as { field: string }).field).toBe('park_id');
    const outside = await create(alice, { id: 'plot-a', name_zh: '测试地块', kind: 'land', geometry: { type: 'Point', coordinates: [116.4, 39.9] } });
    expect(outside.status).toBe(422);
    expect(((await outside.json()) as { detail: string }).detail).toMatch(/outside the district/);
    const bowtie = { type: 'Polygon', coordinates: [[[119.89, 32.36], [119.9, 32.37], [119.9, 32.36], [119.89, 32.37], [119.89, 32.36]]] };
    const selfx = await create(alice, { id: 'plot-a', name_zh: '测试地块', kind: 'land', geometry: bowtie });
    expect(selfx.status).toBe(422);
    expect(((await selfx.json()) as { detail: string }).detail).toMatch(/invalid/i);
    const price = await create(alice, { id: 'plot-a', name_zh: '测试地块', kind: 'factory', price_value: 20, price_unit: '万元/亩', geometry: { type: 'Point', coordinates: INSIDE } });
    expect(price.status).toBe(422);
    expect(((await price.json()) as { field: string }).field).toBe('price_unit');
    expect(await count()).toBe(before);

    const ok = await create(alice, {
      id: 'plot-a', name_zh: '测试地块', name_en: 'Test plot', kind: 'land', park_id: 'park-biomed', status: 'available', status_as_of: '2026-11-30',
      area_mu: 50, land_use_code: 'M2', price_value: 18, price_unit: '万元/亩', chains: ['biopharma'], contact_name: '王工', contact_phone: '0523-0000',
      geometry: plot(...INSIDE),
    });
    expect(ok.status).toBe(201);
    const f = (await ok.json()) as SiteFeature;
    expect(f.properties.area_m2).toBeCloseTo(50 * 10000 / 15, 2);
    expect(f.properties.area_mu).toBe(50);
    // The old GB 50137 code M2 is the guide's 100102 二类工业用地.
    expect(f.properties.land_use_code).toBe('100102');
    expect(f.properties.land_use_zh).toBe('二类工业用地');
    expect(f.properties.source).toMatchObject({ kind: 'staff', by: 'alice' });
    version = f.properties.version;
    expect((await create(alice, { id: 'plot-a', name_zh: 'x', kind: 'land', geometry: { type: 'Point', coordinates: INSIDE } })).status).toBe(409);
    // The map layer and OGC API show it too (the projection).
    const layer = (await (await fetch(`${app.url}/ogc/collections/sites/items/plot-a?f=json`)).json()) as { properties: Record<string, unknown> };
    expect(layer.properties).toMatchObject({ status: 'available', land_use_code: '100102' });
  });

  it('takes a map-editor edit of its feature into the site (same version), and reverts it the same way', async () => {
    // A bad status from the feature editor is refused naming the field; nothing changes.
    const bad = await alice.fetch('/api/features/plot-a', { method: 'PATCH', headers: { 'If-Match': `"${version}"` }, body: JSON.stringify({ properties: { status: 'sold' } }) });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { field: string }).field).toBe('status');
    // A new map feature of layer 'sites' is refused: sites are created in the inventory.
    const add = await alice.fetch('/api/features', { method: 'POST', body: JSON.stringify({ id: 'site-x', layer_id: 'sites', name_zh: 'x', name_en: 'x', accuracy: 'digitised', geometry: { type: 'Point', coordinates: INSIDE } }) });
    expect(add.status).toBe(409);
    expect((await create(alice, { id: 'bridge-site', name_zh: '桥接地块', kind: 'land', status: 'available', geometry: { type: 'Point', coordinates: INSIDE } })).status).toBe(201);
    const ed = await alice.fetch('/api/features/bridge-site', { method: 'PATCH', headers: { 'If-Match': '"1"' }, body: JSON.stringify({ name_en: 'Bridge plot', properties: { status: 'planned' } }) });
    expect(ed.status).toBe(200);
    expect((await one('bridge-site')).properties).toMatchObject({ name_en: 'Bridge plot', status: 'planned', version: 2, updated_by: 'alice' });
    expect((await alice.fetch('/api/features/bridge-site', { method: 'PATCH', headers: { 'If-Match': '"1"' }, body: JSON.stringify({ name_en: 'stale' }) })).status).toBe(412);
    const rv = await alice.fetch('/api/features/bridge-site/revert', { method: 'POST', headers: { 'If-Match': '"2"' }, body: JSON.stringify({ version: 1 }) });
    expect(rv.status).toBe(200);
    expect((await one('bridge-site')).properties).toMatchObject({ name_en: null, status: 'available', version: 3 });
    expect((await alice.fetch('/api/sites/bridge-site', { method: 'DELETE', headers: { 'If-Match': '"3"' } })).status).toBe(204);
  });

  it('edits with If-Match: 428 without, 412 with a stale version and the current site, nothing written', async () => {
    expect((await patch(alice, 'plot-a', null, { status: 'reserved' })).status).toBe(428);
    const ok = await patch(alice, 'plot-a', version, { status: 'reserved', price_value: 20 });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe(`"${version + 1}"`);
    const stale = await patch(bob, 'plot-a', version, { status: 'occupied' });
    expect(stale.status).toBe(412);
    const body = (await stale.json()) as { current_version: number; current: SiteFeature };
    expect(body.current_version).toBe(version + 1);
    expect(body.current.properties.status).toBe('reserved');
    const bad = await patch(alice, 'plot-a', version + 1, { status: 'sold' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { field: string }).field).toBe('status');
    expect((await one('plot-a')).properties).toMatchObject({ status: 'reserved', price_value: 20, version: version + 1 });
  });

  it('keeps every version with who and what changed, reverts one, and undoes a delete', async () => {
    const h = (await (await fetch(`${app.url}/api/sites/plot-a/history`)).json()) as SiteVersion[];
    expect(h.map((v) => [v.version, v.op, v.changed_by])).toEqual([[version + 1, 'update', 'alice'], [version, 'insert', 'alice']]);
    expect(h[0].changes).toEqual({ status: { from: 'available', to: 'reserved' }, price_value: { from: 18, to: 20 } });
    const rv = await alice.fetch('/api/sites/plot-a/revert', { method: 'POST', headers: { 'If-Match': `"${version + 1}"` }, body: JSON.stringify({ version }) });
    expect(rv.status).toBe(200);
    expect((await one('plot-a')).properties).toMatchObject({ status: 'available', price_value: 18, version: version + 2 });
    expect((await alice.fetch('/api/sites/plot-a', { method: 'DELETE', headers: { 'If-Match': `"${version}"` } })).status).toBe(412);
    expect((await alice.fetch('/api/sites/plot-a', { method: 'DELETE', headers: { 'If-Match': `"${version + 2}"` } })).status).toBe(204);
    expect((await fetch(`${app.url}/api/sites/plot-a`)).status).toBe(404);
    expect((await fetch(`${app.url}/ogc/collections/sites/items/plot-a?f=json`)).status).toBe(404);
    const undo = await bob.fetch('/api/sites/plot-a/revert', { method: 'POST', headers: { 'If-Match': `"${version + 3}"` }, body: JSON.stringify({ version: version + 2 }) });
    expect(undo.status).toBe(200);
    const back = await one('plot-a');
    expect(back.properties).toMatchObject({ status: 'available', price_value: 18, contact_phone: '0523-0000', version: version + 4, updated_by: 'bob' });
    expect(back.geometry.type).toBe('Polygon');
    const h2 = (await (await fetch(`${app.url}/api/sites/plot-a/history`)).json()) as SiteVersion[];
    expect(h2.slice(0, 2).map((v) => v.op)).toEqual(['insert', 'delete']);
  });
});

describe('GET /api/sites filters', () => {
  beforeAll(async () => {
    const mk = async (body: Record<string, unknown>) => expect((await create(alice, body)).status, JSON.stringify(body)).toBe(201);
    await mk({ id: 'f-factory', name_zh: '标准厂房一号', kind: 'factory', park_id: 'park-electronics', status: 'available', floor_area_m2: 6000, chains: ['medical-devices'], geometry: { type: 'Point', coordinates: [119.868, 32.4125] } });
    await mk({ id: 'f-small', name_zh: '小地块', kind: 'land', park_id: 'park-biomed', status: 'planned', area_mu: 10, land_use_code: '100101', geometry: { type: 'Point', coordinates: [119.8968, 32.3673] } });
    await mk({ id: 'f-store', name_zh: '仓库', kind: 'warehouse', park_id: 'park-biomed', status: 'occupied', floor_area_m2: 2000, land_use_code: '1101', geometry: { type: 'Point', coordinates: [119.8969, 32.3674] } });
  });

  it('filters by status, kind, park, chain, area in 亩, floor area, land use (with sub-classes) and bbox', async () => {
    expect(await ids('?status=occupied')).toEqual(['f-store']);
    expect(await ids('?status=available&kind=factory')).toEqual(['f-factory']);
    expect(await ids('?kind=land&park=park-biomed')).toEqual(['f-small', 'plot-a', 'site-southwest']);
    expect(await ids('?chain=medical-devices')).toEqual(['f-factory']);
    expect(await ids('?chain=biopharma,medical-devices')).toEqual(['f-factory', 'plot-a']);
    expect(await ids('?min_area_mu=20')).toEqual(['plot-a', 'site-southwest']);
    expect(await ids('?min_area_mu=20&max_area_mu=100')).toEqual(['plot-a']);
    expect(await ids('?max_area_mu=20')).toEqual(['f-small']);
    expect(await ids('?min_floor_area_m2=5000')).toEqual(['f-factory']);
    expect(await ids('?land_use=1001')).toEqual(['f-small', 'plot-a']);
    expect(await ids('?land_use=1101')).toEqual(['f-store']);
    expect(await ids('?bbox=119.86,32.40,119.87,32.42')).toEqual(['f-factory', 'site-former-wistron']);
  });

  it('names the bad parameter in a 400 problem', async () => {
    for (const [qs, field] of [['?status=sold', 'status'], ['?kind=castle', 'kind'], ['?min_area_mu=abc', 'min_area_mu'], ['?bbox=1,2,3', 'bbox'], ['?land_use=M1', 'land_use'], ['?colour=red', 'colour']]) {
      const res = await fetch(`${app.url}/api/sites${qs}`);
      expect(res.status, qs).toBe(400);
      expect(((await res.json()) as { field: string }).field, qs).toBe(field);
    }
  });
});
