/**
 * Re-measures only "map idle with the 100k-parcel tile layer" (PostgreSQL) and writes it into
 * bench/report.json / report.md, for when the full run's measurement failed or changed:
 * `bash scripts/with-postgres.sh tsx bench/map-idle-parcels.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PostgresDatabase } from '../server/src/db/database.js';
import { migrate } from '../server/src/db/migrate.js';
import { loadSeeds } from '../server/src/seed/load.js';
import { loadParcels, PARCEL_LAYER } from './parcels.js';
import { mapIdle } from './map-idle.js';
import { renderReport } from './report.js';
import { adminQuery, databaseUrl, postgresAdminUrl } from '../test/support/engine.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const name = `atlas_bench_idle_${process.pid}`;
await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await adminQuery(`CREATE DATABASE ${name}`);
const db = PostgresDatabase.connect(databaseUrl(postgresAdminUrl(), name), 10);
try {
  await migrate(db);
  await loadSeeds(db);
  await loadParcels(db, 100000);
  const { rows: [c] } = await db.query<{ x: number; y: number }>(
    `WITH c AS (SELECT ST_Centroid(ST_Collect(ST_Centroid(geom))) AS p FROM features WHERE layer_id = $1)
     SELECT ST_X(ST_Centroid(f.geom)) AS x, ST_Y(ST_Centroid(f.geom)) AS y FROM features f, c
     WHERE f.layer_id = $1 ORDER BY f.geom <-> c.p LIMIT 1`, [PARCEL_LAYER]);
  const result = await mapIdle(db, true, [c.x, c.y]);
  console.log(result);
  const file = path.join(root, 'bench/report.json');
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  const size = report.engines.find((e: { engine: string }) => e.engine === 'postgres').sizes.find((s: { parcels: number }) => s.parcels === 100000);
  size.map_idle_parcels = { ...result, note: `${result.note}; re-measured on its own by bench/map-idle-parcels.ts at ${new Date().toISOString()}` };
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  fs.writeFileSync(path.join(root, 'bench/report.md'), renderReport(report));
} finally {
  await db.close();
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
