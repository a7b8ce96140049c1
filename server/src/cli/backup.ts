import fs from 'node:fs';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open.js';
import { backup, digest, restore, checksums } from '../backup/backup.js';

/**
 * `npm run db:backup -- <file>` and `npm run db:restore -- <file>`: a consistent, engine-neutral backup
 * (gzipped JSON, geometry as EWKB) of the configured database (DATABASE_URL or the embedded DATA_DIR).
 */
const [mode, file] = process.argv.slice(2);
if ((mode !== 'backup' && mode !== 'restore') || !file) {
  console.error('usage: npm run db:backup -- <file.atlas.gz> | npm run db:restore -- <file.atlas.gz>');
  process.exit(2);
}
const { db } = await openDatabase(loadConfig(), () => undefined);
try {
  if (mode === 'backup') {
    const buf = await backup(db);
    fs.writeFileSync(file, buf);
    console.log(`backup of ${db.engine} written to ${file} (${buf.length} bytes, checksum ${digest(await checksums(db))})`);
  } else {
    const sums = await restore(db, fs.readFileSync(file));
    console.log(`restored ${file} into ${db.engine}; checksums match the backup (${digest(sums)})`);
  }
} catch (e) {
  console.error(`[${mode}] failed, nothing changed: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
