// `npm start`: build the client when its sources are newer than the build, then run the server.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
// ATLAS_CLIENT_DIR moves the build (client/vite.config.ts builds there too); the server then serves it from there.
const clientDir = path.resolve(root, process.env.ATLAS_CLIENT_DIR ?? 'dist/client');
const built = path.join(clientDir, 'index.html');

function newest(dir) {
  let t = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const sources = Math.max(newest(path.join(root, 'client')), newest(path.join(root, 'contract')));
if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < sources) {
  console.log('[atlas] building the client …');
  const r = spawnSync('npx', ['vite', 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const env = { ...process.env, CLIENT_DIR: process.env.CLIENT_DIR ?? clientDir };
const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/src/main.ts')], { cwd: root, stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
