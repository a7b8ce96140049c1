import fs from 'node:fs';
import path from 'node:path';

/** Checks the built client is there before any browser suite starts (each suite serves it: browser-server.ts). */
export default function setup() {
  const clientDir = path.resolve(process.env.ATLAS_CLIENT_DIR ?? 'dist/client');
  if (!fs.existsSync(path.join(clientDir, 'index.html'))) {
    throw new Error('dist/client is missing: build the client first (npm test does: vite build --config client/vite.config.ts).');
  }
}
