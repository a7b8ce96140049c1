import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database.js';
import { repoRoot } from '../seed/sources.js';
import { SitesRepository } from './sites.repository.js';
import { checkSite } from './sites.service.js';
import { parseSiteBody, type SiteValues } from './site-fields.js';

interface DemoFile { note: string; sites: Array<Record<string, unknown> & { id: string; park: string; offset: [number, number] }> }

/**
 * Loads the labelled demo set (seeds/demo-sites.json), invented data for showing the features: each site
 * is stored with source kind 'demo' and demo = true, placed at an offset from a point inside its park.
 * Only `npm run db:seed -- --demo-sites` calls this; `--remove-demo-sites` takes them out again.
 */
export async function loadDemoSites(db: Database, file = path.join(repoRoot, 'seeds', 'demo-sites.json')): Promise<{ loaded: number }> {
  const demo = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoFile;
  const prepared: Array<{ id: string; values: SiteValues; geojson: string }> = [];
  for (const d of demo.sites) {
    const { park, offset, id, ...rest } = d;
    const { rows } = await db.query<{ g: string | null }>(
      `SELECT ST_AsGeoJSON(ST_Translate(ST_PointOnSurface(geom), $2::float8, $3::float8), 7) AS g FROM features WHERE id = $1 AND layer_id = 'parks'`, [park, offset[0], offset[1]]);
    if (!rows[0]?.g) throw new Error(`Demo site ${id}: no park "${park}".`);
    const p = parseSiteBody({ ...rest, park_id: park, accuracy: 'schematic', geometry: JSON.parse(rows[0].g) }, false);
    if (p.errors.length) throw new Error(`Demo site ${id}: ${p.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
    const c = await checkSite(db, p.values, p.geometry, p.values);
    if (c.errors.length) throw new Error(`Demo site ${id}: ${c.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
    prepared.push({ id, values: c.values, geojson: c.geojson! });
  }
  await db.transaction(async (tx) => {
    const repo = new SitesRepository(tx);
    for (const s of prepared) {
      if (await repo.row(s.id)) await repo.update(s.id, null, s.values, s.geojson);
      else await repo.insert(s.id, s.values, s.geojson, { kind: 'demo', by: 'demo', note: '示例数据 / DEMO data: invented, not a real site (seeds/demo-sites.json)' });
    }
  }, 'demo');
  return { loaded: prepared.length };
}

/** Removes every demo site (their history stays, as for any delete). */
export async function removeDemoSites(db: Database): Promise<{ removed: number }> {
  return db.transaction(async (tx) => ({ removed: (await tx.query('DELETE FROM sites WHERE demo RETURNING id')).rows.length }), 'demo');
}
