/**
 * `npm run db:prepare` (and npm install's postinstall): makes the slim PostGIS bundle and the ready PGlite
 * dumps for today's migrations and seeds (server/src/db/pglite-cache.ts), so that the first `npm start`
 * of a fresh checkout clones a database in seconds. Never fails the install: a start works without them.
 */
import { slimPostgisBundle } from '../db/pglite-cache.js';
import { prepareDumps } from '../db/open.js';

try {
  const t0 = performance.now();
  await slimPostgisBundle();
  const written = await prepareDumps();
  console.log(`[prepare] ${written.length ? 'ready' : 'already ready'} in ${Math.round(performance.now() - t0)} ms`);
} catch (err) {
  console.warn(`[prepare] skipped: ${(err as Error).message} (npm start still works; its first start is slower)`);
}
