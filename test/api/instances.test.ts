import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../server/src/app.js';
import { PostgresDatabase, type Database } from '../../server/src/db/database.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { signIn } from '../support/session.js';

// Two app instances over one database: each has its own in-process layer and tile caches, so an
// edit through one must be visible through the other at once (versions live in the database).
let a: TestApp;
let secondDb: Database;
let secondServer: Server;
let bUrl: string;
beforeAll(async () => {
  a = await startTestApp();
  // On PostgreSQL the second instance has its own pool (as a second process would); PGlite is one
  // backend, so the second instance shares it — its caches are still separate.
  secondDb = a.db instanceof PostgresDatabase ? PostgresDatabase.connect(String(a.db.pool.options.connectionString), 4) : a.db;
  const app = createApp(secondDb);
  secondServer = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  bUrl = `http://127.0.0.1:${(secondServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  secondServer?.closeAllConnections();
  await new Promise((r) => secondServer?.close(r));
  if (secondDb && secondDb !== a.db) await secondDb.close();
  await a?.close();
});

describe('more than one instance', () => {
  it('an edit through one instance is visible through the other at once, layers and tiles', async () => {
    // Warm both instances' caches.
    const tile = '/tiles/parks/12/3412/1657.mvt'; // covers 生物医药产业园
    const before = await (await fetch(bUrl + '/api/layers/parks')).text();
    const tileBefore = await fetch(bUrl + tile);
    const tileEtag = tileBefore.headers.get('etag');
    await fetch(bUrl + tile); // cached now
    const ed = await signIn(a, 'instance-editor', 'editor');
    const f = (await (await fetch(`${a.url}/api/features/park-biomed`)).json()) as { feature: { properties: { version: number }; geometry: GeoJSON.Polygon } };
    const moved = { type: 'Polygon', coordinates: f.feature.geometry.coordinates.map((ring) => ring.map(([x, y]) => [x + 0.002, y])) };
    const res = await ed.fetch('/api/features/park-biomed', { method: 'PATCH', headers: { 'If-Match': `"${f.feature.properties.version}"` }, body: JSON.stringify({ geometry: moved, name_en: 'Biomedicine park (moved)' }) });
    expect(res.status).toBe(200);

    const after = await (await fetch(bUrl + '/api/layers/parks')).text();
    expect(after).not.toBe(before);
    expect(after).toContain('Biomedicine park (moved)');
    const tileAfter = await fetch(bUrl + tile);
    expect(tileBefore.status).toBe(200);
    expect(tileAfter.headers.get('etag')).not.toBe(tileEtag);
  });
});
