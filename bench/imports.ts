/**
 * Import read time per format through GDAL (issue 18), beside the hand-written readers GDAL replaced where
 * that is cheap: main's zip + Shapefile/DBF/.prj readers and its GeoJSON reader, written by `git show main:…`
 * into server/src/imports/.bench-old/ (so their relative imports resolve) and removed after. Main's
 * GeoPackage and DXF readers needed sql.js and dxf-parser, which this branch no longer installs: not compared.
 *
 * The files are written at bench time by the system ogr2ogr in EPSG:4549 from BENCH_IMPORT_PLOTS (default
 * 5000) synthetic plots with Chinese names, the same files for both readers; no database is involved (the
 * measure is parseUpload(): bytes to items, the CRS still to apply). `npm run bench` runs this part
 * (BENCH_ONLY=imports alone); `tsx bench/imports.ts` runs only it and merges it into bench/report.json/md.
 *
 * Environment: BENCH_IMPORT_PLOTS, BENCH_IMPORT_ROUNDS (default 5; the median is reported).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { parseUpload } from '../server/src/imports/parse.js';
import { IMPORT_LIMITS } from '../server/src/imports/limits.js';
import { gdal } from '../server/src/gdal/gdal.js';
import { percentile, round } from './stats.js';
import { zipDir } from '../test/support/zip-dir.js';

const PLOTS = Number(process.env.BENCH_IMPORT_PLOTS ?? 5000);
const ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? 5);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** A grid of small square plots inside the district, WGS 84, each with a Chinese name and a land use. */
function plots(n: number) {
  const side = Math.ceil(Math.sqrt(n));
  return {
    type: 'FeatureCollection',
    features: Array.from({ length: n }, (_, i) => {
      const [x, y] = [119.88 + (i % side) * 0.0004, 32.38 + Math.floor(i / side) * 0.0004];
      const ring = [[x, y], [x + 0.0003, y], [x + 0.0003, y + 0.0003], [x, y + 0.0003], [x, y]];
      return { type: 'Feature', properties: { id: `bench-${i}`, name_zh: `口岸街道地块${i}`, land_use: '工业' }, geometry: { type: 'Polygon', coordinates: [ring] } };
    }),
  };
}

type Upload = { name: string; data: Buffer; parts?: Array<{ name: string; data: Buffer }>; crs?: string };

/** The same plots in every format, written by ogr2ogr in EPSG:4549 (KML: WGS 84, as KML must be). */
function writeFiles(dir: string): Record<string, Upload> {
  const src = path.join(dir, 'plots.geojson');
  fs.writeFileSync(src, JSON.stringify(plots(PLOTS)));
  const ogr = (driver: string, out: string, extra: string[] = []) => {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    execFileSync('ogr2ogr', ['-f', driver, '-t_srs', 'EPSG:4549', ...extra, out, src], { env: { ...process.env, CPL_DEBUG: 'OFF' } });
    return out;
  };
  const read = (p: string) => fs.readFileSync(p);
  ogr('ESRI Shapefile', path.join(dir, 'shp/plots.shp'), ['-lco', 'ENCODING=UTF-8']);
  ogr('OpenFileGDB', path.join(dir, 'gdb/plots.gdb'));
  ogr('MapInfo File', path.join(dir, 'tab/plots.tab'));
  const mif = ogr('MapInfo File', path.join(dir, 'mif/plots.mif'), ['-dsco', 'FORMAT=MIF']);
  return {
    shapefile: { name: 'plots.zip', data: zipDir(path.join(dir, 'shp')) },
    gpkg: { name: 'plots.gpkg', data: read(ogr('GPKG', path.join(dir, 'plots.gpkg'))) },
    geojson: { name: 'plots.geojson', data: read(ogr('GeoJSON', path.join(dir, 'plots-4549.geojson'), ['-lco', 'RFC7946=NO'])) },
    kml: { name: 'plots.kml', data: read(ogr('KML', path.join(dir, 'plots.kml'))) },
    dxf: { name: 'plots.dxf', data: read(ogr('DXF', path.join(dir, 'plots.dxf'))), crs: 'EPSG:4549' },
    filegdb: { name: 'plots-gdb.zip', data: zipDir(path.join(dir, 'gdb')) },
    mapinfo_tab: { name: 'plots-tab.zip', data: zipDir(path.join(dir, 'tab')) },
    mapinfo_mif: { name: 'plots.mif', data: read(mif), parts: [{ name: 'plots.mid', data: read(mif.replace(/mif$/, 'mid')) }] },
    flatgeobuf: { name: 'plots.fgb', data: read(ogr('FlatGeobuf', path.join(dir, 'plots.fgb'))) },
    csv: { name: 'plots.csv', data: read(ogr('CSV', path.join(dir, 'plots.csv'), ['-lco', 'GEOMETRY=AS_WKT'])) },
  };
}

