import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { AtlasFeatureCollection, Chain, FeatureDetail, Health, LayerInfo } from '../../contract/api.js';
import { loadSeeds } from '../../server/src/seed/load.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { testEngine } from '../support/engine.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const get = (path: string, init?: RequestInit) => fetch(app.url + path, init);
const json = async <T>(path: string): Promise<T> => {
  const res = await get(path);
  expect(res.status, `${path} → ${res.status}`).toBe(200);
  return (await res.json()) as T;
};

describe('health', () => {
  it('names the engine under test and its PostGIS', async () => {
    const h = await json<Health>('/api/health');
    expect(h.status).toBe('ok');
    expect(h.database).toBe(testEngine());
    expect(h.postgis).toMatch(/^3\.\d+/);
  });
});

describe('layer catalogue', () => {
  it('lists the foundation layers with counts and extents inside the district', async () => {
    const layers = await json<LayerInfo[]>('/api/layers');
    const byId = new Map(layers.map((l) => [l.id, l]));
    for (const id of ['district', 'parks', 'structure', 'axes', 'roads', 'water']) {
      const l = byId.get(id);
      expect(l, `layer ${id}`).toBeDefined();
      expect(l!.feature_count).toBeGreaterThan(0);
      expect(l!.title_zh).not.toBe('');
      expect(l!.title_en).not.toBe('');
      const [minX, minY, maxX, maxY] = l!.bbox!;
      // Taizhou lies around 119.7–120.4°E, 32.0–33.2°N; anything else is a coordinate mix-up.
      expect(minX).toBeGreaterThan(119.5);
      expect(maxX).toBeLessThan(120.6);
      expect(minY).toBeGreaterThan(31.9);
      expect(maxY).toBeLessThan(33.3);
    }
  });
});

