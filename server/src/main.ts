import { loadConfig } from './config.js';
import { openDatabase } from './db/open.js';

/** Starts the Atlas server: database (embedded unless DATABASE_URL), migrations, seeds, HTTP. */
async function main() {
  const t0 = performance.now();
  const config = loadConfig();
  // The HTTP app's modules (~1 s to load) load while the database opens (PGlite compiles its WebAssembly).
  const modules = Promise.all([import('./app.js'), import('./auth/auth.service.js')]);
  modules.catch(() => undefined); // awaited below; a failure is reported there, after the database's own
  const { db } = await openDatabase(config);
  const [{ createApp }, { AuthService }] = await modules;
  await new AuthService(db).bootstrapAdmin(process.env);
  const app = createApp(db, { clientDir: config.clientDir });
  const server = app.listen(config.port, () => {
    console.log(`[atlas] ${db.engine} · http://localhost:${config.port} · ready in ${Math.round(performance.now() - t0)} ms`);
    // GDAL (WebAssembly) takes a few seconds to initialise: once, in its worker, before the first import needs it.
    void import('./gdal/gdal.js').then(({ gdal }) => gdal().warm());
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[atlas] ${signal}: closing`);
    server.close();
    server.closeAllConnections();
    // Closing PGlite flushes its data directory; never exit before it finishes.
    await db.close().catch((e) => console.error('[atlas] close failed:', e));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error('[atlas] failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
