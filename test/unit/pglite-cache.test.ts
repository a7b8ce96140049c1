import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { describe, expect, it } from 'vitest';
import { PgliteDatabase } from '../../server/src/db/database.js';
import { migrate } from '../../server/src/db/migrate.js';
import { openPglite, prepareDumps } from '../../server/src/db/open.js';
import { dumpPath, migrationsKey, slimPostgisBundle } from '../../server/src/db/pglite-cache.js';
import { loadSeeds } from '../../server/src/seed/load.js';

// The embedded engine's start-up cache (server/src/db/pglite-cache.ts): a slim PostGIS bundle and ready
// data-directory dumps. These tests open real PGlite databases.
describe('PGlite start-up cache', () => {
  it('makes a slim PostGIS bundle with postgis-3.so, its install script and PROJ data, without raster, topology or upgrade scripts', async () => {
    const files: string[] = [];
    await tar.t({ file: await slimPostgisBundle(), onReadEntry: (e) => files.push(e.path) });
    expect(files).toContain('lib/postgresql/postgis-3.so');
    expect(files).toContain('share/postgresql/extension/postgis.control');
    expect(files.some((f) => /^share\/postgresql\/extension\/postgis--\d+\.\d+\.\d+\.sql$/.test(f))).toBe(true);
    expect(files.some((f) => f.startsWith('share/proj/proj.db'))).toBe(true);
    expect(files.filter((f) => /raster|topology|tiger|--.*--/.test(f))).toEqual([]);
  });

  it('creates PostGIS from the slim bundle on a new database and transforms to CGCS2000 / 3-degree GK (EPSG:4549) with PROJ', async () => {
    const db = await PgliteDatabase.open({});
    try {
      await db.exec('CREATE EXTENSION IF NOT EXISTS postgis');
      const { rows: [r] } = await db.query<{ x: number; y: number }>(
        'SELECT ST_X(p) AS x, ST_Y(p) AS y FROM (SELECT ST_Transform(ST_SetSRID(ST_Point(120, 32), 4326), 4549) AS p) t');
      // On the central meridian the easting is the false easting; cs2cs gives northing 3541852.434.
      expect(r.x).toBeCloseTo(500000, 3);
      expect(r.y).toBeCloseTo(3541852.434, 2);
    } finally {
      await db.close();
    }
  }, 120_000); // CREATE EXTENSION postgis on a new PGlite takes 10–19 s alone, several times that on a loaded machine

  it('clones a new data directory from the seeded dump: today’s migrations and seeds are there already', async () => {
    await prepareDumps(() => undefined);
    expect(fs.existsSync(dumpPath('base', migrationsKey()))).toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-cache-test-'));
    try {
      const { db, from } = await openPglite(path.join(dir, 'pglite'));
      try {
        expect(from).toMatch(/^seeded dump /);
        expect(await migrate(db)).toEqual([]);
        expect((await loadSeeds(db)).skipped).toBe(true);
        const { rows: [n] } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM features WHERE layer_id = 'parks'`);
        expect(n.n).toBeGreaterThan(0);
      } finally {
        await db.close();
      }
      // The second open is of the existing directory, not a clone.
      const again = await openPglite(path.join(dir, 'pglite'));
      expect(again.from).toBeNull();
      await again.db.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
