import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express } from 'express';
import { createApp } from '../../server/src/app.js';
import { PostgresDatabase, type Database } from '../../server/src/db/database.js';
import type { CacheInvalidation } from '../../server/src/tiles/invalidation.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { cloneTemplate, testEngine } from '../support/engine.js';
import { signIn } from '../support/session.js';

// Two app instances over one database: each has its own in-process layer and tile caches, so an
// edit through one must be visible through the other at once (versions live in the database), and
// the other drops its stale cached tiles when PostgreSQL NOTIFYs the version bump (LISTEN/NOTIFY).
const engine = testEngine();
let a: TestApp;
let secondDb: Database;
let secondServer: Server;
let secondApp: Express;
let bUrl: string;

async function listen(app: Express): Promise<{ server: Server; url: string }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  a = await startTestApp();
  // On PostgreSQL the second instance has its own pool and its own LISTEN connection (as a second
  // process would); PGlite is one backend, so the second instance shares it — its caches are separate.
  secondDb = a.db instanceof PostgresDatabase ? PostgresDatabase.connect(String(a.db.pool.options.connectionString), 4) : a.db;
  secondApp = createApp(secondDb);
  ({ server: secondServer, url: bUrl } = await listen(secondApp));
  await (secondApp.locals.invalidation as CacheInvalidation).ready;
});
afterAll(async () => {
  secondServer?.closeAllConnections();
  await new Promise((r) => secondServer?.close(r));
  await (secondApp?.locals.invalidation as CacheInvalidation | undefined)?.close();
  if (secondDb && secondDb !== a.db) await secondDb.close();
  await a?.close();
});

describe('more than one instance', () => {
  it('an edit through one instance is visible through the other at once, layers and tiles, and NOTIFY drops the other’s stale tiles', async () => {
    const invalidation = secondApp.locals.invalidation as CacheInvalidation;
    // Warm both instances' caches, including the immutable (versioned) tile URL.
    const tile = '/tiles/parks/12/3412/1657.mvt'; // covers 生物医药产业园
    const before = await (await fetch(bUrl + '/api/layers/parks')).text();
    const tileBefore = await fetch(bUrl + tile);
    const tileEtag = tileBefore.headers.get('etag');
    const tj = (await (await fetch(bUrl + '/tiles/parks.json')).json()) as { tiles: string[] };
    const versioned = new URL(tj.tiles[0].replace('{z}/{x}/{y}', '12/3412/1657')).pathname + new URL(tj.tiles[0]).search;
    await fetch(bUrl + versioned);
    expect((await fetch(bUrl + versioned)).headers.get('x-tile-cache')).toBe('hit'); // served without asking the database

    // The edit through A; B is told through NOTIFY (delivered after commit, so wait for it, not for a time).
    const notified = new Promise<void>((resolve) => {
      const off = invalidation.subscribe((layer) => {
        if (layer === 'parks') {
          off();
          resolve();
        }
      });
    });
    const ed = await signIn(a, 'instance-editor', 'editor');
    const f = (await (await fetch(`${a.url}/api/features/park-biomed`)).json()) as { feature: { properties: { version: number }; geometry: GeoJSON.Polygon } };
    const moved = { type: 'Polygon', coordinates: f.feature.geometry.coordinates.map((ring) => ring.map(([x, y]) => [x + 0.002, y])) };
    const res = await ed.fetch('/api/features/park-biomed', { method: 'PATCH', headers: { 'If-Match': `"${f.feature.properties.version}"` }, body: JSON.stringify({ geometry: moved, name_en: 'Biomedicine park (moved)' }) });
    expect(res.status).toBe(200);

    // At once, without waiting for anything: B reads the version from the database.
    const after = await (await fetch(bUrl + '/api/layers/parks')).text();
    expect(after).not.toBe(before);
    expect(after).toContain('Biomedicine park (moved)');
    const tileAfter = await fetch(bUrl + tile);
    expect(tileBefore.status).toBe(200);
    expect(tileAfter.headers.get('etag')).not.toBe(tileEtag);
    const tj2 = (await (await fetch(bUrl + '/tiles/parks.json')).json()) as { tiles: string[] };
    expect(tj2.tiles[0]).not.toBe(tj.tiles[0]); // the new version in the tile URL

    // And the NOTIFY arrives at B, which then drops the old version's tiles from memory: the old
    // immutable URL, served from memory before without a query, now gets the current tile, not the stale one.
    await notified;
    expect(invalidation.received).toBeGreaterThan(0);
    const old = await fetch(bUrl + versioned);
    expect(old.headers.get('etag')).not.toBe(tileEtag);
    expect(old.headers.get('etag')).toBe(tileAfter.headers.get('etag'));
    expect(old.headers.get('cache-control')).toMatch(/must-revalidate/);
  });
});

