import pg from 'pg';
import { AsyncLocalStorage } from 'node:async_hooks';
import { PGlite } from '@electric-sql/pglite';
import { slimPostgis } from './pglite-cache.js';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
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
  /**
   * Calls fn with the payload of every NOTIFY on `channel` from any connection to this database (any
   * instance), after the notifying transaction commits; resolves to a function that stops listening.
   * On PostgreSQL one dedicated connection listens and is re-opened when it drops; `onReconnect` then
   * runs, because notifications sent while it was down are lost (callers drop their caches).
   */
  listen?(channel: string, fn: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
}

/**
 * Where the current request may read from. Reads go to the read replica (DATABASE_READ_URL) only
 * inside `reads.run({ replica: true }, …)`; everything else — writes, transactions, start-up, and
 * requests that must read their own writes — uses the primary.
 */
export const reads = new AsyncLocalStorage<{ replica: boolean }>();

/**
 * The read-your-own-writes rule: a request may read from the replica only if it is a GET or HEAD without
 * a session cookie. Every write needs a session, so whoever writes reads the primary on every instance,
 * for as long as they are signed in; the public reads the replica.
 */
export function readsFromReplica(method: string, cookieHeader: string | undefined, sessionCookie: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  return !(cookieHeader ?? '').split(';').some((c) => c.trim().startsWith(`${sessionCookie}=`));
}

const setUser = 'SELECT set_config($1, $2, true)';

/** A pooled PostgreSQL/PostGIS database reached through DATABASE_URL. */
export class PostgresDatabase implements Database {
  readonly engine = 'postgres' as const;
  private readonly listeners = new Set<pg.Client>();
  private closed = false;

  /** `readPool` (a replica) serves reads made inside `reads.run({ replica: true }, …)`; all else uses `pool`. */
  constructor(readonly pool: pg.Pool, readonly readPool: pg.Pool | null = null) {}

