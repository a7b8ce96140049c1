import path from 'node:path';
import type { Config } from '../config.js';
import { PgliteDatabase, PostgresDatabase, type Database } from './database.js';
import { migrate } from './migrate.js';
import { loadSeeds, type SeedReport } from '../seed/load.js';

/** Opens the configured engine, applies migrations and loads the seeds (a no-op when unchanged). */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'> & { databaseReadUrl?: string | null }, log = console.log): Promise<{ db: Database; seed: SeedReport }> {
  const t0 = performance.now();
  const db: Database = config.databaseUrl
    ? PostgresDatabase.connect(config.databaseUrl, 10, config.databaseReadUrl)
    : await PgliteDatabase.open({ dataDir: path.join(config.dataDir, 'pglite') });
  const t1 = performance.now();
  const applied = await migrate(db);
  const seed = await loadSeeds(db);
  const t2 = performance.now();
  log(
    `[db] ${db.engine} open in ${Math.round(t1 - t0)} ms; migrations ${applied.length ? applied.join(', ') : 'up to date'}; ` +
      `seed ${seed.skipped ? 'unchanged' : `+${seed.inserted} ~${seed.updated} -${seed.deleted} (kept ${seed.keptEdits} edits)`} in ${Math.round(t2 - t1)} ms`,
  );
  return { db, seed };
}
