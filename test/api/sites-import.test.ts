import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import gcoord from 'gcoord';
import type { SiteCollection, SiteImportPreview, SiteImportResult } from '../../contract/sites.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { signIn, type Session } from '../support/session.js';
import { zipDir } from '../support/zip-dir.js';
import { maxOffsetM as offsetM } from '../support/offset.js';

const execFileP = promisify(execFile);

let app: TestApp;
let alice: Session;
beforeAll(async () => {
  app = await startTestApp();
  alice = await signIn(app, 'alice', 'editor');
});
afterAll(async () => {
  await app?.close();
});

const upload = (filename: string, data: Buffer | string, fields: Record<string, string> = {}, parts: Array<[string, Buffer]> = []) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([typeof data === 'string' ? data : new Uint8Array(data)]), filename);
  for (const [name, bytes] of parts) form.append('file', new Blob([new Uint8Array(bytes)]), name);
  return fetch(`${app.url}/api/sites/imports`, { method: 'POST', headers: { Cookie: alice.cookie, 'X-CSRF-Token': alice.csrf }, body: form });
};
const preview = async (filename: string, data: Buffer | string, fields: Record<string, string> = {}) => {
  const res = await upload(filename, data, fields);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as SiteImportPreview;
};
const commit = (id: string) => alice.fetch(`/api/sites/imports/${id}/commit`, { method: 'POST' });
const sites = async (qs = '') => (await (await fetch(`${app.url}/api/sites${qs}`)).json()) as SiteCollection;
const count = async () => Number((await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sites')).rows[0].n);

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('载体');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// Two points in 生物医药产业园 (WGS84).
const P1: [number, number] = [119.8967, 32.3672];
const P2: [number, number] = [119.8975, 32.3665];
const ZH_HEADER = ['编号', '名称', '所属园区', '类型', '面积（亩）', '建筑面积（平方米）', '状态', '用地性质', '价格', '价格单位', '产业链', '联系人', '电话', '经度', '纬度'];

describe('importing the sheet an office keeps', () => {
  it('reads an XLSX with Chinese headers, previews every row, commits all of it', async () => {
    const before = await count();
    const file = await xlsx([
      ZH_HEADER,
      ['GG-001', '西区A地块', '生物医药产业园', '地块', 50, null, '可供地', 'M1', 18, null, '生物制药', '李工', '0523-1111', P1[0], P1[1]],
      ['GG-002', '标准厂房3号楼', 'park-biomed', '标准厂房', null, 5200, '待租', null, 22, '元/平方米/月', 'medical-devices', '张工', '0523-2222', P2[0], P2[1]],
    ]);
    const p = await preview('载体库.xlsx', file);
    expect(p.format).toBe('xlsx');
    expect(p.errors).toBe(0);
    expect(p.rows.map((r) => [r.row, r.key, r.action, r.errors.length])).toEqual([[2, 'GG-001', 'create', 0], [3, 'GG-002', 'create', 0]]);
    expect(p.columns.find((c) => c.header === '面积（亩）')!.field).toBe('area_mu');
    expect(await count()).toBe(before); // a preview writes no site
    const res = await commit(p.id);
    expect(res.status).toBe(200);
    expect((await res.json()) as SiteImportResult).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const fc = await sites('?park=park-biomed&kind=land,factory');
    const a = fc.features.find((f) => f.properties.external_key === 'GG-001')!;
    expect(a.properties).toMatchObject({ name_zh: '西区A地块', kind: 'land', status: 'available', area_mu: 50, land_use_code: '100101', price_value: 18, price_unit: '万元/亩', chains: ['biopharma'], contact_name: '李工' });
    expect(a.properties.source).toMatchObject({ kind: 'staff', by: 'alice', note: 'import 载体库.xlsx' });
    expect(a.geometry.coordinates).toEqual(P1);
    const b = fc.features.find((f) => f.properties.external_key === 'GG-002')!;
    expect(b.properties).toMatchObject({ kind: 'factory', floor_area_m2: 5200, price_unit: '元/m²/月', chains: ['medical-devices'], area_m2: null });
    // Committed once: a second commit of the same preview is refused.
    expect((await commit(p.id)).status).toBe(409);
  });

  it('re-importing the same sheet updates rows by their key instead of duplicating them', async () => {
    const before = await count();
    const file = await xlsx([
      ZH_HEADER,
      ['GG-001', '西区A地块', '生物医药产业园', '地块', 50, null, '已出让', 'M1', 18, null, '生物制药', '李工', '0523-1111', P1[0], P1[1]],
      ['GG-002', '标准厂房3号楼', 'park-biomed', '标准厂房', null, 5200, '待租', null, 22, '元/平方米/月', 'medical-devices', '张工', '0523-2222', P2[0], P2[1]],
    ]);
    const p = await preview('载体库.xlsx', file);
    expect(p.rows.map((r) => r.action)).toEqual(['update', 'update']);
    expect((await (await commit(p.id)).json()) as SiteImportResult).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(await count()).toBe(before);
    const a = (await sites('?status=occupied')).features.find((f) => f.properties.external_key === 'GG-001')!;
    expect(a.properties.version).toBe(2);
    const h = (await (await fetch(`${app.url}/api/sites/${a.id}/history`)).json()) as Array<{ changes: Record<string, unknown> }>;
    expect(Object.keys(h[0].changes)).toEqual(['status']);
  });

  it('reads a CSV with English headers in GCJ-02, and WKT in CGCS2000 / 3-degree GK (EPSG:4549)', async () => {
    const gcj = gcoord.transform([119.8972, 32.3668], gcoord.WGS84, gcoord.GCJ02) as [number, number];
    const csv = `\uFEFFkey,name,park,kind,area_m2,status,land_use,lon,lat\r\nEN-1,"Plot East, B",park-biomed,land,12000,planned,100102,${gcj[0]},${gcj[1]}\r\n`;
    const p = await preview('sites.csv', csv, { crs: 'GCJ-02' });
    expect(p.format).toBe('csv');
    expect(p.crs).toBe('GCJ-02');
    expect(p.errors).toBe(0);
    expect((await (await commit(p.id)).json()) as SiteImportResult).toMatchObject({ created: 1 });
    const f = (await sites('?land_use=100102')).features.find((x) => x.properties.external_key === 'EN-1')!;
    const [x, y] = f.geometry.coordinates as [number, number];
    expect(Math.abs(x - 119.8972)).toBeLessThan(2e-5);
    expect(Math.abs(y - 32.3668)).toBeLessThan(2e-5);
    expect(f.properties.area_mu).toBeCloseTo(18, 4);

    // The same spot in EPSG:4549 by GDAL's own cs2cs (PROJ), written as a WKT polygon around it.
    const out = execFileSync('cs2cs', ['-f', '%.3f', 'EPSG:4326', 'EPSG:4549'], { input: '32.3668 119.8972\n' }).toString().trim().split(/\s+/).map(Number);
    const [n, e] = out; // EPSG:4549's axis order is northing, easting
    const wkt = `POLYGON((${e} ${n},${e + 100} ${n},${e + 100} ${n + 100},${e} ${n + 100},${e} ${n}))`;
    const p2 = await preview('gk.csv', `name,kind,wkt,crs\r\nGK plot,land,"${wkt}",EPSG:4549\r\n`);
    expect(p2.rows[0].errors).toEqual([]);
    expect((await commit(p2.id)).status).toBe(200);
    const gk = (await sites()).features.find((x) => x.properties.name_zh === 'GK plot')!;
    expect(gk.geometry.type).toBe('Polygon');
    const ring = (gk.geometry.coordinates as number[][][])[0];
    expect(Math.abs(ring[0][0] - 119.8972)).toBeLessThan(1e-5);
    expect(Math.abs(ring[0][1] - 32.3668)).toBeLessThan(1e-5);
    // A digitised 100 m × 100 m plot with no stated area is measured by PostGIS: about 15 亩.
    expect(gk.properties.area_basis).toBe('computed');
    expect(gk.properties.area_m2!).toBeGreaterThan(9900);
    expect(gk.properties.area_m2!).toBeLessThan(10100);
  });

  it('lists every bad row with its fields; commit is refused (422 naming the rows) and writes nothing', async () => {
    const before = await count();
    const file = await xlsx([
      ZH_HEADER,
      ['BAD-1', '好地块', '生物医药产业园', '地块', 30, null, '可供地', null, null, null, null, null, null, P1[0], P1[1]],
      ['BAD-2', '无名园区地块', '火星产业园', '地块', 30, null, '可供地', null, null, null, null, null, null, P1[0], P1[1]],
      ['BAD-3', '面积错', 'park-biomed', '地块', '很大', null, '可供地', null, null, null, null, null, null, P1[0], P1[1]],
      ['BAD-4', '北京地块', 'park-biomed', '地块', 30, null, '可供地', null, null, null, null, null, null, 116.4, 39.9],
      ['BAD-5', '状态错', 'park-biomed', '地块', 30, null, '卖掉了', null, null, null, null, null, null, P1[0], P1[1]],
      ['BAD-1', '重复编号', 'park-biomed', '地块', 30, null, '可供地', null, null, null, null, null, null, P1[0], P1[1]],
    ]);
    const p = await preview('bad.xlsx', file);
    expect(p.errors).toBe(5);
    const fields = Object.fromEntries(p.rows.map((r) => [r.row, r.errors.map((e) => e.field)]));
    expect(fields).toEqual({ 2: [], 3: ['park'], 4: ['area_mu'], 5: ['geometry'], 6: ['status'], 7: ['key'] });
    expect(p.rows[3].errors[0].message).toMatch(/outside the district/);
    const res = await commit(p.id);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { rows: Array<{ row: number }> };
    expect(body.rows.map((r) => r.row)).toEqual([3, 4, 5, 6, 7]);
    expect(await count()).toBe(before);
  });

  it('refuses a file that is not a spreadsheet (415) and a sheet without a name column (422)', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const r1 = await upload('photo.png', png);
    expect(r1.status).toBe(415);
    expect(((await r1.json()) as { field: string }).field).toBe('file');
    const r2 = await upload('x.csv', 'colour,size\r\nred,1\r\n');
    expect(r2.status).toBe(422);
    // The GIS import does not write the sites layer behind the inventory's back.
    const gis = new FormData();
    gis.append('layer', 'sites');
    gis.append('file', new Blob([JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'x' }, geometry: { type: 'Point', coordinates: P1 } }] })]), 'x.geojson');
    const viaGis = await fetch(`${app.url}/api/imports`, { method: 'POST', headers: { Cookie: alice.cookie, 'X-CSRF-Token': alice.csrf }, body: gis });
    expect(viaGis.status).toBe(422);
    expect(((await viaGis.json()) as { detail: string }).detail).toMatch(/\/api\/sites\/imports/);
    const anon = await fetch(`${app.url}/api/sites/imports`, { method: 'POST', body: new FormData() });
    expect(anon.status).toBe(401);
  });
});

