import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { testEngine } from '../support/engine.js';
import { PostgresDatabase } from '../../server/src/db/database.js';

/**
 * Node must keep reading its sockets while many queries wait for the database. PGlite runs a query
 * synchronously in WebAssembly; if queued queries were handed over to one another in microtasks, a queue
 * of them would run back to back and no I/O callback could run until the queue was empty (under 200
 * connections some requests then waited past 60 s). The check: queue many queries, schedule an
 * immediate callback (what socket reads wait behind), and see it run before the queue has drained.
 */
const engine = testEngine();
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
}, 120_000);
afterAll(async () => {
  await app?.close();
});

describe(`database queue and the event loop (${engine})`, () => {
  it('gives the event loop a turn while queries are queued, and answers them in order', async () => {
    const N = 40;
    let loopRan = false;
    const doneBeforeLoop: number[] = [];
    const order: number[] = [];
    const queries = Array.from({ length: N }, (_, i) =>
      app.db.query<{ n: number }>('SELECT $1::int AS n, count(*)::int AS c FROM features', [i]).then((r) => {
        order.push(r.rows[0].n);
        if (!loopRan) doneBeforeLoop.push(i);
      }),
    );
    setImmediate(() => (loopRan = true));
    await Promise.all(queries);
    expect(loopRan).toBe(true);
    // The immediate callback ran while most of the queue was still waiting.
    expect(doneBeforeLoop.length).toBeLessThan(N / 2);
    if (engine === 'pglite') expect(order).toEqual(Array.from({ length: N }, (_, i) => i)); // one backend: first come, first served
  });

  // PostGIS functions are declared costly, so with PostgreSQL's defaults the planner JIT-compiles even a 100-feature
  // bbox page, and compiling cost more than the query (bench: OGC items at 1M parcels). The app's connections run
  // without JIT unless PGOPTIONS says otherwise; PGlite is built without JIT at all.
  it('runs its queries without JIT compilation, unless PGOPTIONS asks for it', async () => {
    if (!(app.db instanceof PostgresDatabase)) {
      expect((await app.db.query<{ a: boolean }>('SELECT pg_jit_available() AS a')).rows[0].a).toBe(false);
      return;
    }
    expect((await app.db.query<{ jit: string }>('SHOW jit')).rows[0].jit).toBe('off');
    const before = process.env.PGOPTIONS;
    process.env.PGOPTIONS = '-c jit=on';
    const other = PostgresDatabase.connect(String(app.db.pool.options.connectionString), 1);
    try {
      expect((await other.query<{ jit: string }>('SHOW jit')).rows[0].jit).toBe('on');
    } finally {
      if (before === undefined) delete process.env.PGOPTIONS;
      else process.env.PGOPTIONS = before;
      await other.close();
    }
  });
});
