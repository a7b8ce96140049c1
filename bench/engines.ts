import { PgliteDatabase, PostgresDatabase, type Database } from '../server/src/db/database.js';
import { adminQuery, databaseUrl, postgresAdminUrl } from '../test/support/engine.js';

export type Engine = 'pglite' | 'postgres';

/** A fresh, empty database of the engine (PGlite in memory; a new database on the test PostgreSQL server) and its drop. */
export async function openEngine(engine: Engine, tag = 'bench'): Promise<{ db: Database; drop: () => Promise<void> }> {
  if (engine === 'pglite') return { db: await PgliteDatabase.open({}), drop: async () => {} };
  const name = `atlas_${tag}_${process.pid}`;
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${name}`);
  return { db: PostgresDatabase.connect(databaseUrl(postgresAdminUrl(), name), 20), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