/** A temporary folder for the files GDAL writes in a test; removed after it. */
function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sites-gis-'));
}

/** P1 in EPSG:4549 [easting, northing], by PROJ's own cs2cs (EPSG:4549's axis order is northing, easting). */
function p1In4549(): [number, number] {
  const [n, e] = execFileSync('cs2cs', ['-f', '%.3f', 'EPSG:4326', 'EPSG:4549'], { input: `${P1[1]} ${P1[0]}\n` }).toString().trim().split(/\s+/).map(Number);
  return [e, n];
}

/** An axis-aligned rectangle in EPSG:4549 metres, w × h from [e, n] (counter-clockwise, closed). */
const rect = ([e, n]: [number, number], w: number, h: number) => ({ type: 'Polygon', coordinates: [[[e, n], [e + w, n], [e + w, n + h], [e, n + h], [e, n]]] });

/** A GeoJSON FeatureCollection in EPSG:4549 (a "crs" member, as GDAL writes it) for ogr2ogr to convert. */
const gk = (features: Array<{ properties: Record<string, unknown>; geometry: unknown }>) => ({
  type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4549' } },
  features: features.map((f) => ({ type: 'Feature', ...f })),
});

/** ogr2ogr from a GeoJSON document (EPSG:4549) into `out` with `driver` and extra arguments; returns `out`. */
async function ogr(driver: string, out: string, doc: unknown, args: string[] = []): Promise<string> {
  const src = path.join(path.dirname(out), `src-${path.basename(out)}.geojson`);
  fs.writeFileSync(src, JSON.stringify(doc));
  await execFileP('ogr2ogr', ['-f', driver, ...args, out, src], { env: { ...process.env, CPL_DEBUG: 'OFF' } });
  fs.rmSync(src);
  return out;
}


