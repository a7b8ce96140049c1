/**
 * The Atlas server as a child process for the load and fault scripts: like server/src/main.ts, plus an
 * IPC channel to force a garbage collection and report memory (run with node --expose-gc).
 * Env: PORT, DATABASE_URL (unset = embedded engine in DATA_DIR), ATLAS_WRITE_LIMIT, TEMPLATE_TARBALL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../server/src/config.js';
import { PgliteDatabase } from '../../server/src/db/database.js';
import { openDatabase } from '../../server/src/db/open.js';
import { createApp } from '../../server/src/app.js';
import { AuthService } from '../../server/src/auth/auth.service.js';

const config = loadConfig();
// TEMPLATE_TARBALL (embedded engine): start from a dumped, seeded data directory instead of seeding anew.
const tarball = process.env.TEMPLATE_TARBALL;
const pgliteDir = path.join(config.dataDir, 'pglite');
if (!config.databaseUrl && tarball && !fs.existsSync(pgliteDir)) {
  const seeded = await PgliteDatabase.open({ dataDir: pgliteDir, loadDataDir: new Blob([fs.readFileSync(tarball)]) });
  await seeded.close();
}
const { db } = await openDatabase(config, () => undefined);
await new AuthService(db).bootstrapAdmin(process.env, () => undefined);
const app = createApp(db);
const server = app.listen(config.port, '127.0.0.1', () => {
  const addr = server.address();
  process.send?.({ type: 'ready', port: typeof addr === 'object' && addr ? addr.port : config.port });
});
server.keepAliveTimeout = 65_000;
process.on('message', (m: { type: string }) => {
  if (m.type === 'gc') {
    (globalThis as { gc?: () => void }).gc?.();
    process.send?.({ type: 'memory', rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed });
  }
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void db.close().finally(() => process.exit(0));
});
