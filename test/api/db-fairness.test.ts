import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { testEngine } from '../support/engine.js';

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
});
