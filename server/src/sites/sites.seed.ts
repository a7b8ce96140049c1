import type { Queryable } from '../db/database.js';
import type { SeedCite, SeedFeature, SeedLandUse } from '../seed/sources.js';
import crypto from 'node:crypto';

const hashOf = (v: unknown) => crypto.createHash('sha1').update(JSON.stringify(v)).digest('hex');

/** Loads the land-use classes (parents first); classes no site uses any more and the file drops are removed. */
export async function writeLandUseClasses(tx: Queryable, lu: SeedLandUse): Promise<void> {
  let sort = 0;
  for (const c of [...lu.classes].sort((a, b) => a.level - b.level)) {
    await tx.query(
      `INSERT INTO land_use_classes (code, level, parent_code, name_zh, name_en, aliases, sort) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (code) DO UPDATE SET level = EXCLUDED.level, parent_code = EXCLUDED.parent_code, name_zh = EXCLUDED.name_zh,
         name_en = EXCLUDED.name_en, aliases = EXCLUDED.aliases, sort = EXCLUDED.sort
       WHERE (land_use_classes.*) IS DISTINCT FROM (EXCLUDED.*)`,
      [c.code, c.level, c.parent, c.name_zh, c.name_en, c.aliases, sort++]);
  }
  await tx.query(`DELETE FROM land_use_classes l WHERE NOT (code = ANY($1::text[])) AND NOT EXISTS (SELECT 1 FROM sites s WHERE s.land_use_code = l.code)
    AND NOT EXISTS (SELECT 1 FROM land_use_classes k WHERE k.parent_code = l.code)`, [lu.classes.map((c) => c.code)]);
}

/**
 * The sites the documents name (geodata/sites.geojson) go into the inventory as document sites: their
 * quote as source, what the text says (status as drawn, the use as worded, a stated area in km² from
 * `stated_area_km2`, whose quote is the site's own) and nothing else: kind 'land' (all five are 地块 or
 * 片区), no price, no contact, no land-use class (the documents give none). A site a person edited since
 * the seed wrote it is left alone; seed-owned sites the file no longer has are removed.
 */
export async function writeDocumentSites(tx: Queryable, features: SeedFeature[], cite: (c: SeedCite) => Promise<string>, seedUser: string): Promise<void> {
  const existing = new Map((await tx.query<{ id: string; seed_hash: string | null; updated_by: string }>('SELECT id, seed_hash, updated_by FROM sites')).rows.map((r) => [r.id, r]));
  for (const f of features) {
    const hash = hashOf([f.name_zh, f.name_en, f.parent, f.accuracy, f.geometry, f.properties, f.sources]);
    const row = existing.get(f.id);
    if (row && (row.seed_hash === hash || row.updated_by !== seedUser)) continue;
    if (!f.sources.length) throw new Error(`Site ${f.id} has no source: a document site needs its quote.`);
    const citation = await cite(f.sources[0]);
    const p = f.properties;
    const km2 = typeof p.stated_area_km2 === 'number' ? p.stated_area_km2 : null;
    if (km2 !== null && !f.sources[0].quote.includes(String(km2))) throw new Error(`Site ${f.id}: stated_area_km2 ${km2} is not in its quote.`);
    const status = ['available', 'reserved', 'planned', 'occupied'].includes(String(p.status)) ? String(p.status) : null;
    await tx.query(
      `INSERT INTO sites (id, park_id, zone_id, name_zh, name_en, kind, geom, accuracy, method, area_m2, status, land_use_note,
         notes, source_kind, citation_id, seed_hash)
       VALUES ($1, (SELECT id FROM features WHERE id = $2 AND layer_id = 'parks'), $3, $4, $5, 'land', ST_SetSRID(ST_GeomFromGeoJSON($6), 4326),
         $7, $8, $9, $10, $11, $12, 'document', $13, $14)
       ON CONFLICT (id) DO UPDATE SET park_id = EXCLUDED.park_id, zone_id = EXCLUDED.zone_id, name_zh = EXCLUDED.name_zh,
         name_en = EXCLUDED.name_en, geom = EXCLUDED.geom, accuracy = EXCLUDED.accuracy, method = EXCLUDED.method,
         area_m2 = EXCLUDED.area_m2, status = EXCLUDED.status, land_use_note = EXCLUDED.land_use_note, notes = EXCLUDED.notes,
         source_kind = 'document', citation_id = EXCLUDED.citation_id, seed_hash = EXCLUDED.seed_hash`,
      [f.id, f.parent, typeof p.zone === 'string' ? p.zone : null, f.name_zh, f.name_en || null, JSON.stringify(f.geometry), f.accuracy,
        typeof p.method === 'string' ? p.method : null, km2 === null ? null : km2 * 1e6, status,
        typeof p.land_use === 'string' ? p.land_use : null, typeof p.note === 'string' ? p.note : null, citation, hash]);
  }
  const seeded = new Set(features.map((f) => f.id));
  for (const [id, row] of existing) {
    if (!seeded.has(id) && row.updated_by === seedUser && row.seed_hash) await tx.query('DELETE FROM sites WHERE id = $1', [id]);
  }
}
