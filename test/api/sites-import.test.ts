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

const upload = (filename: string, data: Buffer | string, fields: Record<string, string> = {}) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([typeof data === 'string' ? data : new Uint8Array(data)]), filename);
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
