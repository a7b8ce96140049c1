import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchResult, SitesResult } from '../../contract/api.js';
import type { SiteCollection } from '../../contract/sites.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { loadDemoSites, removeDemoSites } from '../../server/src/sites/demo-sites.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const sites = async (qs = '') => (await (await fetch(`${app.url}/api/sites${qs}`)).json()) as SiteCollection;
const match = async (q: string) => {
  const res = await fetch(`${app.url}/api/match?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return (await res.json()) as MatchResult;
};

describe('the demo set', () => {
  it('is not loaded by default; loaded on request, every demo site says so', async () => {
    expect((await sites()).features.filter((f) => f.properties.demo)).toEqual([]);
    expect((await loadDemoSites(app.db)).loaded).toBe(6);
    const demo = (await sites()).features.filter((f) => f.id.startsWith('demo-'));
    expect(demo).toHaveLength(6);
    for (const f of demo) {
      expect(f.properties.demo).toBe(true);
      expect(f.properties.source.kind).toBe('demo');
      expect(f.properties.name_zh).toContain('演示数据');
      expect(f.properties.source.note).toMatch(/DEMO/);
    }
    // Loading twice changes nothing.
    await loadDemoSites(app.db);
    expect((await sites()).features.filter((f) => f.properties.demo)).toHaveLength(6);
  });
});

describe('the areas of inventory sites (GET /api/sites/areas)', () => {
  it('counts an entered land area (basis entered), keeps floor space apart, and says why an office site has no area', async () => {
    await loadDemoSites(app.db);
    const res = await fetch(`${app.url}/api/sites/areas?min_area_km2=0.03`);
    expect(res.status).toBe(200);
    const r = (await res.json()) as SitesResult;
    const plot = r.sites.find((x) => x.id === 'demo-biomed-plot-a')!;
    // 60 亩 entered for the demo plot: 60 × 10000/15 m² = 0.04 km², no polygon, no document figure.
    expect(plot.area).toMatchObject({ basis: 'entered', computed_km2: null, stated: null });
    expect(plot.area.entered_m2).toBeCloseTo(40000, 3);
    expect(plot.area.km2).toBeCloseTo(0.04, 6);
    // 30 亩 (0.02 km²) is under the minimum; a factory has floor space, not land area: unknown, with the reason.
    expect(r.sites.map((x) => x.id)).not.toContain('demo-biomed-plot-b');
    const factory = r.unknown_area.find((x) => x.id === 'demo-biomed-factory-1')!;
    expect(factory.area).toMatchObject({ km2: null, basis: null, entered_m2: null, floor_area_m2: 6000 });
    expect(factory.area.reason_en).toMatch(/^No land area entered in the inventory/);
    expect(factory.area.reason_zh).toMatch(/^载体库未录入用地面积/);
    // A document site keeps the documents' reason.
    const doc = r.unknown_area.find((x) => x.id === 'site-former-wistron')!;
    expect(doc.area.reason_en).toMatch(/^Area not stated in the documents/);
  });
});

describe('/api/match ranks sites for a stated need', () => {
  it('ADC 50亩: land of at least 50 亩, open, for the chain; too small, other kinds and occupied left out; says why', async () => {
    const r = await match('ADC 50亩');
    expect(r.need).toMatchObject({ kind: 'land' });
    expect(r.need!.area_m2).toBeCloseTo(50 * 10000 / 15, 1);
    const ids = r.sites.map((s) => s.id);
    expect(ids).toContain('demo-biomed-plot-a'); // 60 亩, available, listed for biopharma
    expect(ids).toContain('site-southwest'); // 3.29 km², planned
    expect(ids).not.toContain('demo-biomed-plot-b'); // 30 亩 < 50 亩
    expect(ids).not.toContain('demo-biomed-factory-1'); // not land
    const a = r.sites.find((s) => s.id === 'demo-biomed-plot-a')!;
    expect(a.fits_area).toBe(true);
    expect(a.demo).toBe(true);
    expect(a.reasons_zh.join(' ')).toMatch(/≥ 需求/);
    expect(a.reasons_en.join(' ')).toMatch(/demo data/);
    // Available and listed for the chain ranks above planned land of the same park.
    expect(ids.indexOf('demo-biomed-plot-a')).toBeLessThan(ids.indexOf('site-southwest'));
    // A site of unknown area is kept but said to be unknown, never assumed to fit.
    for (const s of r.sites.filter((x) => x.area_m2 === null)) {
      expect(s.fits_area).toBe(false);
      expect(s.reasons_en.join(' ')).toMatch(/area not stated/);
    }
  });

  it('医疗器械 5000平方米 厂房: factories with ≥ 5000 m² floor space for medical devices', async () => {
    const r = await match('医疗器械 5000平方米 厂房');
    expect(r.need).toMatchObject({ kind: 'factory', area_m2: 5000 });
    expect(r.chains.map((c) => c.id)).toContain('medical-devices');
    const ids = r.sites.map((s) => s.id);
    expect(ids).toEqual(['demo-biomed-factory-1']);
    expect(r.sites[0]).toMatchObject({ kind: 'factory', floor_area_m2: 6000, fits_area: true });
    expect(r.sites[0].reasons_en.join(' ')).toMatch(/listed for this chain/);
  });

  it('without the demo set, the same query finds only what the documents give', async () => {
    expect((await removeDemoSites(app.db)).removed).toBe(6);
    const r = await match('医疗器械 5000平方米 厂房');
    expect(r.sites).toEqual([]);
    const land = await match('ADC 50亩');
    expect(land.sites.every((s) => !s.id.startsWith('demo-'))).toBe(true);
  });
});
