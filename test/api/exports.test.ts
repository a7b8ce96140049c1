import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { startTestApp, type TestApp } from '../support/harness.js';

// GDAL is the referee: every export is read back with ogr2ogr / ogrinfo, never with our own readers.
const run = promisify(execFile);
const gdalEnv = { ...process.env, CPL_DEBUG: 'OFF' };

let app: TestApp;
let dir: string;
beforeAll(async () => {
  app = await startTestApp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-export-'));
});
afterAll(async () => {
  await app?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

interface GdalFeature {
  id?: unknown;
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}

/** Downloads an export to a file; returns its path and the response. */
async function download(query: string, name: string): Promise<{ file: string; res: Response }> {
  const res = await fetch(`${app.url}/api/export?${query}`);
  expect(res.status, await res.clone().text().then((t) => t.slice(0, 300))).toBe(200);
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return { file, res };
}

/** What GDAL reads: every feature as GeoJSON in the file's own CRS (no reprojection), via ogr2ogr. */
async function gdalRead(source: string, extra: string[] = []): Promise<GdalFeature[]> {
  const out = path.join(dir, `read-${Math.random().toString(36).slice(2)}.geojson`);
  await run('ogr2ogr', ['-f', 'GeoJSON', '-lco', 'RFC7946=NO', '-lco', 'COORDINATE_PRECISION=10', out, source, ...extra], { env: gdalEnv });
  const feats = (JSON.parse(fs.readFileSync(out, 'utf8')) as { features: Array<GdalFeature & { id?: unknown }> }).features;
  // GDAL's GeoJSON writer moves a string "id" field to the Feature's id member.
  for (const f of feats) if (f.properties.id === undefined && f.id !== undefined) f.properties.id = f.id;
  return feats;
}

/** The EPSG code ogrinfo reports for the (first) layer's SRS. */
async function gdalEpsg(source: string): Promise<number | null> {
  const { stdout } = await run('ogrinfo', ['-ro', '-so', '-al', source], { env: gdalEnv });
  const srs = stdout.split(/Layer SRS WKT:\n/)[1] ?? '';
  // The outermost ID closes the CRS definition: the last one before "Data axis to CRS axis mapping".
  const ids = [...srs.split('Data axis to CRS axis mapping')[0].matchAll(/ID\["EPSG",(\d+)\]/g)];
  return ids.length ? Number(ids.at(-1)![1]) : null;
}

/**
 * The largest distance between the vertices GDAL read (in EPSG:srid) and the stored feature transformed
 * by PostGIS to that CRS, vertex by vertex (ST_DumpPoints order; shapefile rings may be reversed, so
 * each point is compared with the nearest vertex of the stored geometry).
 */
async function maxVertexOffset(id: string, srid: number, geometry: unknown): Promise<number> {
  const { rows } = await app.db.query<{ d: number }>(
    `SELECT max(ST_Distance(p.geom, ST_ClosestPoint(ST_Points(ST_Transform(f.geom, $3::int)), p.geom))) AS d
     FROM features f, ST_DumpPoints(ST_SetSRID(ST_GeomFromGeoJSON($2), $3::int)) p
     WHERE f.id = $1`, [id, JSON.stringify(geometry), srid]);
  return rows[0].d;
}

/** Hausdorff distance in degrees between what GDAL read (in srid) taken back to WGS 84 and the stored feature. */
async function roundTripOffsetDeg(id: string, srid: number, geometry: unknown): Promise<number> {
  const { rows } = await app.db.query<{ d: number }>(
    `SELECT ST_HausdorffDistance(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($2), $3::int), 4326), f.geom) AS d FROM features f WHERE f.id = $1`,
    [id, JSON.stringify(geometry), srid]);
  return rows[0].d;
}

const parks = async () => (await app.db.query<{ id: string; name_zh: string; version: number }>("SELECT id, name_zh, version FROM features WHERE layer_id = 'parks' ORDER BY id")).rows;

describe('export formats, re-read with GDAL', () => {
  it('GeoJSON (WGS 84): every park, Chinese names, exact coordinates', async () => {
    const { file, res } = await download('layer=parks&format=geojson', 'parks.geojson');
    expect(res.headers.get('content-type')).toMatch(/application\/geo\+json/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="parks_\d{8}\.geojson"/);
    const feats = await gdalRead(file);
    const want = await parks();
    expect(feats.map((f) => f.properties.id).sort()).toEqual(want.map((p) => p.id));
    for (const f of feats) {
      const p = want.find((w) => w.id === f.properties.id)!;
      expect(f.properties.name_zh).toBe(p.name_zh);
      expect(f.properties.version).toBe(p.version);
      expect(f.properties.layer_id).toBe('parks');
      expect(await roundTripOffsetDeg(p.id, 4326, f.geometry)).toBeLessThan(1e-7);
    }
  });

  it('GeoJSON in EPSG:4549 carries a crs member GDAL reads as EPSG 4549', async () => {
    const { file, res } = await download('layer=parks&format=geojson&crs=EPSG:4549', 'parks-4549.geojson');
    expect(decodeURIComponent(res.headers.get('x-export-notes') ?? '')).toMatch(/not RFC 7946/);
    expect(await gdalEpsg(file)).toBe(4549);
    const feats = await gdalRead(file);
    for (const f of feats) expect(await maxVertexOffset(String(f.properties.id), 4549, f.geometry)).toBeLessThan(0.01);
  });

  it('zipped Shapefile in EPSG:4549: .prj identified as EPSG 4549, .cpg UTF-8, names and coordinates survive', async () => {
    const { file, res } = await download('layer=parks&format=shp&crs=EPSG:4549', 'parks-4549.zip');
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(/filename="parks_\d{8}_epsg4549_shp\.zip"/);
    const source = `/vsizip/${file}`;
    expect(await gdalEpsg(source)).toBe(4549);
    const { stdout: listing } = await run('ogrinfo', ['-ro', '-so', source], { env: gdalEnv });
    expect(listing).toMatch(/Polygon/);
    const feats = await gdalRead(source);
    const want = await parks();
    expect(feats).toHaveLength(want.length);
    for (const f of feats) {
      const p = want.find((w) => w.id === f.properties.id)!;
      expect(f.properties.name_zh).toBe(p.name_zh);
      expect(f.properties.accuracy).toBeTypeOf('string');
      expect(await maxVertexOffset(p.id, 4549, f.geometry)).toBeLessThan(0.01);
      expect(await roundTripOffsetDeg(p.id, 4549, f.geometry)).toBeLessThan(1e-7);
    }
  });

  it('Shapefile of a mixed selection: one shapefile per geometry type, each with its .prj and .cpg', async () => {
    const ids = (await app.db.query<{ id: string }>("SELECT id FROM features WHERE layer_id IN ('parks', 'sites') ORDER BY id")).rows.map((r) => r.id);
    const { file } = await download(`ids=${ids.join(',')}&format=shp`, 'mixed.zip');
    const entries = unzipSync(fs.readFileSync(file));
    const names = Object.keys(entries).sort();
    const stem = (kind: string) => names.find((n) => new RegExp(`^selection_\\d{8}_${kind}\\.shp$`).test(n))!.replace(/\.shp$/, '');
    for (const kind of ['point', 'polygon']) {
      for (const ext of ['shp', 'shx', 'dbf', 'prj', 'cpg']) expect(names).toContain(`${stem(kind)}.${ext}`);
      expect(strFromU8(entries[`${stem(kind)}.cpg`])).toBe('UTF-8');
      expect(await gdalEpsg(`/vsizip/${file}/${stem(kind)}.shp`)).toBe(4326);
    }
    const points = await gdalRead(`/vsizip/${file}/${stem('point')}.shp`);
    const polygons = await gdalRead(`/vsizip/${file}/${stem('polygon')}.shp`);
    const count = async (layer: string) => (await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM features WHERE layer_id = $1', [layer])).rows[0].n;
    expect(points).toHaveLength(await count('sites'));
    expect(polygons).toHaveLength(await count('parks'));
    for (const p of [...points, ...polygons]) expect(await roundTripOffsetDeg(String(p.properties.id), 4326, p.geometry)).toBeLessThan(1e-7);
  });

  for (const srid of [4549, 4490]) {
    it(`GeoPackage in EPSG:${srid}: valid for GDAL, CRS ${srid}, names and coordinates`, async () => {
      const { file, res } = await download(`layer=parks&format=gpkg&crs=EPSG:${srid}`, `parks-${srid}.gpkg`);
      expect(res.headers.get('content-type')).toBe('application/geopackage+sqlite3');
      expect(await gdalEpsg(file)).toBe(srid);
      // GDAL's own validator would need python-gdal; ogrinfo opening it strictly, with no warning, is the check here.
      const { stderr } = await run('ogrinfo', ['-ro', '-so', '-al', file], { env: gdalEnv });
      expect(stderr).toBe('');
      const feats = await gdalRead(file);
      const want = await parks();
      expect(feats).toHaveLength(want.length);
      for (const f of feats) {
        const p = want.find((w) => w.id === f.properties.id)!;
        expect(f.properties.name_zh).toBe(p.name_zh);
        expect(f.properties.version).toBe(p.version);
        if (srid === 4549) expect(await maxVertexOffset(p.id, srid, f.geometry)).toBeLessThan(0.01);
        expect(await roundTripOffsetDeg(p.id, srid, f.geometry)).toBeLessThan(1e-7);
      }
    });
  }

  it('KML: always WGS 84 (says so when another CRS is asked for), names and typed attributes', async () => {
    const { file, res } = await download('layer=parks&format=kml&crs=EPSG:4549', 'parks.kml');
    expect(res.headers.get('content-type')).toMatch(/kml\+xml/);
    expect(res.headers.get('x-crs')).toBe('EPSG:4326');
    expect(decodeURIComponent(res.headers.get('x-export-notes') ?? '')).toMatch(/KML is always WGS 84/);
    // GDAL's KML writer: <name> from the name_zh, and a typed Schema (the version an int).
    expect(fs.readFileSync(file, 'utf8')).toMatch(/<SimpleField name="version" type="int">/);
    expect(await gdalEpsg(file)).toBe(4326);
    const feats = await gdalRead(file);
    const want = await parks();
    expect(feats).toHaveLength(want.length);
    for (const f of feats) {
      const p = want.find((w) => w.id === f.properties.id)!;
      expect(f.properties.name_zh).toBe(p.name_zh);
      // Typed SimpleData: GDAL reads the version back as an integer, not text.
      expect(f.properties.version).toBe(p.version);
      expect(await roundTripOffsetDeg(p.id, 4326, f.geometry)).toBeLessThan(1e-7);
    }
  });

  it('CSV with a WKT column (EPSG:4549): GDAL reads the geometry and the Chinese names', async () => {
    const { file, res } = await download('layer=parks&format=csv&crs=EPSG:4549', 'parks-4549.csv');
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const feats = await gdalRead(file, ['-a_srs', 'EPSG:4549']);
    const want = await parks();
    expect(feats).toHaveLength(want.length);
    for (const f of feats) {
      const p = want.find((w) => w.id === f.properties.id)!;
      expect(f.properties.name_zh).toBe(p.name_zh);
      expect(await maxVertexOffset(p.id, 4549, f.geometry)).toBeLessThan(0.01);
    }
  });

  /** The feature count ogrinfo reports for every layer of a file, summed. */
  const gdalCount = async (source: string) => {
    const { stdout } = await run('ogrinfo', ['-ro', '-so', '-al', source], { env: gdalEnv });
    return [...stdout.matchAll(/Feature Count: (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
  };

  for (const srid of [4326, 4490, 4549]) {
    it(`FlatGeobuf and zipped FileGDB in EPSG:${srid}: GDAL reads the CRS, every park, names and coordinates`, async () => {
      const want = await parks();
      const fgb = await download(`layer=parks&format=fgb&crs=EPSG:${srid}`, `parks-${srid}.fgb`);
      expect(fgb.res.headers.get('x-crs')).toBe(`EPSG:${srid}`);
      const gdb = await download(`layer=parks&format=gdb&crs=EPSG:${srid}`, `parks-${srid}-gdb.zip`);
      expect(gdb.res.headers.get('content-disposition')).toMatch(/_gdb\.zip"/);
      const names = Object.keys(unzipSync(fs.readFileSync(gdb.file)));
      const folder = names[0].split('/')[0];
      expect(folder).toMatch(/\.gdb$/);
      for (const source of [fgb.file, `/vsizip/${gdb.file}/${folder}`]) {
        expect(await gdalEpsg(source), source).toBe(srid);
        expect(await gdalCount(source)).toBe(want.length);
        const feats = await gdalRead(source);
        for (const f of feats) {
          const p = want.find((w) => w.id === f.properties.id)!;
          expect(f.properties.name_zh).toBe(p.name_zh);
          expect(await roundTripOffsetDeg(p.id, srid, f.geometry)).toBeLessThan(1e-7);
        }
      }
    });
  }

  it('FileGDB of a mixed selection: one feature class per geometry type', async () => {
    const ids = (await app.db.query<{ id: string }>("SELECT id FROM features WHERE layer_id IN ('parks', 'sites') ORDER BY id")).rows.map((r) => r.id);
    const { file } = await download(`ids=${ids.join(',')}&format=gdb&crs=EPSG:4549`, 'mixed-gdb.zip');
    const folder = Object.keys(unzipSync(fs.readFileSync(file)))[0].split('/')[0];
    const { stdout } = await run('ogrinfo', ['-ro', '-so', `/vsizip/${file}/${folder}`], { env: gdalEnv });
    expect(stdout).toMatch(/selection_point \(Point\)/);
    expect(stdout).toMatch(/selection_polygon \(Multi Polygon\)/);
    expect(await gdalCount(`/vsizip/${file}/${folder}`)).toBe(ids.length);
  });

  it('DXF in EPSG:4549: every park as a drawing entity on the parks layer, coordinates in the grid (a DXF carries no CRS)', async () => {
    const { file, res } = await download('layer=parks&format=dxf&crs=EPSG:4549', 'parks-4549.dxf');
    expect(decodeURIComponent(res.headers.get('x-export-notes') ?? '')).toMatch(/DXF carries no attributes and no CRS.*EPSG:4549/);
    // One entity per polygon part (a multipolygon park is drawn as several hatches).
    const parts = (await app.db.query<{ n: number }>("SELECT sum(ST_NumGeometries(geom))::int AS n FROM features WHERE layer_id = 'parks'")).rows[0].n;
    const feats = await gdalRead(file);
    expect(feats).toHaveLength(parts);
    expect(new Set(feats.map((f) => f.properties.Layer))).toEqual(new Set(['parks']));
    // No ids in a DXF: every drawn vertex must lie on (within 1 cm of) some park's outline in EPSG:4549.
    for (const f of feats) {
      const { rows } = await app.db.query<{ d: number }>(
        `SELECT max(d) AS d FROM (SELECT min(ST_Distance(p.geom, ST_Boundary(ST_Transform(x.geom, 4549)))) AS d
         FROM ST_DumpPoints(ST_SetSRID(ST_GeomFromGeoJSON($1), 4549)) p, features x WHERE x.layer_id = 'parks' GROUP BY p.path) t`,
        [JSON.stringify(f.geometry)]);
      expect(rows[0].d).toBeLessThan(0.01);
    }
  });

  it('selects by ids and by bbox', async () => {
    const one = await (await fetch(`${app.url}/api/export?ids=park-biomed&format=geojson`)).json() as { features: Array<{ id: string }> };
    expect(one.features.map((f) => f.id)).toEqual(['park-biomed']);
    const box = await (await fetch(`${app.url}/api/export?layer=sites&bbox=119.85,32.35,119.95,32.45&format=geojson`)).json() as { features: Array<{ id: string }> };
    const want = (await app.db.query<{ id: string }>("SELECT id FROM features WHERE layer_id = 'sites' AND ST_Intersects(geom, ST_MakeEnvelope(119.85, 32.35, 119.95, 32.45, 4326)) ORDER BY id")).rows.map((r) => r.id);
    expect(box.features.map((f) => f.id).sort()).toEqual(want);
  });

  it('refuses bad requests with problem+json', async () => {
    for (const q of ['format=shp', 'layer=parks&format=dwg', 'layer=parks&format=tab', 'layer=parks&crs=EPSG:3857', 'layer=parks&bbox=1,2,3', 'layer=parks&colour=red', 'layer=Parks!']) {
      const res = await fetch(`${app.url}/api/export?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
    expect((await fetch(`${app.url}/api/export?layer=nope`)).status).toBe(404);
    expect((await fetch(`${app.url}/api/export?layer=parks&bbox=0,0,1,1`)).status).toBe(404);
  });
});
