import crypto from 'node:crypto';
import pg from 'pg';
import { PgliteDatabase, PostgresDatabase, type Database, type Engine } from '../../server/src/db/database.js';

/** The engine this vitest project tests; set by vitest.config.ts. */
export function testEngine(value = process.env.ATLAS_TEST_ENGINE): Engine {
  const e = value;
  if (e !== 'pglite' && e !== 'postgres') throw new Error(`ATLAS_TEST_ENGINE must be pglite or postgres, got "${e}"`);
  return e;
}

/** The admin URL of the PostgreSQL test server. Throws (never skips) when it is not configured. */
export function postgresAdminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'TEST_DATABASE_URL is not set: the PostgreSQL half of the suite cannot run. ' +
        'Run the tests with `npm test`, which starts a PostgreSQL server, or set TEST_DATABASE_URL to a server with PostGIS.',
    );
  }
  return url;
}

/** The URL of database `name` on the same server as `adminUrl`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs one statement on the admin database (CREATE/DROP DATABASE cannot run in a pool transaction). */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TemplateInfo {
  engine: Engine;
  /** pglite: path of the dumped data directory; postgres: template database name. */
  template: string;
}

/** A fresh database cloned from the seeded template: each suite gets its own. */
export async function cloneTemplate(info: TemplateInfo): Promise<Database> {
  if (info.engine === 'pglite') {
    const fs = await import('node:fs');
    // Typed as a plain tar: PGlite then untars it at once (an untyped gzip is first tried as a tar, then inflated).
    const blob = new Blob([fs.readFileSync(info.template)], { type: 'application/x-tar' });
    return PgliteDatabase.open({ loadDataDir: blob });
  }
  const name = `atlas_t_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${info.template}`);
  const db = PostgresDatabase.connect(databaseUrl(postgresAdminUrl(), name));
  const close = db.close.bind(db);
  // Dropping the clone on close keeps the server clean between runs.
  (db as { close: () => Promise<void> }).close = async () => {
    await close();
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  return db;
}
