import { PostgresDatabase, type Database } from '../server/src/db/database.js';
import { openPglite } from '../server/src/db/open.js';
import { adminQuery, databaseUrl, postgresAdminUrl } from '../test/support/engine.js';

export type Engine = 'pglite' | 'postgres';

/**
 * A fresh database of the engine and its drop: PGlite in memory (cloned from the ready dump when there is one,
 * as npm start does), or a new database on the test PostgreSQL server (`url` then names it).
 */
export async function openEngine(engine: Engine, tag = 'bench'): Promise<{ db: Database; drop: () => Promise<void>; url?: string }> {
  if (engine === 'pglite') return { db: (await openPglite()).db, drop: async () => {} };
  const name = `atlas_${tag}_${process.pid}`;
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = databaseUrl(postgresAdminUrl(), name);
  return { db: PostgresDatabase.connect(url, 20), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`), url };
}
