import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { PgliteDatabase, PostgresDatabase, type Database } from './database.js';
import { migrate } from './migrate.js';
import { dumpPath, migrationsKey, readDump, writeDump } from './pglite-cache.js';
import { loadSeeds, seedBundleHash, type SeedReport } from '../seed/load.js';
import { readSeedBundle } from '../seed/sources.js';

/** Opens the configured engine, applies migrations and loads the seeds (a no-op when unchanged). */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'> & { databaseReadUrl?: string | null }, log = console.log): Promise<{ db: Database; seed: SeedReport }> {
  const t0 = performance.now();
  let from = '';
  let db: Database;
  if (config.databaseUrl) db = PostgresDatabase.connect(config.databaseUrl, 10, config.databaseReadUrl);
  else {
    const opened = await openPglite(path.join(config.dataDir, 'pglite'));
    db = opened.db;
    from = opened.from ? ` (new, from ${opened.from})` : '';
  }
  const t1 = performance.now();
  const applied = await migrate(db);
  const seed = await loadSeeds(db);
  const t2 = performance.now();
  log(
    `[db] ${db.engine} open in ${Math.round(t1 - t0)} ms${from}; migrations ${applied.length ? applied.join(', ') : 'up to date'}; ` +
      `seed ${seed.skipped ? 'unchanged' : `+${seed.inserted} ~${seed.updated} -${seed.deleted} (kept ${seed.keptEdits} edits)`} in ${Math.round(t2 - t1)} ms`,
  );
  return { db, seed };
}

/**
 * Opens a PGlite database in `dataDir` (undefined: in memory). A new one is cloned from the ready dump
 * that fits best (pglite-cache.ts): seeded with today's seeds, else migrated, else created from nothing;
 * the caller migrates and seeds as always, which is then a no-op or a small step. `from` names the dump.
 */
export async function openPglite(dataDir?: string): Promise<{ db: PgliteDatabase; from: string | null }> {
  const exists = dataDir !== undefined && fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (exists) return { db: await PgliteDatabase.open({ dataDir }), from: null };
  const mk = migrationsKey();
  const candidates: Array<[string, string]> = [
    ['seeded', dumpPath('seeded', `${mk}-${seedBundleHash(readSeedBundle()).slice(0, 12)}`)],
    ['base', dumpPath('base', mk)],
  ];
  for (const [name, file] of candidates) {
    const dump = readDump(file);
    if (dump) return { db: await PgliteDatabase.open({ dataDir, loadDataDir: dump }), from: `${name} dump ${path.basename(file)}` };
  }
  return { db: await PgliteDatabase.open({ dataDir }), from: 'nothing (no ready dump: run npm run db:prepare)' };
}

/**
 * Makes the ready dumps for today's migrations and seeds (npm install runs it; a start works without):
 * a new in-memory database, migrated (base dump), then seeded (seeded dump). Returns the files written.
 */
export async function prepareDumps(log = console.log): Promise<string[]> {
  const mk = migrationsKey();
  const base = dumpPath('base', mk);
  const seeded = dumpPath('seeded', `${mk}-${seedBundleHash(readSeedBundle()).slice(0, 12)}`);
  if (fs.existsSync(base) && fs.existsSync(seeded)) return [];
  const t0 = performance.now();
  const { db } = await openPglite();
  try {
    await migrate(db);
    if (!fs.existsSync(base)) await writeDump(base, await db.dump('none'));
    await loadSeeds(db);
    await writeDump(seeded, await db.dump('none'));
  } finally {
    await db.close();
  }
  log(`[db] ready PGlite dumps written in ${Math.round(performance.now() - t0)} ms: ${path.basename(base)}, ${path.basename(seeded)}`);
  return [base, seeded];
}
