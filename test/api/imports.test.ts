import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { zipSync, strToU8 } from 'fflate';
import gcoord from 'gcoord';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { signIn, type Session } from '../support/session.js';
import { zipDir } from '../support/zip-dir.js';
import { maxOffsetM as offsetM } from '../support/offset.js';
import { GDAL_LIMITS, GdalRunner, type GdalFile, type GdalStep } from '../../server/src/gdal/gdal.js';

// Every fixture is written in the test, by GDAL (ogr2ogr) from the polygon below, into a temporary
// folder: the files are exactly what GIS software produces, and none is kept in the repository.
const run = promisify(execFile);
const gdalEnv = { ...process.env, CPL_DEBUG: 'OFF' };

/** A plot in the biomedical park (inside 高港区), WGS 84 [lng, lat]; ring counter-clockwise. */
const RING: Array<[number, number]> = [[119.905, 32.395], [119.915, 32.396], [119.914, 32.405], [119.906, 32.404], [119.905, 32.395]];
const plot = (props: Record<string, unknown>, ring: Array<[number, number]> = RING) => ({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [ring] } });
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const PLOT = { id: 'zone-imp-a', name_zh: '测试地块甲', name_en: 'Test plot A', land_use: '工业' };

let app: TestApp;
let alice: Session;
let dir: string;
beforeAll(async () => {
  app = await startTestApp();
  alice = await signIn(app, 'alice', 'editor');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-import-'));
});
afterAll(async () => {
  await app?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const tmp = (name: string) => path.join(dir, `${Math.random().toString(36).slice(2, 8)}-${name}`);

/** Writes GeoJSON (WGS 84) and converts it with ogr2ogr; returns the output path. */
async function ogr(driver: string, out: string, doc: unknown, args: string[] = []): Promise<string> {
  const src = tmp('src.geojson');
  fs.writeFileSync(src, JSON.stringify(doc));
  await run('ogr2ogr', ['-f', driver, ...args, out, src], { env: gdalEnv });
  return out;
}

/** A shapefile written by GDAL (in `srid`, `lco` creation options), zipped; `tamper` may edit the parts first. */
async function shapefileZip(doc: unknown, srid: number, lco: string[] = ['-lco', 'ENCODING=UTF-8'], tamper?: (files: Record<string, Uint8Array>) => void): Promise<Buffer> {
  const d = tmp('shp');
  fs.mkdirSync(d);
  await ogr('ESRI Shapefile', path.join(d, 'plot.shp'), doc, ['-t_srs', `EPSG:${srid}`, ...lco]);
  const files: Record<string, Uint8Array> = {};
  for (const f of fs.readdirSync(d)) files[f] = fs.readFileSync(path.join(d, f));
  tamper?.(files);
  return Buffer.from(zipSync(files));
}

/** POSTs a multipart upload (as the browser's FormData would) with the session's cookie and CSRF token. */
function upload(s: Session | null, filename: string, data: Buffer | string, fields: Record<string, string> = { layer: 'zones' }, csrf = true): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([typeof data === 'string' ? data : new Uint8Array(data)]), filename);
  const headers: Record<string, string> = s ? { Cookie: s.cookie, ...(csrf ? { 'X-CSRF-Token': s.csrf } : {}) } : {};
  return fetch(`${app.url}/api/imports`, { method: 'POST', headers, body: form });
}

interface Item {
  seq: number;
  status: string;
  reasons: Array<{ code: string; message: string }>;
  warnings: string[];
  feature_id: string;
  name_zh: string;
  name_en: string;
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown } | null;
  can_make_valid: boolean;
  repaired: boolean;
  area_change_km2: number | null;
  match: { id: string; version: number } | null;
}
interface Preview {
  id: string;
  format: string;
  crs: { code: string } | null;
  crs_from: string;
  needs_crs: boolean;
  crs_choices?: Array<{ code: string }>;
  warnings: string[];
  summary: Record<string, number>;
  preview_token: string;
  items: Item[];
}

