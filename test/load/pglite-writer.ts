/**
 * Child process for the crash test: opens the embedded engine in DATA_DIR and writes in a loop, one
 * transaction per row (a probe row and a feature edit with its history), telling the parent each
 * acknowledged (committed) write over IPC. The parent kills it with SIGKILL in the middle.
 */
import { PgliteDatabase } from '../../server/src/db/database.js';

const db = await PgliteDatabase.open({ dataDir: process.env.DATA_DIR! });
await db.exec('CREATE TABLE IF NOT EXISTS crash_probe (n integer PRIMARY KEY, payload text NOT NULL)');
const start = (await db.query<{ n: number }>('SELECT coalesce(max(n), 0)::int AS n FROM crash_probe')).rows[0].n;
process.send?.({ type: 'ready', start });
for (let n = start + 1; ; n++) {
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO crash_probe (n, payload) VALUES ($1, $2)', [n, `row ${n} `.repeat(50)]);
  });
  process.send?.({ type: 'ack', n });
}
