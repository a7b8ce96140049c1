import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { inject } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { createApp, type AppOptions } from '../../server/src/app.js';
import { cloneTemplate } from './engine.js';

export interface TestApp {
  url: string;
  db: Database;
  close(): Promise<void>;
}

/** Starts the real app on a random port over a fresh clone of the seeded template database. */
export async function startTestApp(opts: AppOptions = {}): Promise<TestApp> {
  const db = await cloneTemplate(inject('template'));
  const app = createApp(db, opts);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await db.close();
    },
  };
}
