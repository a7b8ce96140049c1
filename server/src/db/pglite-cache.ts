/**
 * What makes the embedded engine start in seconds instead of twenty:
 *
 * 1. A slim PostGIS bundle. @electric-sql/pglite-postgis ships one 20 MB gzipped tarball that PGlite
 *    unpacks into its in-memory file system on every start: postgis, raster and topology libraries
 *    (48 MB of WebAssembly), every upgrade script since 2.0 and PROJ's data. The atlas needs postgis-3.so,
 *    the install script and control file of the current version, and PROJ's data. The slim bundle holds
 *    only those, stored (gzip level 0: PGlite insists on gzip, and inflating a stored stream costs
 *    nothing); it is made once from the package's own tarball (node-tar) and kept in the cache folder.
 * 2. Ready data directories. Creating a PGlite cluster and CREATE EXTENSION postgis take ~15 s; a dumped
 *    directory loads in ~2 s. The cache keeps two dumps per PGlite build: `base` (PostGIS and the
 *    migrations applied) and `seeded` (base plus the seeds of one seed bundle). A new data directory is
 *    cloned from the newest that fits, and whatever is newer (migrations, seeds) is applied on top.
 *
 * The cache folder is node_modules/.cache/atlas (ATLAS_CACHE_DIR overrides it); everything in it can be
 * deleted at any time and is rebuilt when needed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import * as tar from 'tar';
import { postgis } from '@electric-sql/pglite-postgis';
import type { Extension } from '@electric-sql/pglite';

// require.resolve, not import.meta.resolve: vitest's module runner has no import.meta.resolve.
const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The folder the slim bundle and the data-directory dumps live in. */
export function cacheDir(): string {
  const dir = process.env.ATLAS_CACHE_DIR ?? path.join(root, 'node_modules/.cache/atlas');
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    return dir;
  } catch {
    const tmp = path.join(os.tmpdir(), 'atlas-cache');
    fs.mkdirSync(tmp, { recursive: true });
    return tmp;
  }
}

/** A package's version, from the package.json above its entry point (the packages do not export it). */
function versionOf(pkg: string): string {
  let dir = path.dirname(require.resolve(pkg));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const j = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version: string };
      if (j.name === pkg) return j.version;
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`package.json of ${pkg} not found`);
    dir = up;
  }
}

/** The PGlite build: dumps and bundles of one build are not used by another. */
export const PGLITE_BUILD = `pglite-${versionOf('@electric-sql/pglite')}-postgis-${versionOf('@electric-sql/pglite-postgis')}`;

/** Files of the package's PostGIS tarball the atlas uses. */
const KEEP = (p: string) =>
  p === 'lib/postgresql/postgis-3.so' ||
  /^share\/postgresql\/extension\/postgis(--\d+\.\d+\.\d+\.sql|\.control)$/.test(p) ||
  p.startsWith('share/proj/') ||
  /^(lib|share)(\/postgresql(\/extension)?)?\/?$/.test(p);

let slimPath: string | null = null;

/** Makes (once) and returns the slim PostGIS bundle's path. */
export async function slimPostgisBundle(): Promise<string> {
  if (slimPath && fs.existsSync(slimPath)) return slimPath;
  const file = path.join(cacheDir(), `${PGLITE_BUILD}-postgis-slim.tar.gz`);
  if (!fs.existsSync(file)) {
    const full = path.join(path.dirname(require.resolve('@electric-sql/pglite-postgis')), 'postgis.tar.gz');
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-postgis-'));
    try {
      await tar.x({ file: full, cwd: work, filter: (p) => KEEP(p.replace(/^\.\//, '')) });
      const tmp = `${file}.${process.pid}.tmp`;
      await tar.c({ file: tmp, cwd: work, gzip: { level: 0 }, portable: true }, ['lib', 'share']);
      fs.renameSync(tmp, file); // atomic: a concurrent process sees the whole bundle or none
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }
  slimPath = file;
  return file;
}

/** PostGIS as a PGlite extension, from the slim bundle (the package's own setup, another tarball). */
export async function slimPostgis(): Promise<Extension> {
  const bundle = await slimPostgisBundle();
  return {
    name: 'postgis',
    setup: async (pg, opts) => ({ ...(await postgis.setup(pg, opts)), bundlePath: new URL(`file://${bundle}`) }),
  };
}

/** Hash of the migration files: a base dump is valid for exactly these. */
export function migrationsKey(): string {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
  const h = crypto.createHash('sha1');
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.sql')).sort()) h.update(f).update(fs.readFileSync(path.join(dir, f)));
  return h.digest('hex').slice(0, 12);
}

/** Where the dump of `kind` for `key` is kept. */
export function dumpPath(kind: 'base' | 'seeded', key: string): string {
  return path.join(cacheDir(), `${PGLITE_BUILD}-${kind}-${key}.tar`);
}

/** A dump as PGlite's loadDataDir wants it (an uncompressed tar), or null if there is none. */
export function readDump(file: string): Blob | null {
  if (!fs.existsSync(file)) return null;
  return new Blob([fs.readFileSync(file)], { type: 'application/x-tar' });
}

/** Writes a dump atomically (a concurrent start reads the whole file or none). */
export async function writeDump(file: string, blob: Blob): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
  fs.renameSync(tmp, file);
}