describe.skipIf(engine !== 'postgres')('the LISTEN connection', () => {
  it('is re-opened when it drops, drops every cache (notifications may have been missed), and hears later edits', async () => {
    const invalidation = secondApp.locals.invalidation as CacheInvalidation;
    const waitFor = (want: string | null) => new Promise<void>((resolve) => {
      const off = invalidation.subscribe((layer) => {
        if (layer === want) {
          off();
          resolve();
        }
      });
    });
    const reopened = waitFor(null);
    // Kill every listener on this database (both instances'), as a failover or network cut would.
    const { rows } = await a.db.query<{ n: number }>(
      "SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN atlas_data_version'");
    expect(rows[0].n).toBeGreaterThanOrEqual(1);
    await reopened;
    const heard = waitFor('roads');
    await a.db.transaction((tx) => tx.query("UPDATE features SET name_en = name_en || ' ' WHERE layer_id = 'roads' AND id = (SELECT min(id) FROM features WHERE layer_id = 'roads')"), 'tester');
    await heard;
  });
});

// Read replicas: DATABASE_READ_URL. CI has one server, so the "replica" is a second database cloned
// from the same template whose copy of a feature differs: what a response shows proves where it was read.
describe.skipIf(engine !== 'postgres')('reads from DATABASE_READ_URL, writes and read-your-own-writes on the primary', () => {
  let replica: Database;
  let routed: PostgresDatabase;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    replica = await cloneTemplate(inject('template'));
    await replica.transaction((tx) => tx.query("UPDATE features SET name_en = 'Read from the replica' WHERE id = 'park-biomed'"));
    routed = PostgresDatabase.connect(String((a.db as PostgresDatabase).pool.options.connectionString), 4, String((replica as PostgresDatabase).pool.options.connectionString));
    ({ server, url } = await listen(createApp(routed)));
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    await routed?.close();
    await replica?.close();
  });

  it('anonymous reads come from the replica; a signed-in user writes to and reads from the primary', async () => {
    const name = async (init?: RequestInit) => ((await (await fetch(`${url}/api/features/park-biomed`, init)).json()) as { feature: { properties: { name_en: string; version: number } } }).feature.properties;
    expect((await name()).name_en).toBe('Read from the replica');
    const ed = await signIn({ ...a, url }, 'replica-editor', 'editor');
    const own = await name({ headers: { Cookie: ed.cookie } });
    expect(own.name_en).not.toBe('Read from the replica');
    const res = await ed.fetch('/api/features/park-biomed', { method: 'PATCH', headers: { 'If-Match': `"${own.version}"` }, body: JSON.stringify({ name_en: 'Written to the primary' }) });
    expect(res.status).toBe(200);
    // The writer reads their own write at once; the primary has it, the replica (never replicated here) not.
    expect((await name({ headers: { Cookie: ed.cookie } })).name_en).toBe('Written to the primary');
    expect((await a.db.query<{ name_en: string }>("SELECT name_en FROM features WHERE id = 'park-biomed'")).rows[0].name_en).toBe('Written to the primary');
    expect((await replica.query<{ name_en: string }>("SELECT name_en FROM features WHERE id = 'park-biomed'")).rows[0].name_en).toBe('Read from the replica');
    expect((await name()).name_en).toBe('Read from the replica');
  });
});