describe('importing GIS files through the GDAL import (each written in the test by ogr2ogr in EPSG:4549)', () => {
  // Two 200 m × 150 m plots (30 000 m², 45 亩 on the grid) east of P1, in 生物医药产业园. The first states
  // no area (PostGIS measures it), the second states 45 亩. Attribute names are the sheet's Chinese headers.
  const plots = (o: [number, number], status1 = '可供地') => gk([
    { properties: { 编号: 'GIS-1', 名称: '港城路西地块', 所属园区: '生物医药产业园', 类型: '地块', 状态: status1, 用地性质: '一类工业用地', '面积（亩）': null }, geometry: rect(o, 200, 150) },
    { properties: { 编号: 'GIS-2', 名称: '港城路东地块', 所属园区: 'park-biomed', 类型: '工业用地', 状态: '规划中', 用地性质: 'M1', '面积（亩）': 45 }, geometry: rect([o[0] + 300, o[1]], 200, 150) },
  ]);

  it('a Shapefile with a GBK .dbf (no .cpg) and a GeoPackage: preview keys and areas, commit, re-import updates', async () => {
    const dir = tmpDir();
    try {
      const o = p1In4549();
      const before = await count();
      // The Shapefile as a Chinese desktop GIS writes it: attributes in GBK (CP936), and neither a .cpg nor a DBF language id says so.
      const shpDir = path.join(dir, 'shp');
      fs.mkdirSync(shpDir);
      const shp = await ogr('ESRI Shapefile', path.join(shpDir, '载体.shp'), plots(o), ['-lco', 'ENCODING=CP936']);
      fs.rmSync(shp.replace(/shp$/, 'cpg'), { force: true });
      const dbf = fs.readFileSync(shp.replace(/shp$/, 'dbf'));
      expect(dbf.includes(Buffer.from('港城路西地块'))).toBe(false); // not UTF-8 inside
      dbf[29] = 0;
      fs.writeFileSync(shp.replace(/shp$/, 'dbf'), dbf);
      const p = await preview('载体.zip', zipDir(shpDir));
      expect(p).toMatchObject({ format: 'shapefile', crs: 'EPSG:4549', needs_crs: false, errors: 0 });
      expect(p.crs_from).toMatch(/\.prj/);
      expect(p.warnings.join(' ')).toMatch(/read as GBK/);
      expect(p.columns).toEqual(expect.arrayContaining([{ header: '所属园区', field: 'park' }, { header: '面积（亩）', field: 'area_mu' }]));
      expect(p.rows.map((r) => [r.row, r.key, r.action, r.name_zh, r.geometry_type, r.area_basis])).toEqual([
        [1, 'GIS-1', 'create', '港城路西地块', 'POLYGON', 'computed'],
        [2, 'GIS-2', 'create', '港城路东地块', 'POLYGON', 'stated'],
      ]);
      // 30 000 m² on the grid; PostGIS's geodesic area agrees to well within 1 % this close to the central meridian.
      expect(Math.abs(p.rows[0].area_m2! - 30000) / 30000).toBeLessThan(0.01);
      expect(p.rows[1].area_m2).toBeCloseTo(30000, 0);
      expect(await count()).toBe(before);
      expect((await (await commit(p.id)).json()) as SiteImportResult).toEqual({ created: 2, updated: 0, unchanged: 0 });
      expect(await count()).toBe(before + 2);

      const fc = await sites('?park=park-biomed&kind=land');
      const a = fc.features.find((f) => f.properties.external_key === 'GIS-1')!;
      expect(a.properties).toMatchObject({ name_zh: '港城路西地块', status: 'available', land_use_code: '100101', area_basis: 'computed' });
      expect(Math.abs(a.properties.area_m2! - 30000) / 30000).toBeLessThan(0.01);
      const b = fc.features.find((f) => f.properties.external_key === 'GIS-2')!;
      expect(b.properties).toMatchObject({ status: 'planned', land_use_code: '100101', area_mu: 45 });
      // In place: within 1 m of GDAL's own reprojection of the source polygon to WGS84.
      const want = JSON.parse((await execFileP('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', '/vsistdout/', shp])).stdout) as { features: Array<{ properties: Record<string, unknown>; geometry: unknown }> };
      expect(await offsetM(app.db, a.geometry, want.features[0].geometry)).toBeLessThan(1);
      expect(await offsetM(app.db, b.geometry, want.features[1].geometry)).toBeLessThan(1);

      // The same plots from a GeoPackage (UTF-8), the first now 已出让: updates by key, no new site.
      const gpkg = await ogr('GPKG', path.join(dir, '载体.gpkg'), plots(o, '已出让'));
      const p2 = await preview('载体.gpkg', fs.readFileSync(gpkg));
      expect(p2).toMatchObject({ format: 'gpkg', crs: 'EPSG:4549', errors: 0, warnings: [] });
      expect(p2.crs_from).toMatch(/gpkg_spatial_ref_sys.*EPSG:4549/);
      expect(p2.rows.map((r) => [r.key, r.action])).toEqual([['GIS-1', 'update'], ['GIS-2', 'update']]);
      expect(Math.abs(p2.rows[0].area_m2! - 30000) / 30000).toBeLessThan(0.01);
      const r2 = (await (await commit(p2.id)).json()) as SiteImportResult;
      expect(r2.created).toBe(0);
      expect(r2.updated).toBeGreaterThanOrEqual(1);
      expect(await count()).toBe(before + 2);
      const a2 = (await sites('?status=occupied')).features.find((f) => f.properties.external_key === 'GIS-1')!;
      expect(a2.id).toBe(a.id);
      expect(a2.properties.version).toBe(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a UTF-8 Shapefile whose Chinese field names GDAL cut at the DBF\'s 10 bytes is still read by those names', async () => {
    const dir = tmpDir();
    try {
      const shpDir = path.join(dir, 'shp');
      fs.mkdirSync(shpDir);
      const src = gk([{ properties: { 编号: 'CUT-1', 名称: '截断字段地块', 所属园区: '生物医药产业园', 类型: '地块', 状态: '可供地', 用地性质: '一类工业用地', '面积（亩）': 45 }, geometry: rect(p1In4549(), 200, 150) }]);
      const shp = await ogr('ESRI Shapefile', path.join(shpDir, 'cut.shp'), src, ['-lco', 'ENCODING=UTF-8']);
      // GDAL's writer cut 所属园区 (12 bytes) inside 区 and 面积（亩） (15 bytes) inside （: the names are no longer UTF-8.
      const dbf = fs.readFileSync(shp.replace(/shp$/, 'dbf'));
      expect(dbf.includes(Buffer.from('所属园区'))).toBe(false);
      expect(dbf.includes(Buffer.from('所属园'))).toBe(true);
      expect(fs.readFileSync(shp.replace(/shp$/, 'cpg'), 'utf8')).toMatch(/UTF-8/i);
      const p = await preview('cut.zip', zipDir(shpDir));
      expect(p).toMatchObject({ format: 'shapefile', errors: 0 });
      expect(p.warnings.join(' ')).toMatch(/cut mid-character.*所属园/);
      expect(p.columns).toEqual(expect.arrayContaining([{ header: '所属园', field: 'park' }, { header: '名称', field: 'name_zh' }]));
      // 面积（ begins both 面积（亩） and 面积（平方米）: which unit it was cannot be known, so it fills nothing
      // and the area is measured from the polygon instead of being read in a guessed unit.
      expect(p.columns).toEqual(expect.arrayContaining([{ header: '面积（', field: null }]));
      expect(p.rows.map((r) => [r.key, r.name_zh, r.area_basis])).toEqual([['CUT-1', '截断字段地块', 'computed']]);
      expect(Math.abs(p.rows[0].area_m2! - 30000) / 30000).toBeLessThan(0.01);
      // A value that is not UTF-8 in a file that says UTF-8 is still the encoding error it is.
      const bad = fs.readFileSync(shp.replace(/shp$/, 'dbf'));
      const at = bad.indexOf(Buffer.from('截断字段地块'));
      expect(at).toBeGreaterThan(0);
      bad[at + 1] = 0x20;
      fs.writeFileSync(shp.replace(/shp$/, 'dbf'), bad);
      const before = await count();
      const res = await upload('cut.zip', zipDir(shpDir));
      expect(res.status).toBe(422);
      expect(await res.text()).toMatch(/not UTF-8/);
      expect(await count()).toBe(before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('bad features are listed with their fields; commit is a 422 naming feature and field, and writes nothing', async () => {
    const dir = tmpDir();
    try {
      const o = p1In4549();
      const before = await count();
      const base = { 所属园区: '生物医药产业园', 类型: '地块', 状态: '可供地' };
      const doc = gk([
        { properties: { ...base, 编号: 'GIS-OK', 名称: '好地块', '面积（亩）': '30' }, geometry: rect([o[0], o[1] + 400], 100, 100) },
        { properties: { ...base, 编号: 'GIS-PARK', 名称: '火星地块', 所属园区: '火星产业园' }, geometry: rect([o[0] + 200, o[1] + 400], 100, 100) },
        // A bow-tie: its ring crosses itself.
        { properties: { ...base, 编号: 'GIS-BOW', 名称: '自相交地块' }, geometry: { type: 'Polygon', coordinates: [[[o[0], o[1] + 600], [o[0] + 100, o[1] + 700], [o[0] + 100, o[1] + 600], [o[0], o[1] + 700], [o[0], o[1] + 600]]] } },
        // 60 km east: in the same grid, far outside 高港区.
        { properties: { ...base, 编号: 'GIS-FAR', 名称: '区外地块' }, geometry: rect([o[0] + 60000, o[1]], 100, 100) },
        { properties: { ...base, 编号: 'GIS-AREA', 名称: '面积错', '面积（亩）': '很大' }, geometry: rect([o[0] + 400, o[1] + 400], 100, 100) },
        { properties: { ...base, 编号: 'GIS-STATUS', 名称: '状态错', 状态: '卖掉了' }, geometry: rect([o[0] + 600, o[1] + 400], 100, 100) },
      ]);
      const p = await preview('bad.gpkg', fs.readFileSync(await ogr('GPKG', path.join(dir, 'bad.gpkg'), doc)));
      expect(p.errors).toBe(5);
      expect(Object.fromEntries(p.rows.map((r) => [r.row, r.errors.map((e) => e.field)]))).toEqual({ 1: [], 2: ['park'], 3: ['geometry'], 4: ['geometry'], 5: ['area_mu'], 6: ['status'] });
      expect(p.rows[2].errors[0].message).toMatch(/invalid.*Self-intersection/i);
      expect(p.rows[3].errors[0].message).toMatch(/outside the district/);
      const res = await commit(p.id);
      expect(res.status).toBe(422);
      const body = (await res.json()) as { detail: string; rows: Array<{ row: number; errors: Array<{ field: string }> }> };
      expect(body.detail).toMatch(/^5 feature\(s\) have errors; nothing was written\. First: feature 2, park: Unknown park "火星产业园"/);
      expect(body.rows.map((r) => [r.row, r.errors[0].field])).toEqual([[2, 'park'], [3, 'geometry'], [4, 'geometry'], [5, 'area_mu'], [6, 'status']]);
      // Nothing written: not even the good feature.
      expect(await count()).toBe(before);
      expect((await sites()).features.some((f) => f.properties.external_key === 'GIS-OK')).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a file that does not say its CRS waits for one (commit 409), then reads in the chosen CRS; a declared CRS wins over the file', async () => {
    const dir = tmpDir();
    try {
      const o = p1In4549();
      const shpDir = path.join(dir, 'noprj');
      fs.mkdirSync(shpDir);
      const doc = gk([{ properties: { 编号: 'GIS-NOPRJ', 名称: '无坐标系地块', 所属园区: 'park-biomed', 类型: '地块' }, geometry: rect([o[0], o[1] + 900], 100, 100) }]);
      // GBK with its .cpg: the Chinese field names fit the .dbf's 10 bytes (in UTF-8 GDAL would cut 所属园区 mid-character).
      const shp = await ogr('ESRI Shapefile', path.join(shpDir, 'plot.shp'), doc, ['-lco', 'ENCODING=CP936']);
      fs.rmSync(shp.replace(/shp$/, 'prj'));
      const p = await preview('noprj.zip', zipDir(shpDir));
      expect(p).toMatchObject({ crs: null, needs_crs: true, errors: 0 });
      expect(p.crs_from).toMatch(/no \.prj/);
      expect(p.crs_choices!.map((c) => c.code)).toContain('EPSG:4549');
      expect(p.rows[0].geometry_type).toBeNull();
      const early = await commit(p.id);
      expect(early.status).toBe(409);
      expect(((await early.json()) as { detail: string }).detail).toMatch(/choose it first/);
      // A wrong choice is seen in the preview: grid metres are no longitude/latitude.
      const wrong = (await (await alice.fetch(`/api/sites/imports/${p.id}/crs`, { method: 'POST', body: JSON.stringify({ crs: 'EPSG:4490' }) })).json()) as SiteImportPreview;
      expect(wrong.rows[0].errors[0]).toMatchObject({ field: 'geometry', message: expect.stringMatching(/do not fit EPSG:4490/) });
      const chosen = (await (await alice.fetch(`/api/sites/imports/${p.id}/crs`, { method: 'POST', body: JSON.stringify({ crs: 'EPSG:4549' }) })).json()) as SiteImportPreview;
      expect(chosen).toMatchObject({ crs: 'EPSG:4549', crs_from: 'chosen after upload', needs_crs: false, errors: 0 });
      expect(Math.abs(chosen.rows[0].area_m2! - 10000) / 10000).toBeLessThan(0.01);
      expect((await commit(p.id)).status).toBe(200);
      expect((await sites()).features.find((f) => f.properties.external_key === 'GIS-NOPRJ')!.properties.area_basis).toBe('computed');

      // Declared on upload over the file's own CRS: used, with a warning saying so.
      const gpkg = await ogr('GPKG', path.join(dir, 'declared.gpkg'), doc);
      const d = await preview('declared.gpkg', fs.readFileSync(gpkg), { crs: 'EPSG:4490' });
      expect(d).toMatchObject({ crs: 'EPSG:4490', crs_from: 'declared on upload' });
      expect(d.warnings.join(' ')).toMatch(/The file says EPSG:4549.*EPSG:4490 was used as declared/);
      // A DXF has no attributes, so no names: refused, naming the field.
      const dxf = await ogr('DXF', path.join(dir, 'plot.dxf'), doc);
      const r = await upload('plot.dxf', fs.readFileSync(dxf), { crs: 'EPSG:4549' });
      expect(r.status).toBe(422);
      expect(((await r.json()) as { field: string; detail: string })).toMatchObject({ field: 'name_zh', detail: expect.stringMatching(/no name attribute.*DXF/) });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a CSV saved by Excel in GBK is read as GBK (with a warning), or as declared; bytes in no encoding are a 415', async () => {
    const text = `编号,名称,所属园区,类型,面积（亩）,状态,经度,纬度\r\nGBK-1,南区丙地块,生物医药产业园,地块,20,可供地,${P2[0]},${P2[1]}\r\n`;
    const gbk = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text });
    expect(gbk.equals(Buffer.from(text))).toBe(false);
    const p = await preview('载体库.csv', gbk);
    expect(p).toMatchObject({ format: 'csv', errors: 0 });
    expect(p.warnings.join(' ')).toMatch(/not UTF-8; it was read as GBK/);
    expect(p.rows.map((r) => [r.key, r.name_zh, r.area_m2])).toEqual([['GBK-1', '南区丙地块', 13333.33]]);
    expect(p.columns.map((c) => c.field)).toEqual(['key', 'name_zh', 'park', 'kind', 'area_mu', 'status', 'lon', 'lat']);
    const told = await preview('载体库.csv', gbk, { encoding: 'GBK' });
    expect(told.warnings).toEqual([]);
    expect(told.rows[0].name_zh).toBe('南区丙地块');
    expect((await (await commit(p.id)).json()) as SiteImportResult).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect((await sites('?park=park-biomed')).features.find((f) => f.properties.external_key === 'GBK-1')!.properties).toMatchObject({ name_zh: '南区丙地块', area_mu: 20 });
    // 0xFF starts no character in UTF-8 or GB18030.
    const garbled = Buffer.concat([Buffer.from('名称,类型\r\n'), Buffer.from([0xff, 0xff, 0x2c, 0x41, 0x0d, 0x0a])]);
    const bad = await upload('garbled.csv', garbled);
    expect(bad.status).toBe(415);
    expect(((await bad.json()) as { field: string; detail: string })).toMatchObject({ field: 'file', detail: expect.stringMatching(/neither UTF-8 nor GBK/) });
  });
});

describe('export', () => {
  it('writes GeoJSON, CSV, XLSX, GeoPackage, Shapefile, FlatGeobuf, FileGDB and KML with the same sites, and GDAL reads them', async () => {
    const want = (await sites('?park=park-biomed')).features.map((f) => f.id).sort();
    expect(want.length).toBeGreaterThan(3);
    const get = async (f: string) => {
      const res = await fetch(`${app.url}/api/sites/export?f=${f}&park=park-biomed`);
      expect(res.status, f).toBe(200);
      return Buffer.from(await res.arrayBuffer());
    };
    const gj = JSON.parse((await get('geojson')).toString('utf8')) as SiteCollection;
    expect(gj.features.map((f) => f.id).sort()).toEqual(want);

    const csv = (await get('csv')).toString('utf8');
    const wbc = new ExcelJS.Workbook();
    const { Readable } = await import('node:stream');
    const wsc = await wbc.csv.read(Readable.from([csv.replace(/^\uFEFF/, '')]), { map: (v: string) => v } as never);
    const header = (wsc.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).toBe('WKT');
    const idCol = header.indexOf('id') + 1;
    const csvIds = [];
    for (let i = 2; i <= wsc.rowCount; i++) csvIds.push(String(wsc.getRow(i).getCell(idCol).value));
    expect(csvIds.sort()).toEqual(want);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await get('xlsx')) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const xh = (ws.getRow(1).values as unknown[]).slice(1);
    const xIds = [];
    for (let i = 2; i <= ws.rowCount; i++) xIds.push(String(ws.getRow(i).getCell(xh.indexOf('id') + 1).value));
    expect(xIds.sort()).toEqual(want);
    const sw = ws.getRow(xIds.indexOf('site-southwest') + 2);
    expect(sw.getCell(xh.indexOf('area_mu') + 1).value).toBe(4935);
    expect(String(sw.getCell(xh.indexOf('source_quote') + 1).value)).toContain('3.29平方公里');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sites-gpkg-'));
    const file = path.join(dir, 'sites.gpkg');
    fs.writeFileSync(file, await get('gpkg'));
    const out = JSON.parse(execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', file, 'sites']).toString()) as { features: Array<{ properties: { id: string; name_zh: string }; geometry: { type: string } }> };
    expect(out.features.map((f) => f.properties.id).sort()).toEqual(want);
    expect(out.features.find((f) => f.properties.id === 'site-southwest')!.properties.name_zh).toBe('西南片区');
    // The other GDAL formats: each opens in ogrinfo with its CRS and every site.
    for (const [f, crs, source] of [['shp', 4549, (p: string) => `/vsizip/${p}`], ['fgb', 4490, (p: string) => p], ['gdb', 4549, (p: string) => `/vsizip/${p}/${Object.keys(unzipSync(fs.readFileSync(p)))[0].split('/')[0]}`], ['kml', 4326, (p: string) => p]] as const) {
      const res = await fetch(`${app.url}/api/sites/export?f=${f}&park=park-biomed&crs=EPSG:${crs}`);
      expect(res.status, f).toBe(200);
      const p = path.join(dir, f === 'shp' || f === 'gdb' ? `sites-${f}.zip` : `sites.${f}`);
      fs.writeFileSync(p, Buffer.from(await res.arrayBuffer()));
      const { stdout } = await execFileP('ogrinfo', ['-ro', '-so', '-al', source(p)]);
      expect([...stdout.matchAll(/Feature Count: (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0), f).toBe(want.length);
      const ids = [...stdout.split('Data axis to CRS axis mapping')[0].matchAll(/ID\["EPSG",(\d+)\]/g)];
      expect(Number(ids.at(-1)![1]), f).toBe(crs);
    }
    fs.rmSync(dir, { recursive: true });
    expect((await fetch(`${app.url}/api/sites/export?f=dwg`)).status).toBe(400);
  });

  it('an exported XLSX imports back onto the same sites (no duplicates)', async () => {
    const before = await count();
    const res = await fetch(`${app.url}/api/sites/export?f=xlsx&kind=factory`);
    const p = await preview('export.xlsx', Buffer.from(await res.arrayBuffer()));
    expect(p.errors).toBe(0);
    expect(p.rows.every((r) => r.action === 'update')).toBe(true);
    expect((await (await commit(p.id)).json()) as SiteImportResult).toMatchObject({ created: 0, updated: 0 });
    expect(await count()).toBe(before);
  });
});