type Legacy = Record<string, (u: Upload) => Promise<number> | number>;

/** Main's Shapefile (zip, DBF, .prj) and GeoJSON readers from a temporary copy; null when main no longer has them. */
async function legacyReaders(): Promise<{ readers: Legacy; cleanup: () => void } | null> {
  const dir = path.join(root, 'server/src/imports/.bench-old');
  const files = ['zip.ts', 'shapefile.ts', 'dbf.ts', 'prj.ts', 'parsed.ts', 'geometry.ts', 'problems.ts', 'source-crs.ts', 'geojson.ts'];
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  try {
    for (const f of files) {
      const src = execFileSync('git', ['show', `main:server/src/imports/${f}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      fs.writeFileSync(path.join(dir, f), src.replace(/from '\.\.\//g, "from '../../"));
    }
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
  const url = (f: string) => pathToFileURL(path.join(dir, f)).href;
  const zip = (await import(url('zip.ts'))) as { readZip: (b: Buffer, l: typeof IMPORT_LIMITS) => Array<{ name: string; data: Buffer }> };
  const shp = (await import(url('shapefile.ts'))) as { readShapefiles: (e: unknown, enc: string | null, b: unknown) => { items: unknown[] } };
  const gj = (await import(url('geojson.ts'))) as { readGeoJson: (b: Buffer, f: string, budget: unknown) => { items: unknown[] } };
  const parsed = (await import(url('parsed.ts'))) as { Budget: new (l: typeof IMPORT_LIMITS) => unknown };
  return {
    readers: {
      shapefile: (u) => shp.readShapefiles(zip.readZip(u.data, IMPORT_LIMITS), null, new parsed.Budget(IMPORT_LIMITS)).items.length,
      geojson: (u) => gj.readGeoJson(u.data, u.name, new parsed.Budget(IMPORT_LIMITS)).items.length,
    },
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

const median = (s: number[]) => round(percentile(s, 50));

/** Per format: GDAL's read time (median of ROUNDS), items read, and main's hand-written reader beside it where compared. */
export async function benchImports() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-import-'));
  const legacy = await legacyReaders();
  try {
    const files = writeFiles(dir);
    const t = performance.now();
    await gdal().warm();
    const initMs = round(performance.now() - t);
    const rows = [];
    for (const [format, u] of Object.entries(files)) {
      const gdalMs: number[] = [];
      const oldMs: number[] = [];
      let items = 0;
      let oldItems: number | null = null;
      for (let r = 0; r < ROUNDS; r++) {
        const a = performance.now();
        const parsed = await parseUpload({ name: u.name, data: u.data }, { layerType: 'polygon', encoding: null, limits: IMPORT_LIMITS, parts: u.parts });
        gdalMs.push(performance.now() - a);
        items = parsed.items.length;
        const old = legacy?.readers[format];
        if (old) {
          const b = performance.now();
          oldItems = await old(u);
          oldMs.push(performance.now() - b);
        }
      }
      const row = {
        format, file: u.name, bytes: u.data.length, items, gdal_ms: median(gdalMs),
        old_ms: oldMs.length ? median(oldMs) : null, old_items: oldItems, gdal_over_old: oldMs.length ? round(median(gdalMs) / median(oldMs)) : null,
      };
      console.log(`[bench] import ${JSON.stringify(row)}`);
      rows.push(row);
    }
    return { plots: PLOTS, rounds: ROUNDS, gdal_init_ms: initMs, legacy_compared: legacy ? Object.keys(legacy.readers) : [], formats: rows };
  } finally {
    legacy?.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
    await gdal().close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchImports();
  const file = path.join(root, 'bench/report.json');
  const report = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  report.import_formats = { ...result, measured_at: new Date().toISOString() };
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  fs.writeFileSync(path.join(root, 'bench/report.md'), (await import('./report.js')).renderReport(report));
  console.log(fs.readFileSync(path.join(root, 'bench/report.md'), 'utf8').split('## Import formats')[1] ?? '');
}
