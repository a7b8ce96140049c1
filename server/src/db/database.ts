import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import fs from 'node:fs';
import path from 'node:path';

/** Something that runs one parameterised SQL statement. Values always go as $n, never spliced. */
export interface Queryable {
  query<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: T[] }>;
}

export type Engine = 'pglite' | 'postgres';

export interface TransactionOptions {
  /** 'repeatable read' gives one snapshot for every statement (backups). PGlite is one backend: always consistent. */
  isolation?: 'read committed' | 'repeatable read' | 'serializable';
}

/** The app's one way to the database: the same SQL runs on PGlite and on PostgreSQL. */
export interface Database extends Queryable {
  readonly engine: Engine;
  /** Runs a multi-statement script (migrations) without parameters. */
  exec(sql: string): Promise<void>;
  /** Runs fn in one transaction; rolls back if it throws. `user` is recorded by the history trigger. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, user?: string, opts?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}

const setUser = 'SELECT set_config($1, $2, true)';

/** A pooled PostgreSQL/PostGIS database reached through DATABASE_URL. */
export class PostgresDatabase implements Database {
  readonly engine = 'postgres' as const;
  constructor(readonly pool: pg.Pool) {}

  static connect(connectionString: string, max = 10): PostgresDatabase {
    const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 5000 });
    // An idle client that loses its server must not crash the process; the pool replaces it.
    pool.on('error', (err) => console.error('[db] idle client error:', err.message));
    return new PostgresDatabase(pool);
  }

  query<T>(text: string, values?: unknown[]) {
    return this.pool.query(text, values as unknown[]) as unknown as Promise<{ rows: T[] }>;
  }

  async exec(sql: string) {
    await this.pool.query(sql);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>, user = 'system', opts: TransactionOptions = {}): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(opts.isolation ? `BEGIN ISOLATION LEVEL ${opts.isolation.toUpperCase()}` : 'BEGIN');
      await client.query(setUser, ['atlas.user', user]);
      const tx: Queryable = { query: (t, v) => client.query(t, v as unknown[]) as never };
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async close() {
    await this.pool.end();
  }
}

/** The embedded engine: PGlite (PostgreSQL in WASM) with PostGIS, persisted in a data directory. */
export class PgliteDatabase implements Database {
  readonly engine = 'pglite' as const;
  constructor(readonly pg: PGlite) {}

  /** Opens (or creates) a PGlite database; `loadDataDir` clones a dumped one instead. */
  static async open(opts: { dataDir?: string; loadDataDir?: Blob | File }): Promise<PgliteDatabase> {
    if (opts.dataDir) fs.mkdirSync(path.dirname(path.resolve(opts.dataDir)), { recursive: true });
    const db = await PGlite.create({
      dataDir: opts.dataDir,
      loadDataDir: opts.loadDataDir,
      extensions: { postgis },
    });
    return new PgliteDatabase(db);
  }

  query<T>(text: string, values?: unknown[]) {
    return this.pg.query<T>(text, values as unknown[]);
  }

  async exec(sql: string) {
    await this.pg.exec(sql);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>, user = 'system', _opts: TransactionOptions = {}): Promise<T> {
    // PGlite is a single backend: its transaction() holds the only connection, so other queries
    // queue behind it instead of interleaving.
    return this.pg.transaction(async (t) => {
      await t.query(setUser, ['atlas.user', user]);
      return fn({ query: (text, values) => t.query(text, values as unknown[]) as never });
    });
  }

  /** A gzipped tarball of the data directory, for cloning test databases. */
  async dump(): Promise<Blob> {
    return (await this.pg.dumpDataDir('gzip')) as Blob;
  }

  async close() {
    await this.pg.close();
  }
}
