import { afterAll, beforeAll, inject } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import { createApp } from '../../server/src/app.js';
import { AuthService } from '../../server/src/auth/auth.service.js';
import type { CacheInvalidation } from '../../server/src/tiles/invalidation.js';
import { cloneTemplate } from './engine.js';

/*
 * Each browser suite gets its own server over its own clone of the seeded template (a setup file of the
 * browser project, run once per test file), so the suites run side by side instead of one after the
 * other on one shared, mutating server. A server started by hand is used instead when ATLAS_URL is set
 * before the run (test/browser/support.ts reads it).
 */

/** The editor account the browser suites sign in with (staff.test.ts and others repeat it), on this clone only. */
const BROWSER_EDITOR = { username: 'editor', password: 'editor-password-123' } as const;

const external = process.env.ATLAS_URL && !process.env.ATLAS_URL_PER_FILE;
let stop: (() => Promise<void>) | null = null;

beforeAll(async () => {
  if (external) return;
  const db = await cloneTemplate(inject('template'));
  const auth = new AuthService(db);
  await auth.repo.createUser(BROWSER_EDITOR.username, await auth.hash(BROWSER_EDITOR.password), 'editor');
  const app = createApp(db, { clientDir: path.resolve(process.env.ATLAS_CLIENT_DIR ?? 'dist/client') });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  process.env.ATLAS_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.ATLAS_URL_PER_FILE = '1';
  stop = async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await (app.locals.invalidation as CacheInvalidation | undefined)?.close();
    await db.close();
  };
}, 180_000);

afterAll(async () => {
  await stop?.();
  stop = null;
});
