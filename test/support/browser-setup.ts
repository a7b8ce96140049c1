import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/src/app.js';
import { AuthService } from '../../server/src/auth/auth.service.js';
import { cloneTemplate } from './engine.js';

declare module 'vitest' {
  export interface ProvidedContext {
    atlasUrl: string;
  }
}

/** The editor account the browser suites sign in with (test/browser/staff.test.ts repeats it), on this clone only. */
const BROWSER_EDITOR = { username: 'editor', password: 'editor-password-123' } as const;

/** Serves the built client and the API over a clone of the template, for the browser suites. */
export default async function setup(project: TestProject) {
  const clientDir = path.resolve(process.env.ATLAS_CLIENT_DIR ?? 'dist/client');
  if (!fs.existsSync(path.join(clientDir, 'index.html'))) {
    throw new Error('dist/client is missing: build the client first (npm test does: vite build --config client/vite.config.ts).');
  }
  const db = await cloneTemplate(project.getProvidedContext().template);
  // The staff suite (test/browser/staff.test.ts) signs in as this editor.
  const auth = new AuthService(db);
  await auth.repo.createUser(BROWSER_EDITOR.username, await auth.hash(BROWSER_EDITOR.password), 'editor');
  const app = createApp(db, { clientDir });
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  project.provide('atlasUrl', url);
  process.env.ATLAS_URL = url;
  return async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await db.close();
  };
}