/** Uploads, expects 201, and returns the full preview. */
async function imported(filename: string, data: Buffer | string, fields: Record<string, string> = { layer: 'zones' }): Promise<Preview> {
  const res = await upload(alice, filename, data, fields);
  const body = await res.text();
  expect(res.status, body).toBe(201);
  return preview((JSON.parse(body) as { id: string }).id);
}
async function preview(id: string, query = ''): Promise<Preview> {
  const res = await alice.fetch(`/api/imports/${id}${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Preview;
}
const commit = (id: string, body: Record<string, unknown> = {}) => alice.fetch(`/api/imports/${id}/commit`, { method: 'POST', body: JSON.stringify(body) });

const polygon = (ring: Array<[number, number]>) => ({ type: 'Polygon', coordinates: [ring] });
const stored = async (db = app.db) => {
  const n = async (sql: string) => (await db.query<{ n: number }>(sql)).rows[0].n;
  return { batches: await n('SELECT count(*)::int AS n FROM import_batches'), features: await n('SELECT count(*)::int AS n FROM features'), history: await n('SELECT count(*)::int AS n FROM feature_history') };
};

describe('reading each format into a preview, in WGS 84', () => {
  it('a Shapefile in EPSG:4549 (from its .prj) lands within 0.5 m of the source polygon', async () => {
    const p = await imported('plot-4549.zip', await shapefileZip(fc(plot(PLOT)), 4549));
    expect(p.format).toBe('shapefile');
    expect(p.crs?.code).toBe('EPSG:4549');
    expect(p.crs_from).toMatch(/plot\.prj/);
    expect(p.needs_crs).toBe(false);
    expect(p.items).toHaveLength(1);
    const [it] = p.items;
    expect(it.status).toBe('new');
    expect(it.feature_id).toBe('zone-imp-a');
    expect(it.name_zh).toBe('测试地块甲');
    expect(it.properties).toEqual({ land_use: '工业' });
    expect(await offsetM(app.db, it.geometry, polygon(RING))).toBeLessThan(0.5);
    expect(p.summary).toMatchObject({ total: 1, new: 1, rejected: 0 });
  });

  it('shapefile rings become the same polygons: a hole stays a hole, a multipolygon stays whole', async () => {
    const hole: Array<[number, number]> = [[119.908, 32.398], [119.908, 32.401], [119.911, 32.401], [119.911, 32.398], [119.908, 32.398]];
    const second: Array<[number, number]> = [[119.92, 32.39], [119.925, 32.39], [119.925, 32.393], [119.92, 32.39]];
    const holed = { type: 'Polygon', coordinates: [RING, hole] };
    const multi = { type: 'MultiPolygon', coordinates: [[RING], [second]] };
    const doc = fc({ type: 'Feature', properties: { id: 'zone-imp-holed', name_zh: '带洞' }, geometry: holed }, { type: 'Feature', properties: { id: 'zone-imp-multi', name_zh: '多块' }, geometry: multi });
    const p = await imported('rings.zip', await shapefileZip(doc, 4549));
    const [a, b] = p.items;
    expect([a.status, b.status]).toEqual(['new', 'new']);
    const same = async (got: unknown, want: unknown) => (await app.db.query<{ d: number; t: string; h: number }>(
      `SELECT ST_Area(ST_SymDifference(g, w)::geography) AS d, GeometryType(g) AS t, ST_NumInteriorRings(ST_GeometryN(g, 1)) AS h
       FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g, ST_SetSRID(ST_GeomFromGeoJSON($2), 4326) AS w) x`, [JSON.stringify(got), JSON.stringify(want)])).rows[0];
    expect(await same(a.geometry, holed)).toMatchObject({ t: 'POLYGON', h: 1 });
    expect((await same(a.geometry, holed)).d).toBeLessThan(1);
    expect(await same(b.geometry, multi)).toMatchObject({ t: 'MULTIPOLYGON', h: 0 });
    expect((await same(b.geometry, multi)).d).toBeLessThan(1);
  });

  it('a GCJ-02 GeoJSON declared as such is corrected: ~500 m from its raw coordinates, within 2 m of the truth', async () => {
    const gcj = RING.map((p) => gcoord.transform(p, gcoord.WGS84, gcoord.GCJ02) as [number, number]);
    const p = await imported('plot-gcj.geojson', JSON.stringify(fc(plot({ ...PLOT, id: 'zone-imp-gcj' }, gcj))), { layer: 'zones', crs: 'GCJ-02' });
    expect(p.crs?.code).toBe('GCJ-02');
    expect(p.crs_from).toBe('declared on upload');
    const [it] = p.items;
    expect(it.status).toBe('new');
    expect(await offsetM(app.db, it.geometry, polygon(RING))).toBeLessThan(2);
    const fromRaw = await offsetM(app.db, it.geometry, polygon(gcj));
    expect(fromRaw).toBeGreaterThan(300);
    expect(fromRaw).toBeLessThan(800);
  });

  it('a GeoPackage in EPSG:4490 (srs_id from gpkg_spatial_ref_sys)', async () => {
    const file = await ogr('GPKG', tmp('plot.gpkg'), fc(plot(PLOT)), ['-t_srs', 'EPSG:4490']);
    const p = await imported('plot.gpkg', fs.readFileSync(file));
    expect(p.format).toBe('gpkg');
    expect(p.crs?.code).toBe('EPSG:4490');
    expect(p.crs_from).toMatch(/gpkg_spatial_ref_sys/);
    expect(p.items[0]).toMatchObject({ status: 'new', feature_id: 'zone-imp-a', name_zh: '测试地块甲', properties: { land_use: '工业' } });
    expect(await offsetM(app.db, p.items[0].geometry, polygon(RING))).toBeLessThan(0.5);
  });

  it('KML and KMZ (always WGS 84)', async () => {
    const kml = fs.readFileSync(await ogr('KML', tmp('plot.kml'), fc(plot(PLOT))));
    for (const [name, data] of [['plot.kml', kml], ['plot.kmz', Buffer.from(zipSync({ 'doc.kml': kml }))]] as const) {
      const p = await imported(name, data);
      expect(p.format).toBe(name.endsWith('kmz') ? 'kmz' : 'kml');
      expect(p.crs?.code).toBe('EPSG:4326');
      expect(p.crs_from).toMatch(/KML 2\.2/);
      expect(p.items[0]).toMatchObject({ status: 'new', feature_id: 'zone-imp-a', name_zh: '测试地块甲', name_en: 'Test plot A' });
      expect(await offsetM(app.db, p.items[0].geometry, polygon(RING))).toBeLessThan(0.01);
    }
    expect((await upload(alice, 'plot.kml', kml, { layer: 'zones', crs: 'EPSG:4549' })).status).toBe(422);
  });

  it('a DXF never has a CRS: the preview asks, EPSG:4549 is chosen, and it commits', async () => {
    const file = await ogr('DXF', tmp('plot.dxf'), fc(plot(PLOT)), ['-t_srs', 'EPSG:4549']);
    const res = await upload(alice, 'plot.dxf', fs.readFileSync(file));
    expect(res.status).toBe(201);
    const head = (await res.json()) as Preview;
    expect(head.needs_crs).toBe(true);
    expect(head.crs).toBeNull();
    expect(head.crs_choices!.map((c) => c.code)).toEqual(['EPSG:4490', 'EPSG:4549', 'EPSG:4326', 'GCJ-02', 'BD-09']);
    expect(head.summary.awaiting_crs).toBe(1);
    expect((await commit(head.id)).status).toBe(409);

    const chosen = await alice.fetch(`/api/imports/${head.id}/crs`, { method: 'POST', body: JSON.stringify({ crs: 'EPSG:4549' }) });
    expect(chosen.status).toBe(200);
    const p = await preview(head.id);
    expect(p.crs?.code).toBe('EPSG:4549');
    const [it] = p.items;
    expect(it.status).toBe('new');
    expect(it.geometry?.type).toBe('Polygon');
    expect(await offsetM(app.db, it.geometry, polygon(RING))).toBeLessThan(0.5);

    const done = await commit(head.id);
    expect(done.status).toBe(200);
    const result = (await done.json()) as { inserted: string[] };
    expect(result.inserted).toEqual([it.feature_id]);
    const f = (await app.db.query<{ accuracy: string; version: number; updated_by: string }>('SELECT accuracy, version, updated_by FROM features WHERE id = $1', [it.feature_id])).rows[0];
    expect(f).toEqual({ accuracy: 'digitised', version: 1, updated_by: 'alice' });
  });

  it('DXF polylines closed by a repeated vertex become polygons (EPSG:4549 declared on upload)', async () => {
    const line = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: RING } };
    const file = await ogr('DXF', tmp('outline.dxf'), fc(line), ['-t_srs', 'EPSG:4549']);
    expect(fs.readFileSync(file, 'latin1')).toMatch(/LWPOLYLINE/);
    const p = await imported('outline.dxf', fs.readFileSync(file), { layer: 'zones', crs: 'EPSG:4549' });
    expect(p.crs_from).toBe('declared on upload');
    expect(p.items[0]).toMatchObject({ status: 'new', name_zh: '0 1' });
    expect(p.items[0].geometry?.type).toBe('Polygon');
    expect(await offsetM(app.db, p.items[0].geometry, polygon(RING))).toBeLessThan(0.5);
  });

  it('a .prj it does not know (EPSG:3857) makes the preview ask for the CRS', async () => {
    const res = await upload(alice, 'plot-3857.zip', await shapefileZip(fc(plot(PLOT)), 3857));
    expect(res.status).toBe(201);
    const p = (await res.json()) as Preview;
    expect(p.needs_crs).toBe(true);
    expect(p.crs_from).toMatch(/not one of the supported CRSs/);
    expect(p.crs_choices!.map((c) => c.code)).toContain('GCJ-02');
  });
});

/** Uploads several file parts at once (a shapefile's or a MIF's loose parts) and returns the preview. */
async function importedParts(paths: string[], fields: Record<string, string> = { layer: 'zones' }): Promise<Preview> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const p of paths) form.append('file', new Blob([new Uint8Array(fs.readFileSync(p))]), path.basename(p));
  const res = await fetch(`${app.url}/api/imports`, { method: 'POST', headers: { Cookie: alice.cookie, 'X-CSRF-Token': alice.csrf }, body: form });
  const body = await res.text();
  expect(res.status, body).toBe(201);
  return preview((JSON.parse(body) as { id: string }).id);
}

describe('every format GDAL reads, each written in the test by ogr2ogr in EPSG:4549', () => {
  // The attributes every format must bring through: a Chinese name, and a Chinese value in another field.
  const KOUAN = { id: 'zone-imp-kouan', name_zh: '口岸街道', land_use: '工业' };
  const doc = fc(plot(KOUAN));
  /** Writes `doc` with ogr2ogr in EPSG:4549 (GDAL's own driver, `driver`) into a fresh folder; returns the output path. */
  const to4549 = async (driver: string, file: string, extra: string[] = []) => {
    const d = tmp('fmt');
    fs.mkdirSync(d);
    return ogr(driver, path.join(d, file), doc, ['-t_srs', 'EPSG:4549', ...extra]);
  };
  /** The preview holds the one plot, in place to 1 m, named 口岸街道, with its land use (unless the format has no attributes). */
  const check = async (p: Preview, opts: { crs: string; attributes?: boolean }) => {
    expect(p.crs?.code).toBe(opts.crs);
    expect(p.items).toHaveLength(1);
    const [it] = p.items;
    expect(it.status, JSON.stringify(it.reasons)).toBe('new');
    expect(await offsetM(app.db, it.geometry, polygon(RING))).toBeLessThan(1);
    if (opts.attributes !== false) {
      expect(it.name_zh).toBe('口岸街道');
      expect(it.feature_id).toBe('zone-imp-kouan');
      expect(it.properties).toMatchObject({ land_use: '工业' });
    }
  };

  it('Shapefile as loose parts (.shp .shx .dbf .prj .cpg in one upload)', async () => {
    const shp = await to4549('ESRI Shapefile', 'kouan.shp', ['-lco', 'ENCODING=UTF-8']);
    const parts = ['shp', 'shx', 'dbf', 'prj', 'cpg'].map((e) => shp.replace(/shp$/, e));
    const p = await importedParts(parts);
    expect(p.format).toBe('shapefile');
    expect(p.crs_from).toMatch(/kouan\.prj/);
    await check(p, { crs: 'EPSG:4549' });
  });

  it('Shapefile in GBK without a .cpg, zipped', async () => {
    const shp = await to4549('ESRI Shapefile', 'kouan.shp', ['-lco', 'ENCODING=CP936']);
    const d = path.dirname(shp);
    fs.rmSync(shp.replace(/shp$/, 'cpg'), { force: true });
    const dbf = fs.readFileSync(shp.replace(/shp$/, 'dbf'));
    dbf[29] = 0;
    fs.writeFileSync(shp.replace(/shp$/, 'dbf'), dbf);
    const p = await imported('kouan-gbk.zip', zipDir(d));
    await check(p, { crs: 'EPSG:4549' });
    expect(p.warnings.join(' ')).toMatch(/read as GBK/);
  });

  it('GeoPackage', async () => {
    const p = await imported('kouan.gpkg', fs.readFileSync(await to4549('GPKG', 'kouan.gpkg')));
    expect(p.format).toBe('gpkg');
    expect(p.crs_from).toMatch(/gpkg_spatial_ref_sys.*EPSG:4549/);
    await check(p, { crs: 'EPSG:4549' });
  });

  it('GeoJSON with a "crs" member', async () => {
    const p = await imported('kouan.geojson', fs.readFileSync(await to4549('GeoJSON', 'kouan.geojson', ['-lco', 'RFC7946=NO'])));
    expect(p.format).toBe('geojson');
    await check(p, { crs: 'EPSG:4549' });
  });

  it('KML and KMZ (GDAL writes KML in WGS 84 whatever the source CRS)', async () => {
    const kml = fs.readFileSync(await to4549('KML', 'kouan.kml'));
    await check(await imported('kouan.kml', kml), { crs: 'EPSG:4326' });
    await check(await imported('kouan.kmz', Buffer.from(zipSync({ 'doc.kml': kml }))), { crs: 'EPSG:4326' });
  });

  it('DXF (no CRS in a drawing: declared on upload; no attributes)', async () => {
    const p = await imported('kouan.dxf', fs.readFileSync(await to4549('DXF', 'kouan.dxf')), { layer: 'zones', crs: 'EPSG:4549' });
    expect(p.format).toBe('dxf');
    await check(p, { crs: 'EPSG:4549', attributes: false });
    expect(p.items[0].name_zh).toBe('0 1');
  });

  it('FileGDB (a zipped .gdb folder)', async () => {
    const gdb = await to4549('OpenFileGDB', 'kouan.gdb');
    const p = await imported('kouan-gdb.zip', zipDir(gdb, 'kouan.gdb/'));
    expect(p.format).toBe('filegdb');
    await check(p, { crs: 'EPSG:4549' });
  });

  it('MapInfo TAB, zipped (CRS recognised by its projection parameters)', async () => {
    const tab = await to4549('MapInfo File', 'kouan.tab');
    const p = await imported('kouan-tab.zip', zipDir(path.dirname(tab)));
    expect(p.format).toBe('mapinfo');
    expect(p.crs_from).toMatch(/projection parameters/);
    await check(p, { crs: 'EPSG:4549' });
  });

  it('MapInfo MIF/MID as loose parts (CRS from its CoordSys line, by its projection parameters)', async () => {
    const mif = await to4549('MapInfo File', 'kouan.mif', ['-dsco', 'FORMAT=MIF']);
    expect(fs.readFileSync(mif, 'latin1')).toMatch(/^CoordSys Earth Projection 8, 104, "m", 120, 0, 1, 500000, 0$/m);
    const p = await importedParts([mif, mif.replace(/mif$/, 'mid')]);
    expect(p.format).toBe('mapinfo');
    expect(p.crs_from).toMatch(/MapInfo CoordSys.*EPSG:4549 by its projection parameters/);
    await check(p, { crs: 'EPSG:4549' });
    // A MIF without a CoordSys line: the preview asks for the CRS.
    const plain = path.join(path.dirname(mif), 'plain.mif');
    fs.writeFileSync(plain, fs.readFileSync(mif, 'latin1').replace(/^CoordSys .*\r?\n/m, ''), 'latin1');
    fs.copyFileSync(mif.replace(/mif$/, 'mid'), plain.replace(/mif$/, 'mid'));
    const asked = await importedParts([plain, plain.replace(/mif$/, 'mid')]);
    // (GDAL reads it as an "Undefined geographic SRS"; taken as EPSG:4326 the grid metres would be rejected.)
    expect(asked).toMatchObject({ needs_crs: true, crs: null, crs_from: expect.stringMatching(/no CoordSys line/) });
  });

  it('FlatGeobuf', async () => {
    const p = await imported('kouan.fgb', fs.readFileSync(await to4549('FlatGeobuf', 'kouan.fgb')));
    expect(p.format).toBe('flatgeobuf');
    await check(p, { crs: 'EPSG:4549' });
  });

  it('CSV with a WKT column (no CRS in a CSV: asked, then chosen) and CSV with lon/lat columns', async () => {
    const csv = fs.readFileSync(await to4549('CSV', 'kouan.csv', ['-lco', 'GEOMETRY=AS_WKT']));
    const res = await upload(alice, 'kouan.csv', csv);
    expect(res.status).toBe(201);
    const head = (await res.json()) as Preview;
    expect(head).toMatchObject({ format: 'csv', needs_crs: true });
    expect((await alice.fetch(`/api/imports/${head.id}/crs`, { method: 'POST', body: JSON.stringify({ crs: 'EPSG:4549' }) })).status).toBe(200);
    await check(await preview(head.id), { crs: 'EPSG:4549' });

    const pts = 'id,名称,经度,纬度,land_use\nzone-imp-kouan-pt,口岸街道,119.91,32.4,工业\n';
    const p = await imported('kouan-points.csv', pts, { layer: 'nodes', crs: 'EPSG:4326' });
    expect(p.items[0]).toMatchObject({ status: 'new', name_zh: '口岸街道', feature_id: 'zone-imp-kouan-pt', properties: { land_use: '工业' } });
    expect(p.items[0].geometry).toEqual({ type: 'Point', coordinates: [119.91, 32.4] });
  });
});

describe('validation in the preview', () => {
  it('rejects an invalid geometry with ST_IsValidReason, and offers ST_MakeValid', async () => {
    const bowtie: Array<[number, number]> = [[119.905, 32.395], [119.915, 32.405], [119.915, 32.395], [119.905, 32.405], [119.905, 32.395]];
    const p = await imported('bowtie.geojson', JSON.stringify(fc(plot({ id: 'zone-imp-bowtie', name_zh: '自交地块' }, bowtie))));
    const [it] = p.items;
    expect(it.status).toBe('rejected');
    expect(it.reasons[0].code).toBe('invalid_geometry');
    expect(it.reasons[0].message).toMatch(/Self-intersection/i);
    expect(it.can_make_valid).toBe(true);
    const fixed = await preview(p.id, '?makeValid=true');
    expect(fixed.items[0]).toMatchObject({ status: 'new', repaired: true });
    expect(fixed.items[0].geometry?.type).toBe('MultiPolygon');
    expect((await commit(p.id, { makeValid: true, preview_token: fixed.preview_token })).status).toBe(200);
    const valid = (await app.db.query<{ v: boolean }>("SELECT ST_IsValid(geom) AS v FROM features WHERE id = 'zone-imp-bowtie'")).rows[0];
    expect(valid.v).toBe(true);
  });

  it('rejects features outside the district, duplicate ids and the wrong geometry type', async () => {
    const nanjing: Array<[number, number]> = [[118.78, 32.04], [118.79, 32.04], [118.79, 32.05], [118.78, 32.04]];
    const doc = fc(
      plot({ id: 'zone-imp-far', name_zh: '南京地块' }, nanjing),
      plot({ id: 'zone-imp-dup', name_zh: '重复一' }),
      plot({ id: 'zone-imp-dup', name_zh: '重复二' }),
      { type: 'Feature', properties: { id: 'zone-imp-point', name_zh: '点' }, geometry: { type: 'Point', coordinates: [119.91, 32.4] } },
      plot({ id: 'zone-imp-ok', name_zh: '正常地块' }),
    );
    const p = await imported('mixed.geojson', JSON.stringify(doc));
    const codes = p.items.map((i) => [i.status, i.reasons.map((r) => r.code).join()]);
    expect(codes).toEqual([['rejected', 'outside_district'], ['rejected', 'duplicate_id'], ['rejected', 'duplicate_id'], ['rejected', 'wrong_geometry_type'], ['new', '']]);
    expect(p.summary).toMatchObject({ total: 5, new: 1, rejected: 4, reasons: { outside_district: 1, duplicate_id: 2, wrong_geometry_type: 1 } });
  });

  it('an export re-imported is unchanged; an edited one is changed, with its area change', async () => {
    const exported = await (await fetch(`${app.url}/api/export?layer=zones&format=geojson`)).text();
    const p = await imported('zones.geojson', exported);
    expect(p.items.length).toBeGreaterThan(3);
    expect(p.items.every((i) => i.status === 'unchanged')).toBe(true);

    const gpkg = Buffer.from(await (await fetch(`${app.url}/api/export?layer=zones&format=gpkg&crs=EPSG:4549`)).arrayBuffer());
    const g = await imported('zones-4549.gpkg', gpkg);
    expect(g.crs?.code).toBe('EPSG:4549');
    expect(g.items.map((i) => i.status)).toEqual(p.items.map(() => 'unchanged'));

    const doc = JSON.parse(exported) as { features: Array<{ id: string; properties: Record<string, unknown>; geometry: { coordinates: number[][][] } }> };
    const target = doc.features.find((f) => f.id === 'zone-cmc-expo')!;
    // Shrink the ring towards its first vertex by 10 %: smaller area, still inside the district.
    const [x0, y0] = target.geometry.coordinates[0][0];
    target.geometry.coordinates[0] = target.geometry.coordinates[0].map(([x, y]) => [x0 + (x - x0) * 0.9, y0 + (y - y0) * 0.9]);
    const e = await imported('zones-edited.geojson', JSON.stringify({ ...doc, features: [target] }));
    expect(e.items[0].status).toBe('changed');
    expect(e.items[0].match).toMatchObject({ id: 'zone-cmc-expo', version: 1 });
    expect(e.items[0].area_change_km2).toBeLessThan(0);
  });
});

describe('commit', () => {
  it('writes new and changed items as versions with history, with the chosen accuracy', async () => {
    const before = (await app.db.query<{ geom: string }>("SELECT ST_AsGeoJSON(geom) AS geom FROM features WHERE id = 'zone-cmc-research'")).rows[0];
    const ring = (JSON.parse(before.geom) as { coordinates: Array<Array<[number, number]>> }).coordinates[0];
    const [x0, y0] = ring[0];
    const shrunk = ring.map(([x, y]) => [x0 + (x - x0) * 0.95, y0 + (y - y0) * 0.95] as [number, number]);
    const doc = fc(plot({ id: 'zone-cmc-research', name_zh: '研发区（测绘）' }, shrunk), plot({ ...PLOT, id: 'zone-imp-commit' }));
    const p = await imported('survey.geojson', JSON.stringify(doc));
    expect(p.items.map((i) => i.status)).toEqual(['changed', 'new']);

    const res = await commit(p.id, { accuracy: 'surveyed', preview_token: p.preview_token });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ inserted: ['zone-imp-commit'], updated: ['zone-cmc-research'], accuracy: 'surveyed' });
    const rows = (await app.db.query<{ id: string; version: number; accuracy: string; name_zh: string; land_use: string | null }>(
      "SELECT id, version, accuracy, name_zh, properties->>'land_use' AS land_use FROM features WHERE id IN ('zone-cmc-research', 'zone-imp-commit') ORDER BY id")).rows;
    expect(rows).toEqual([
      { id: 'zone-cmc-research', version: 2, accuracy: 'surveyed', name_zh: '研发区（测绘）', land_use: null },
      { id: 'zone-imp-commit', version: 1, accuracy: 'surveyed', name_zh: '测试地块甲', land_use: '工业' },
    ]);
    const hist = (await (await fetch(`${app.url}/api/features/zone-cmc-research/history`)).json()) as Array<{ version: number; changed_by: string; changed: string[]; area_change_km2: number }>;
    expect(hist.map((h) => [h.version, h.changed_by])).toEqual([[1, 'seed'], [2, 'alice']]);
    expect(hist[1].changed.sort()).toEqual(['accuracy', 'geometry', 'name_zh']);
    expect(hist[1].area_change_km2).toBeLessThan(0);
    const audit = (await app.db.query<{ action: string }>('SELECT action FROM audit_log WHERE target = $1 ORDER BY id', [p.id])).rows.map((r) => r.action);
    expect(audit).toEqual(['import.upload', 'import.commit']);

    expect((await commit(p.id)).status).toBe(409);
    // The same file again: all unchanged now.
    const again = await imported('survey.geojson', JSON.stringify(doc));
    expect(again.items.map((i) => i.status)).toEqual(['unchanged', 'unchanged']);
  });

  it('is all or nothing: when the last item fails, nothing is written', async () => {
    const doc = fc(...['t1', 't2', 't3'].map((t, i) => plot({ id: `zone-imp-${t}`, name_zh: `原子${i}` })));
    const p = await imported('atomic.geojson', JSON.stringify(doc));
    expect(p.items.map((i) => i.status)).toEqual(['new', 'new', 'new']);
    // A trigger that refuses the third insert stands in for any failure at the last item.
    await app.db.exec(`CREATE FUNCTION test_refuse_t3() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.id = 'zone-imp-t3' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER test_refuse_t3 BEFORE INSERT ON features FOR EACH ROW EXECUTE FUNCTION test_refuse_t3();`);
    const before = await stored();
    try {
      const res = await commit(p.id);
      expect(res.status).toBe(422);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/Item 3 .*zone-imp-t3.*refused by test trigger.*Nothing was written/);
    } finally {
      await app.db.exec('DROP TRIGGER test_refuse_t3 ON features; DROP FUNCTION test_refuse_t3();');
    }
    expect(await stored()).toEqual(before);
    expect((await app.db.query("SELECT id FROM features WHERE id LIKE 'zone-imp-t%'")).rows).toEqual([]);
    expect((await app.db.query("SELECT 1 FROM feature_history WHERE feature_id LIKE 'zone-imp-t%'")).rows).toEqual([]);
    expect((await preview(p.id)).items.map((i) => i.status)).toEqual(['new', 'new', 'new']);
    expect((await commit(p.id)).status).toBe(200);
  });

  it('a stale preview token is refused (412)', async () => {
    const p = await imported('stale.geojson', JSON.stringify(fc(plot({ id: 'zone-imp-stale', name_zh: '旧预览' }))));
    const other = await imported('first.geojson', JSON.stringify(fc(plot({ id: 'zone-imp-stale', name_zh: '抢先' }))));
    expect((await commit(other.id)).status).toBe(200);
    expect((await commit(p.id, { preview_token: p.preview_token })).status).toBe(412);
  });
});

describe('who may import', () => {
  it('needs an editor session with its CSRF token; previews need a session', async () => {
    const before = await stored();
    const data = JSON.stringify(fc(plot(PLOT)));
    expect((await upload(null, 'plot.geojson', data)).status).toBe(401);
    expect((await upload(alice, 'plot.geojson', data, { layer: 'zones' }, false)).status).toBe(403);
    expect(await stored()).toEqual(before);
    const p = await imported('plot.geojson', data);
    expect((await fetch(`${app.url}/api/imports/${p.id}`)).status).toBe(401);
    expect((await fetch(`${app.url}/api/imports/${p.id}/commit`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401);
  });
});

/**
 * A zip whose only entry declares `declared` bytes but inflates to `actual` (a lying header when they
 * differ). Deflated off the main thread: blocking the event loop for seconds would let the server's
 * keep-alive timeout race the next request.
 */
async function craftedZip(name: string, actual: number, declared: number): Promise<Buffer> {
  const data = await promisify(zlib.deflateRaw)(Buffer.alloc(actual), { level: 9 });
  const crc = 0; // never checked: both zips are refused before any CRC is compared
  const nameBuf = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(nameBuf.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(nameBuf.length, 28);
  const cdOffset = 30 + nameBuf.length + data.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(46 + nameBuf.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, nameBuf, data, central, nameBuf, eocd]);
}

describe('limits and wrong files: a clear 4xx and nothing stored', () => {
  const refused = async (status: number, filename: string, data: Buffer | string, pattern: RegExp, fields?: Record<string, string>) => {
    const before = await stored();
    const res = await upload(alice, filename, data, fields);
    const body = (await res.json()) as { status: number; detail: string };
    expect(res.status, body.detail).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(body.detail).toMatch(pattern);
    expect(await stored()).toEqual(before);
  };

  it('a zip bomb: too many bytes declared, or a header that lies about its size', async () => {
    await refused(413, 'bomb.zip', await craftedZip('plot.shp', 210 * 1024 * 1024, 210 * 1024 * 1024), /inflate to \d+ bytes.*zip bomb/);
    await refused(413, 'liar.zip', await craftedZip('plot.shp', 210 * 1024 * 1024, 1000), /inflates past \d+ bytes.*zip bomb/);
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`f${i}.txt`, strToU8('x')]));
    await refused(413, 'many.zip', Buffer.from(zipSync(many)), /101 entries/);
  });

  it('a fake zip, a .geojson that is not JSON, a zip without .shp, a lone .shp, an unknown type', async () => {
    await refused(422, 'plot.zip', 'this is not a zip', /is named \.zip but is not a zip archive/);
    await refused(422, 'plot.geojson', Buffer.from(zipSync({ 'a.txt': strToU8('x') })), /is not JSON: it looks like a zip archive/);
    await refused(422, 'plot.geojson', '{"type": "Feature", "geometry": ', /is not JSON/);
    await refused(422, 'parts.zip', await shapefileZip(fc(plot(PLOT)), 4549, undefined, (f) => void delete f['plot.shp']), /holds no \.shp file/);
    await refused(422, 'plot.shp', Buffer.alloc(200), /one part of a shapefile/);
    await refused(415, 'plot.dwg', 'AC1032', /are not imported/);
  });

  it('a broken .prj is refused unless a CRS is declared', async () => {
    const bad = await shapefileZip(fc(plot(PLOT)), 4549, undefined, (f) => void (f['plot.prj'] = strToU8('Gauss-Kruger 120, more or less')));
    await refused(422, 'badprj.zip', bad, /\.prj is unreadable/);
    const res = await upload(alice, 'badprj.zip', bad, { layer: 'zones', crs: 'EPSG:4549' });
    expect(res.status).toBe(201);
    expect(((await res.json()) as Preview).warnings.join()).toMatch(/Ignored plot\.prj/);
  });

  it('non-UTF-8 attributes: read with the .cpg encoding, else detected as GBK, else reported, unless the encoding is given', async () => {
    const gbk = await shapefileZip(fc(plot(PLOT)), 4549, ['-lco', 'ENCODING=CP936']);
    const p = await imported('gbk.zip', gbk);
    expect(p.items[0].name_zh).toBe('测试地块甲');
    const noCpg = await shapefileZip(fc(plot(PLOT)), 4549, ['-lco', 'ENCODING=CP936'], (f) => {
      delete f['plot.cpg'];
      f['plot.dbf'][29] = 0; // no language driver id either
    });
    // Not UTF-8, valid GB18030: read as GBK, and the preview says it guessed.
    const guessed = await imported('gbk-nocpg.zip', noCpg);
    expect(guessed.items[0].name_zh).toBe('测试地块甲');
    expect(guessed.warnings.join(' ')).toMatch(/not UTF-8.*read as GBK/);
    const told = await imported('gbk-nocpg.zip', noCpg, { layer: 'zones', encoding: 'GBK' });
    expect(told.items[0].name_zh).toBe('测试地块甲');
    expect(told.warnings.join(' ')).not.toMatch(/read as GBK/);
    // Bytes that are neither UTF-8 nor GB18030 (0xFF starts no character in either): refused, asking for a .cpg.
    const garbled = await shapefileZip(fc(plot(PLOT)), 4549, ['-lco', 'ENCODING=CP936'], (f) => {
      delete f['plot.cpg'];
      const dbf = f['plot.dbf'];
      dbf[29] = 0;
      const at = Buffer.from(dbf).indexOf(Buffer.from('zone-imp-a'));
      dbf.fill(0xff, at, at + 4);
    });
    await refused(422, 'garbled.zip', garbled, /not UTF-8.*\.cpg/);
  });

  /** One polygon of `n` vertices in the biomedical park: about 40 bytes a vertex as GeoJSON. */
  const densePlot = (n: number) => {
    const ring = Array.from({ length: n }, (_, i) => [119.91 + 0.004 * Math.cos((2 * Math.PI * i) / n), 32.4 + 0.004 * Math.sin((2 * Math.PI * i) / n)]);
    ring.push(ring[0]);
    return JSON.stringify(fc({ type: 'Feature', properties: { id: 'zone-imp-dense', name_zh: '密集地块' }, geometry: { type: 'Polygon', coordinates: [ring] } }));
  };

  it('a corrupt GeoPackage or FlatGeobuf, and a conversion past its time limit: 4xx, nothing stored, the worker replaced', async () => {
    await refused(422, 'broken.gpkg', Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(2000, 7)]), /could not be read as gpkg/);
    await refused(422, 'broken.fgb', Buffer.concat([Buffer.from([0x66, 0x67, 0x62, 3, 0x66, 0x67, 0x62, 0]), Buffer.alloc(500, 9)]), /could not be (read|converted)|has no feature table/);
    const slow = await startTestApp({ importLimits: { conversionMs: 1 } });
    try {
      const bob = await signIn(slow, 'bob', 'editor');
      const before = await stored(slow.db);
      const form = new FormData();
      form.append('layer', 'zones');
      // A conversion that really takes longer than the 1 ms limit (~50 ms): a one-plot file can be read in
      // ~1.4 ms by a warm worker and beat the timer.
      form.append('file', new Blob([new Uint8Array(await shapefileZip(JSON.parse(densePlot(20_000)), 4549))]), 'slow.zip');
      const res = await fetch(`${slow.url}/api/imports`, { method: 'POST', headers: { Cookie: bob.cookie, 'X-CSRF-Token': bob.csrf }, body: form });
      const body = (await res.json()) as { detail: string; limit: string };
      expect(res.status, body.detail).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(body).toMatchObject({ limit: 'conversionMs' });
      expect(body.detail).toMatch(/took longer than .* Nothing was stored/);
      expect(await stored(slow.db)).toEqual(before);
    } finally {
      await slow.close();
    }
    // The timed-out worker was terminated; the next import gets a fresh one and works.
    const p = await imported('after-timeout.zip', await shapefileZip(fc(plot(PLOT)), 4549));
    expect(p.items[0].name_zh).toBe('测试地块甲');
  });

  /** An app whose imports read with `runner`; `act` gets it and its editor, and the app is closed after. */
  const withRunner = async (runner: GdalRunner, act: (a: TestApp, s: Session) => Promise<void>) => {
    const a = await startTestApp({ gdal: runner });
    try {
      await act(a, await signIn(a, 'carol', 'editor'));
    } finally {
      await a.close();
      await runner.close();
    }
  };
  const post = (a: TestApp, s: Session, name: string, data: Buffer | string, layer = 'zones') => {
    const form = new FormData();
    form.append('layer', layer);
    form.append('file', new Blob([typeof data === 'string' ? data : new Uint8Array(data)]), name);
    return fetch(`${a.url}/api/imports`, { method: 'POST', headers: { Cookie: s.cookie, 'X-CSRF-Token': s.csrf }, body: form });
  };

  it('a conversion past the WebAssembly memory cap: 413 naming the limit, nothing stored, the worker replaced, the next import works', async () => {
    // 12 MB in all for GDAL (the worker reserves the rest of gdal3.js's initial 512 MB): a small plot fits,
    // a 20 000-vertex polygon (0.8 MB of GeoJSON, well inside every upload limit) does not.
    const runner = new GdalRunner({ ...GDAL_LIMITS, wasmMb: 12 });
    await withRunner(runner, async (a, s) => {
      const small = await post(a, s, 'small.zip', await shapefileZip(fc(plot(PLOT)), 4549));
      expect(small.status, await small.clone().text()).toBe(201);
      expect(runner.started).toBe(1);
      const before = await stored(a.db);
      const res = await post(a, s, 'dense.geojson', densePlot(20_000));
      const body = (await res.json()) as { detail: string; limit: string };
      expect(res.status, body.detail).toBe(413);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(body).toMatchObject({ limit: 'conversionMemory', detail: expect.stringMatching(/"dense\.geojson": the conversion needed more than 12 MB of memory; split the file or simplify it\. Nothing was stored\./) });
      expect(await stored(a.db)).toEqual(before);
      // GDAL's state after a failed allocation is not trusted: the next job runs in a new worker, and works.
      const next = await post(a, s, 'next.zip', await shapefileZip(fc(plot(PLOT)), 4549));
      expect(next.status, await next.clone().text()).toBe(201);
      expect(runner.started).toBe(2);
    });
  });

  it('a GDAL worker that dies in the middle of a job, or runs out of time: a 422, nothing stored, the worker replaced, the next import works', async () => {
    /** The real runner and worker; the worker of the first job is terminated as soon as the job is handed to it (as an abort in GDAL ends it). */
    class DiesOnce extends GdalRunner {
      private dies = 1;
      override run(files: GdalFile[], steps: GdalStep[], opts?: { timeoutMs?: number }) {
        const job = super.run(files, steps, opts);
        if (this.dies-- > 0) setImmediate(() => void this.close());
        return job;
      }
    }
    const runner = new DiesOnce();
    await runner.warm();
    await withRunner(runner, async (a, s) => {
      const before = await stored(a.db);
      const res = await post(a, s, 'dense.geojson', densePlot(20_000));
      const body = (await res.json()) as { detail: string };
      expect(res.status, body.detail).toBe(422);
      expect(body.detail).toMatch(/"dense\.geojson" made the converter fail \(the GDAL worker exited \(code 1\)\); nothing was stored\./);
      expect(await stored(a.db)).toEqual(before);
      const next = await post(a, s, 'dense.geojson', densePlot(20_000));
      expect(next.status, await next.clone().text()).toBe(201);
      expect(runner.started).toBe(2);
    });
    // Past the time limit (a runner of 1 ms): the worker is terminated, and the next job (given time) gets a new one.
    // The job past the limit must really take longer than 1 ms once the worker is up: an info on a one-plot
    // file can answer in ~1.4 ms and win the race against the timer (CI saw it), a 20 000-vertex polygon
    // converted to GeoPackage takes ~70 ms.
    const slow = new GdalRunner({ ...GDAL_LIMITS, timeoutMs: 1 });
    const long: GdalStep[] = [{ op: 'translate', src: 'dense.geojson', args: ['-f', 'GPKG'], out: 'dense.gpkg' }];
    await expect(slow.run([{ path: 'dense.geojson', data: Buffer.from(densePlot(20_000)) }], long)).rejects.toMatchObject({ kind: 'timeout' });
    const files = [{ path: 'plot.geojson', data: Buffer.from(JSON.stringify(fc(plot(PLOT)))) }];
    const steps: GdalStep[] = [{ op: 'info', src: 'plot.geojson' }];
    const r = await slow.run(files, steps, { timeoutMs: 60_000 });
    expect(r.results[0].info?.layers?.[0].featureCount).toBe(1);
    expect(slow.started).toBe(2);
    await slow.close();
  });

  it('a GeoJSON past the vertex limits is refused before GDAL with the 413 GDAL\'s output would give; one GDAL would read otherwise still goes to GDAL', async () => {
    /** The real runner, counting the jobs handed to it. */
    class Counting extends GdalRunner {
      jobs = 0;
      override run(files: GdalFile[], steps: GdalStep[], opts?: { timeoutMs?: number }) {
        this.jobs++;
        return super.run(files, steps, opts);
      }
    }
    const runner = new Counting();
    await withRunner(runner, async (a, s) => {
      const ring = (n: number) => [...Array.from({ length: n - 1 }, (_, i) => [119.91 + 0.005 * Math.cos((2 * Math.PI * i) / (n - 1)), 32.4 + 0.005 * Math.sin((2 * Math.PI * i) / (n - 1))]), [119.915, 32.4]];
      const point = { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [119.9, 32.4] } };
      const dense = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring(100_001)] } };
      const before = await stored(a.db);
      // GDAL names the layer after the collection's "name": so does the early refusal.
      const res = await post(a, s, 'dense.geojson', JSON.stringify({ ...fc(point, dense), name: 'plots' }));
      const body = (await res.json()) as { detail: string; limit: string };
      expect(res.status, body.detail).toBe(413);
      expect(body).toMatchObject({ limit: 'verticesPerFeature', detail: 'Feature 2 of plots has 100001 vertices; at most 100000 per feature.' });
      expect(runner.jobs).toBe(0);
      expect(await stored(a.db)).toEqual(before);
      // A polygon one nesting level short is not counted here: GDAL reads it (a draft whose feature names the problem).
      const short = await post(a, s, 'short.geojson', JSON.stringify(fc({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: ring(100_001) } })));
      expect(short.status, await short.clone().text()).toBe(201);
      expect(runner.jobs).toBeGreaterThan(0);
    });
  });

  it('too many features, too many vertices in one feature, too large an upload', async () => {
    const points = Array.from({ length: 50_001 }, (_, i) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [119.9 + i * 1e-7, 32.4] } }));
    await refused(413, 'many.geojson', JSON.stringify(fc(...points)), /more than 50000 features/, { layer: 'nodes' });
    const ring = Array.from({ length: 100_001 }, (_, i) => [119.91 + 0.005 * Math.cos((2 * Math.PI * i) / 100_000), 32.4 + 0.005 * Math.sin((2 * Math.PI * i) / 100_000)]);
    ring[ring.length - 1] = ring[0];
    await refused(413, 'dense.geojson', JSON.stringify(fc({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } })), /100001 vertices; at most 100000/);
    await refused(413, 'huge.geojson', Buffer.alloc(51 * 1024 * 1024, 0x20), /larger than 50 MB/);
  });
});