describe('layer GeoJSON', () => {
  it('serves the five parks and 口岸街道 as schematic polygons with PostGIS areas and sources', async () => {
    const res = await get('/api/layers/parks');
    expect(res.headers.get('content-type')).toMatch(/application\/geo\+json/);
    const fc = (await res.json()) as AtlasFeatureCollection;
    expect(fc.type).toBe('FeatureCollection');
    const ids = fc.features.map((f) => f.id).sort();
    expect(ids).toEqual(['kouan', 'park-biomed', 'park-chemical', 'park-electronics', 'park-equipment', 'park-port'].sort());
    for (const f of fc.features) {
      expect(f.properties.name_zh).toMatch(/[\u4e00-\u9fff]/);
      expect(f.properties.name_en).toMatch(/[A-Za-z]/);
      expect(f.properties.accuracy).toBe('schematic');
      expect(f.properties.sources.length, `${f.id} has sources`).toBeGreaterThan(0);
      expect(f.properties.sources[0].quote.length).toBeGreaterThan(3);
      expect(f.properties.sources[0].document_title_zh).not.toBe('');
      // The server's area comes from PostGIS on the spheroid; turf's spherical area must agree closely.
      const km2 = turf.area(f as never) / 1e6;
      expect(f.properties.area_km2).toBeGreaterThan(0);
      expect(Math.abs(f.properties.area_km2! - km2) / km2).toBeLessThan(0.005);
    }
  });

  it('gives lines a length and no area', async () => {
    const fc = await json<AtlasFeatureCollection>('/api/layers/axes');
    expect(fc.features.length).toBeGreaterThanOrEqual(2);
    for (const f of fc.features) {
      expect(f.geometry.type).toMatch(/LineString/);
      expect(f.properties.length_km).toBeGreaterThan(0.5);
      expect(f.properties.area_km2).toBeUndefined();
    }
  });

  it('answers a repeat request with 304 and a changed layer with a new ETag', async () => {
    const first = await get('/api/layers/parks');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/); // strong, not W/
    expect(first.headers.get('cache-control')).toMatch(/must-revalidate/);
    expect((await get('/api/layers/parks', { headers: { 'If-None-Match': etag } })).status).toBe(304);

    await app.db.transaction((tx) => tx.query("UPDATE features SET name_en = name_en || ' (renamed)' WHERE id = 'kouan'"), 'tester');
    const after = await get('/api/layers/parks', { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const fc = (await after.json()) as AtlasFeatureCollection;
    expect(fc.features.find((f) => f.id === 'kouan')!.properties.name_en).toMatch(/\(renamed\)$/);
  });

  it('compresses large responses', async () => {
    const res = await get('/api/layers/district', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
  });
});

describe('feature detail', () => {
  it('returns a park with its figures and their sources', async () => {
    const d = await json<FeatureDetail>('/api/features/park-biomed');
    expect(d.feature.id).toBe('park-biomed');
    expect(d.feature.properties.name_zh).toContain('生物医药');
    for (const t of d.targets) {
      expect(t.citation.quote.replace(/\s/g, '')).toContain(t.value_text.replace(/\s/g, ''));
    }
  });
});

describe('chains', () => {
  it('lists the 30 chains of 001 with 2024 revenue and 2027/2030 targets, each cited', async () => {
    const chains = await json<Chain[]>('/api/chains');
    expect(chains).toHaveLength(30);
    for (const c of chains) {
      expect(c.figures.map((f) => f.year).sort()).toEqual([2024, 2027, 2030]);
      for (const f of c.figures) {
        expect(f.unit).toBe('亿元');
        expect(f.citation.document_id).toBe('001');
        expect(f.citation.quote.replace(/\s/g, '')).toContain(f.value_text);
      }
    }
    const chem = chains.find((c) => c.name_zh === '化学药')!;
    expect(chem.figures.find((f) => f.year === 2024)!.value).toBe(177.6);
  });
});

describe('errors are problem+json, never stack traces', () => {
  it.each([
    ['/api/layers/no-such-layer', 404],
    ['/api/layers/Bad%20Id', 400],
    ['/api/features/no-such-feature', 404],
    ['/api/features/%27%3B%20DROP%20TABLE%20features%3B--', 400],
    ['/api/nothing-here', 404],
  ])('%s → %i', async (path, status) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const body = (await res.json()) as { status: number; title: string };
    expect(body.status).toBe(status);
    expect(body.title).toBeTruthy();
    expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
  });
});

describe('seed loader and history', () => {
  it('is idempotent: a forced re-run writes nothing and bumps no version', async () => {
    const count = async () => (await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM feature_history')).rows[0].n;
    const before = await count();
    expect((await loadSeeds(app.db)).skipped).toBe(true);
    await app.db.query("DELETE FROM atlas_meta WHERE key = 'seed_hash'");
    const report = await loadSeeds(app.db);
    expect(report.skipped).toBe(false);
    expect(report.inserted).toBe(0);
    expect(report.updated).toBe(0);
    expect(report.unchanged).toBeGreaterThan(10);
    expect(await count()).toBe(before);
  });

  it('keeps every version with who and when, and a re-seed does not overwrite a person’s edit', async () => {
    await app.db.transaction(
      (tx) => tx.query("UPDATE features SET geom = ST_Buffer(geom::geography, 50)::geometry WHERE id = 'pole-finance'"),
      'alice',
    );
    const hist = (
      await app.db.query<{ version: number; op: string; changed_by: string }>(
        "SELECT version, op, changed_by FROM feature_history WHERE feature_id = 'pole-finance' ORDER BY version",
      )
    ).rows;
    expect(hist.map((h) => [h.version, h.op, h.changed_by])).toEqual([
      [1, 'insert', 'seed'],
      [2, 'update', 'alice'],
    ]);
    // A new seed release that changes the same feature must not overwrite the person's edit.
    const { readSeedBundle } = await import('../../server/src/seed/sources.js');
    const bundle = readSeedBundle();
    bundle.features.find((f) => f.id === 'pole-finance')!.name_en += ' (seed v2)';
    const report = await loadSeeds(app.db, bundle);
    expect(report.keptEdits).toBe(1);
    const v = (await app.db.query<{ version: number; updated_by: string }>("SELECT version, updated_by FROM features WHERE id = 'pole-finance'")).rows[0];
    expect(v).toEqual({ version: 2, updated_by: 'alice' });
  });

  it('rejects seed data whose quote is not in its document, writing nothing', async () => {
    const { readSeedBundle } = await import('../../server/src/seed/sources.js');
    const bundle = readSeedBundle();
    bundle.figures = [...bundle.figures, { ...bundle.figures[0], id: 'forged', value_text: '999', cite: { doc: '001', quote: '化学药 999' } }];
    await app.db.query("DELETE FROM atlas_meta WHERE key = 'seed_hash'");
    await expect(loadSeeds(app.db, bundle)).rejects.toThrow(/quote not found/);
    expect((await app.db.query("SELECT 1 FROM targets WHERE id = 'forged'")).rows).toHaveLength(0);
  });
});
