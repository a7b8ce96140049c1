import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});
const one = async <T>(sql: string, values: unknown[] = []) => (await app.db.query<T>(sql, values)).rows[0];
const areaKm2 = async (id: string) =>
  (await one<{ a: number }>('SELECT ST_Area(geom::geography) / 1e6 AS a FROM features WHERE id = $1', [id])).a;

describe('stated areas hold, computed by PostGIS', () => {
  it.each([
    // [feature, stated km², tolerance, where it is stated]
    ['zone-southwest', 3.29, 0.01, '000: 3.29平方公里的西南片区'],
    ['green-chunjiang-wetland', 3.9, 0.02, '002: 春江湿地 390 公顷'],
    ['gaogang', 402.87, 0.05, 'reference: 7 街道 + 5 镇, 402.87 km² (2025)'],
  ])('%s ≈ %f km² (±%f)', async (id, stated, tol) => {
    const a = await areaKm2(id);
    expect(Math.abs(a - stated) / stated).toBeLessThan(tol);
  });
});

describe('geometry is honest and consistent', () => {
  it('every feature has an accuracy class, and everything not from a published map is schematic', async () => {
    const rows = (await app.db.query<{ id: string; accuracy: string; layer_id: string; method: string | null }>(
      "SELECT id, accuracy, layer_id, properties->>'method' AS method FROM features",
    )).rows;
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) {
      expect(['surveyed', 'digitised', 'schematic']).toContain(r.accuracy);
      if (r.accuracy === 'schematic') expect(r.method, `${r.id} says how it was drawn`).toBeTruthy();
    }
    // Nothing here was surveyed; the only digitised geometry is the published (DataV) boundaries and gazetteer points.
    expect(rows.filter((r) => r.accuracy === 'surveyed')).toEqual([]);
    for (const r of rows.filter((r) => r.accuracy === 'digitised')) expect(['district', 'neighbours', 'subdistricts']).toContain(r.layer_id);
  });

  it('every feature of the district lies inside the current extent', async () => {
    const outside = (await app.db.query<{ id: string }>(
      `SELECT f.id FROM features f, features d
       WHERE d.id = 'gaogang' AND f.layer_id NOT IN ('neighbours', 'district', 'water')
         AND NOT ST_CoveredBy(f.geom, ST_Buffer(d.geom::geography, 1)::geometry)`,
    )).rows;
    expect(outside).toEqual([]);
  });

  it("each pole's edges follow the roads the text names as its bounds", async () => {
    const poles = (await app.db.query<{ id: string; bounds: Record<string, string> }>(
      "SELECT id, properties->'bounds' AS bounds FROM features WHERE layer_id = 'structure' AND properties ? 'bounds'",
    )).rows;
    expect(poles.map((p) => p.id).sort()).toEqual(['pole-finance', 'pole-health', 'pole-hsr']);
    for (const p of poles) {
      const roadIds = Object.values(p.bounds);
      expect(roadIds).toHaveLength(4);
      // Every vertex of the pole's ring lies on (within 1 m of) one of its four roads.
      const r = await one<{ worst: number; roads: number }>(
        `SELECT max(d) AS worst, (SELECT count(*)::int FROM features WHERE id = ANY($2::text[]) AND layer_id = 'roads') AS roads
         FROM (SELECT ST_Distance(pt.geom::geography, (SELECT ST_Union(geom) FROM features WHERE id = ANY($2::text[]))::geography) AS d
               FROM features f, ST_DumpPoints(ST_ExteriorRing(ST_GeometryN(f.geom, 1))) pt WHERE f.id = $1) x`,
        [p.id, roadIds],
      );
      expect(r.roads).toBe(4);
      expect(r.worst).toBeLessThan(1);
    }
  });

  it('keeps the dated DataV polygon apart from the current extent, with its vintage', async () => {
    const r = await one<{ vintage: string; accuracy: string; smaller: boolean }>(
      `SELECT o.properties->>'vintage' AS vintage, o.accuracy, ST_Area(o.geom::geography) < ST_Area(c.geom::geography) AS smaller
       FROM features o, features c WHERE o.id = 'gaogang-datav-2021' AND c.id = 'gaogang'`,
    );
    expect(r.vintage).toMatch(/2021/);
    expect(r.accuracy).toBe('digitised');
    expect(r.smaller).toBe(true);
  });
});