  static connect(connectionString: string, max = 10, readConnectionString?: string | null): PostgresDatabase {
    const open = (url: string) => {
      // JIT off unless PGOPTIONS (libpq's variable, which pg reads too) or the URL's `options` says otherwise:
      // PostGIS functions are declared costly, so the planner JIT-compiles even a 100-feature bbox page, and
      // compiling took 20–30 ms of a ~10 ms query (EXPLAIN ANALYZE at 1M parcels; bench "OGC API items
      // beside MapServer"). Behind a pooler that refuses startup options (PgBouncer), set PGOPTIONS=''.
      const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000, options: process.env.PGOPTIONS ?? '-c jit=off' });
      // An idle client that loses its server must not crash the process; the pool replaces it.
      pool.on('error', (err) => console.error('[db] idle client error:', err.message));
      return pool;
    };
    return new PostgresDatabase(open(connectionString), readConnectionString ? open(readConnectionString) : null);
  }

  query<T>(text: string, values?: unknown[]) {
    const pool = this.readPool && reads.getStore()?.replica ? this.readPool : this.pool;
    return pool.query(text, values as unknown[]) as unknown as Promise<{ rows: T[] }>;
  }

  async listen(channel: string, fn: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>> {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Bad channel name "${channel}"`);
    let client: pg.Client | null = null;
    let stopped = false;
    let retry: NodeJS.Timeout | undefined;
    const connect = async (attempt: number): Promise<void> => {
      const c = new pg.Client({ connectionString: String(this.pool.options.connectionString), connectionTimeoutMillis: 5000 });
      c.on('notification', (n) => {
        if (n.channel === channel) fn(n.payload ?? '');
      });
      const lost = (err?: Error) => {
        if (client !== c) return;
        client = null;
        this.listeners.delete(c);
        c.end().catch(() => undefined);
        if (stopped || this.closed) return;
        console.error(`[db] listener on ${channel} lost${err ? `: ${err.message}` : ''}; reconnecting`);
        retry = setTimeout(() => void connect(1).then(() => onReconnect?.()).catch(() => undefined), 200);
      };
      c.on('error', lost);
      c.on('end', () => lost());
      try {
        await c.connect();
        await c.query(`LISTEN ${channel}`);
      } catch (err) {
        await c.end().catch(() => undefined);
        if (stopped || this.closed) return;
        if (attempt === 0) throw err;
        // Keep trying, more slowly, until the server is back.
        await new Promise((r) => (retry = setTimeout(r, Math.min(5000, 200 * 2 ** attempt))));
        return connect(attempt + 1);
      }
      if (stopped || this.closed) {
        await c.end().catch(() => undefined);
        return;
      }
      client = c;
      this.listeners.add(c);
    };
    await connect(0);
    return async () => {
      stopped = true;
      clearTimeout(retry);
      const c = client;
      client = null;
      if (c) {
        this.listeners.delete(c);
        await c.end().catch(() => undefined);
      }
    };
  }

  async exec(sql: string) {
    await this.pool.query(sql);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>, user = 'system', opts: TransactionOptions = {}): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    // The pool stops listening to a client it hands out: a connection lost between two statements would
    // be an unhandled 'error' event and take the process down. Record it; the client is then destroyed.
    const onError = (e: Error) => (broken = e);
    client.on('error', onError);
    try {
      await client.query(opts.isolation ? `BEGIN ISOLATION LEVEL ${opts.isolation.toUpperCase()}` : 'BEGIN');
      await client.query(setUser, ['atlas.user', user]);
      const tx: Queryable = { query: (t, v) => client.query(t, v as unknown[]) as never };
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      // A client that cannot even roll back has lost its connection: destroy it, never return it to the pool.
      broken = (await client.query('ROLLBACK').then(() => undefined, (e: Error) => e)) ?? broken;
      throw err;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  async close() {
    this.closed = true;
    await Promise.all([...this.listeners].map((c) => c.end().catch(() => undefined)));
    this.listeners.clear();
    await this.pool.end();
    await this.readPool?.end();
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
      // PostGIS from the slim bundle (pglite-cache.ts: a third of the start-up); pg_trgm: the search index (migration 009).
      extensions: { postgis: await slimPostgis(), pg_trgm },
    });
    return new PgliteDatabase(db);
  }

  /** The last call handed to PGlite; each next one starts after it settles (see `turn`). */
  private tail: Promise<unknown> = Promise.resolve();

  /**
   * Runs `fn` when every earlier call has finished, after one turn of the event loop. PGlite runs each
   * query synchronously in WebAssembly and its own mutex hands the next waiting query over in a
   * microtask, so under many concurrent requests a queue of queries would run back to back without Node
   * ever reading its sockets: requests whose bytes had arrived waited for seconds, some past a client's
   * 60 s timeout (npm run test:load, 200 connections). `setImmediate` lets the poll phase run between
   * queries; the order stays first come, first served.
   */
  private turn<T>(fn: () => Promise<T>): Promise<T> {
    // `tail` never rejects (failures are caught below), so the next call always waits its turn.
    const run = this.tail.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  query<T>(text: string, values?: unknown[]) {
    return this.turn(() => this.pg.query<T>(text, values as unknown[]));
  }

  async exec(sql: string) {
    await this.turn(() => this.pg.exec(sql));
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>, user = 'system', _opts: TransactionOptions = {}): Promise<T> {
    // PGlite is a single backend: its transaction() holds the only connection, so other queries
    // queue behind it instead of interleaving.
    return this.turn(() => this.pg.transaction(async (t) => {
      await t.query(setUser, ['atlas.user', user]);
      return fn({ query: (text, values) => t.query(text, values as unknown[]) as never });
    }));
  }

  async listen(channel: string, fn: (payload: string) => void): Promise<() => Promise<void>> {
    // One backend: NOTIFY from any of this process's queries reaches it after commit.
    return this.pg.listen(channel, fn);
  }

  /** A tarball of the data directory (gzipped unless `compression` is 'none'), for cloning databases. */
  async dump(compression: 'gzip' | 'none' = 'gzip'): Promise<Blob> {
    return (await this.pg.dumpDataDir(compression)) as Blob;
  }

  async close() {
    await this.pg.close();
  }
}
