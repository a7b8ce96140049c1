import crypto from 'node:crypto';
import { Router } from 'express';
import gcoord from 'gcoord';
import type { Geometry } from 'geojson';
import type { Database, Queryable } from '../db/database.js';
import type { AuthService } from '../auth/auth.service.js';
import { HttpError, badRequest, notFound } from '../http/problem.js';
import { readUpload } from '../imports/upload.js';
import { CRS_CHOICES, crsJson, parseSourceCrs, type SourceCrs } from '../imports/source-crs.js';
import { declaredEncoding } from '../imports/encoding.js';
import { extent } from '../imports/geometry.js';
import { IMPORT_LIMITS, type ImportLimits } from '../imports/limits.js';
import type { GdalRunner } from '../gdal/gdal.js';
import { refuseGridForKml, settleCrs } from '../imports/parsed.js';
import type { SiteImportError, SiteImportFormat, SiteImportPreview, SiteImportResult } from '../../../contract/sites.js';
import { SitesRepository } from './sites.repository.js';
import { checkSite, geometryErrors } from './sites.service.js';
import { M2_PER_MU, SITE_FIELDS, parseField, type SiteValues } from './site-fields.js';
import { SHEET_LIMITS, isSheetName, readSheet, type Sheet } from './site-sheet.js';
import { isGisName, readGisSheet, type SourceRow } from './site-gis.js';

/** Words offices write for a kind and a status, mapped to the atlas's values. */
const KIND_WORDS: Record<string, string> = {
  land: 'land', 地块: 'land', 土地: 'land', 用地: 'land', 工业用地: 'land', 净地: 'land',
  factory: 'factory', 标准厂房: 'factory', 厂房: 'factory', 标房: 'factory',
  office: 'office', 研发楼: 'office', 办公: 'office', 写字楼: 'office', 研发办公: 'office', '研发楼/办公': 'office', 办公楼: 'office',
  warehouse: 'warehouse', 仓储: 'warehouse', 仓库: 'warehouse', 物流仓储: 'warehouse',
};
const STATUS_WORDS: Record<string, string> = {
  available: 'available', 可供: 'available', 可供地: 'available', 可租: 'available', 可售: 'available', 待租: 'available', 待售: 'available', 招商中: 'available', 空置: 'available',
  reserved: 'reserved', 预留: 'reserved', 已预订: 'reserved', 意向: 'reserved', 洽谈中: 'reserved',
  planned: 'planned', 规划: 'planned', 规划中: 'planned', 在建: 'planned',
  occupied: 'occupied', 已出让: 'occupied', 已租: 'occupied', 已售: 'occupied', 已占用: 'occupied', 已入驻: 'occupied',
};
const PRICE_UNITS: Record<string, string> = {
  '万元/亩': '万元/亩', '元/m²/月': '元/m²/月', '元/平方米/月': '元/m²/月', '元/㎡/月': '元/m²/月', '元/m2/月': '元/m²/月', '元/平方米·月': '元/m²/月',
  '元/m²': '元/m²', '元/平方米': '元/m²', '元/㎡': '元/m²', '元/m2': '元/m²',
};

const word = (table: Record<string, string>, v: unknown) => (typeof v === 'string' ? table[v.trim().toLowerCase()] ?? table[v.trim()] ?? v : v);

interface ParsedRow {
  row: number;
  key: string | null;
  values: SiteValues;
  geojson: string | null;
  errors: SiteImportError[];
}

/** The formats read as sheets (rows numbered as the sheet numbers them); every other one is a GIS file (features numbered from 1). */
const SHEET_FORMATS: readonly SiteImportFormat[] = ['xlsx', 'csv'];
const unitOf = (format: string) => (SHEET_FORMATS.includes(format as SiteImportFormat) ? 'row' : 'feature');

/** GCJ-02 and BD-09 have no PostGIS definition: gcoord takes them to WGS84 (EPSG geometries pass unchanged). */
const unshift = (geo: unknown, crs: SourceCrs): unknown => (crs.kind === 'shift' ? gcoord.transform(geo as never, crs.code === 'GCJ-02' ? gcoord.GCJ02 : gcoord.BD09, gcoord.WGS84) : geo);

/** Converts a row's geometry (lon/lat or WKT, in the row's or the upload's CRS) to WGS84 GeoJSON text. */
async function rowGeometry(db: Queryable, cells: Record<string, unknown>, crs: SourceCrs): Promise<{ geojson: string | null; error: SiteImportError | null }> {
  const wkt = cells.wkt;
  const lon = cells.lon;
  const lat = cells.lat;
  if ((wkt === null || wkt === undefined) && (lon === null || lon === undefined) && (lat === null || lat === undefined)) return { geojson: null, error: null };
  let geo: unknown;
  const srid = crs.kind === 'epsg' ? crs.srid : 4326;
  try {
    if (wkt !== null && wkt !== undefined) {
      const { rows } = await db.query<{ g: string }>('SELECT ST_AsGeoJSON(ST_Transform(ST_SetSRID(ST_GeomFromText($1), $2::int), 4326), 9) AS g', [String(wkt), srid]);
      geo = JSON.parse(rows[0].g);
    } else {
      const x = Number(String(lon).trim());
      const y = Number(String(lat).trim());
      if (!Number.isFinite(x) || !Number.isFinite(y)) return { geojson: null, error: { field: Number.isFinite(x) ? 'lat' : 'lon', message: 'Longitude and latitude must both be numbers.' } };
      const { rows } = await db.query<{ g: string }>('SELECT ST_AsGeoJSON(ST_Transform(ST_SetSRID(ST_MakePoint($1::float8, $2::float8), $3::int), 4326), 9) AS g', [x, y, srid]);
      geo = JSON.parse(rows[0].g);
    }
  } catch (e) {
    return { geojson: null, error: { field: wkt !== null && wkt !== undefined ? 'wkt' : 'lon', message: `Coordinates could not be read in ${crs.code}: ${(e as Error).message}` } };
  }
  return { geojson: JSON.stringify(unshift(geo, crs)), error: null };
}

/**
 * A GIS feature's geometry (the file's coordinates) as WGS84 GeoJSON text: EPSG CRSs by PostGIS, GCJ-02 /
 * BD-09 by gcoord. Coordinates outside the CRS's range are not transformed (PROJ would invent numbers):
 * the row gets an error naming the CRS, which usually means a wrong one was declared or chosen.
 */
async function featureGeometry(db: Queryable, gis: NonNullable<SourceRow['gis']>, crs: SourceCrs): Promise<{ geojson: string | null; error: SiteImportError | null }> {
  if (gis.error || !gis.geometry) return { geojson: null, error: { field: 'geometry', message: gis.error ? `The geometry cannot be read: ${gis.error}.` : 'The feature has no geometry.' } };
  const e = extent(gis.geometry);
  if (!e || e[0] < crs.xRange[0] || e[2] > crs.xRange[1] || e[1] < crs.yRange[0] || e[3] > crs.yRange[1]) {
    const r = (v: number | undefined) => (v === undefined ? '?' : String(Math.round(v * 1000) / 1000));
    return { geojson: null, error: { field: 'geometry', message: `Coordinates x ${r(e?.[0])}…${r(e?.[2])}, y ${r(e?.[1])}…${r(e?.[3])} do not fit ${crs.code}: is that the right CRS?` } };
  }
  if (crs.kind === 'shift') return { geojson: JSON.stringify(unshift(gis.geometry, crs)), error: null };
  try {
    const { rows } = await db.query<{ g: string }>('SELECT ST_AsGeoJSON(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($1), $2::int), 4326), 9) AS g', [JSON.stringify(gis.geometry), crs.srid]);
    return { geojson: rows[0].g, error: null };
  } catch (err) {
    return { geojson: null, error: { field: 'geometry', message: `PostGIS could not read the geometry in ${crs.code}: ${(err as Error).message}` } };
  }
}

/**
 * Reads every row of a sheet, or feature of a GIS file, into site values with its errors (nothing is
 * written). `uploadCrs` null: a GIS file whose CRS is not known yet; its rows get no geometry until one is chosen.
 */
async function parseRows(db: Queryable, rows: SourceRow[], uploadCrs: SourceCrs | null): Promise<ParsedRow[]> {
  const repo = new SitesRepository(db);
  const parks = await repo.parks();
  const chains = (await db.query<{ id: string; name_zh: string; name_en: string }>('SELECT id, name_zh, name_en FROM chains')).rows;
  const parkOf = (v: string) => parks.find((p) => p.id === v || p.name_zh === v || p.name_en.toLowerCase() === v.toLowerCase())?.id ?? null;
  const chainOf = (v: string) => chains.find((c) => c.id === v || c.name_zh === v || c.name_en.toLowerCase() === v.toLowerCase())?.id ?? v;
  const seen = new Map<string, number>();
  const out: ParsedRow[] = [];
  for (const { row, cells, gis } of rows) {
    const errors: SiteImportError[] = [];
    const values: SiteValues = { accuracy: 'digitised' };
    for (const [field, raw] of Object.entries(cells)) {
      let v = raw;
      if (field === 'kind') v = word(KIND_WORDS, v);
      else if (field === 'status') v = word(STATUS_WORDS, v);
      else if (field === 'price_unit') v = word(PRICE_UNITS, v);
      else if (field === 'chains' && typeof v === 'string') v = v.split(/[,，、;；]+/).map((s) => s.trim()).filter(Boolean).map(chainOf);
      if (field === 'park') {
        if (v === null) values.park_id = null;
        else if (!parkOf(String(v))) errors.push({ field: 'park', message: `Unknown park "${String(v).slice(0, 60)}": use a park's id or name (${parks.map((p) => p.name_zh).join('、')}).` });
        else values.park_id = parkOf(String(v));
        continue;
      }
      if (field === 'land_use') {
        if (v !== null) values.land_use_code = String(v).trim();
        continue;
      }
      if (field === 'area_mu') {
        const r = parseField('area_m2', v);
        if ('error' in r) errors.push({ field: 'area_mu', message: r.error.replace('area_m2', 'area_mu') });
        else if (r.value !== null) {
          const m2 = cells.area_m2 === null || cells.area_m2 === undefined ? null : Number(cells.area_m2);
          // Both columns (as an export writes them) must agree to 0.5 %; then the m² column is taken.
          if (m2 !== null && !(Math.abs(m2 - (r.value as number) * M2_PER_MU) <= 0.005 * m2 + 1)) errors.push({ field: 'area_mu', message: '面积（亩） and 面积（平方米） disagree; give one of them.' });
          else if (m2 === null) values.area_m2 = Math.round((r.value as number) * M2_PER_MU * 100) / 100;
        }
        continue;
      }
      if (!Object.hasOwn(SITE_FIELDS, field)) continue;
      const r = parseField(field, v);
      if ('error' in r) errors.push({ field, message: r.error });
      else values[field] = r.value;
    }
    if (values.kind === undefined && !errors.some((e) => e.field === 'kind')) errors.push({ field: 'kind', message: 'kind (类型) is required: land/地块, factory/标准厂房, office/研发楼, warehouse/仓储.' });
    if (values.name_zh === undefined && !errors.some((e) => e.field === 'name_zh')) errors.push({ field: 'name_zh', message: 'name_zh is required.' });
    // Land has one price unit; a bare price for land is in 万元/亩. Floor space must say rent or sale.
    if (values.price_value != null && values.price_unit == null && values.kind === 'land') values.price_unit = '万元/亩';
    const key = cells.key !== null && cells.key !== undefined ? String(cells.key).trim() : values.name_zh ? `${values.park_id ?? ''}|${values.name_zh}` : null;
    if (key !== null) {
      if (seen.has(key)) errors.push({ field: 'key', message: `${gis ? 'Feature' : 'Row'} ${seen.get(key)} has the same key "${key}".` });
      else seen.set(key, row);
      values.external_key = key;
    }
    let crs = uploadCrs;
    if (!gis && cells.crs !== null && cells.crs !== undefined) {
      try {
        crs = parseSourceCrs(String(cells.crs).replace(/^WGS-?84$/i, 'EPSG:4326').replace(/^CGCS2000$/i, 'EPSG:4490'));
      } catch (e) {
        errors.push({ field: 'crs', message: (e as Error).message });
      }
    }
    const g = crs === null ? { geojson: null, error: null } : gis ? await featureGeometry(db, gis, crs) : await rowGeometry(db, cells, crs);
    if (g.error) errors.push(g.error);
    let geojson = g.geojson;
    if (geojson !== null) {
      const ge = await geometryErrors(repo, geojson);
      if (ge.length) {
        errors.push(...ge);
        geojson = null;
      }
    }
    const existing = key ? await repo.idByExternalKey(key) : null;
    if (crs !== null && geojson === null && !existing && !g.error && !errors.some((e) => e.field === 'geometry')) {
      errors.push({ field: 'geometry', message: 'A new site needs its place: 经度/纬度 (lon/lat) or a WKT column.' });
    }
    const merged = existing ? { ...(await repo.row(existing)), ...values } : values;
    const c = await checkSite(db, values, undefined, merged);
    errors.push(...c.errors);
    out.push({ row, key, values: c.values, geojson, errors });
  }
  return out;
}

/** Stores a batch's rows: what was read (raw, for a later CRS choice), the values, the WGS84 geometry and the errors. */
async function insertRows(tx: Queryable, id: string, source: SourceRow[], rows: ParsedRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const raw = { cells: source[i].cells, ...(source[i].gis ? { gis: source[i].gis } : {}) };
    await tx.query(`INSERT INTO site_import_rows (batch_id, line, key, input, geom, errors, raw)
      VALUES ($1, $2, $3, $4, CASE WHEN $5::text IS NULL THEN NULL ELSE ST_SetSRID(ST_GeomFromGeoJSON($5::text), 4326) END, $6, $7)`,
    [id, row.row, row.key, JSON.stringify(row.values), row.geojson, JSON.stringify(row.errors), JSON.stringify(raw)]);
  }
}

/** What an upload holds, read as a sheet or as a GIS file, with the CRS its coordinates are in (null: to be chosen). */
interface Source {
  format: SiteImportFormat;
  columns: Sheet['columns'];
  rows: SourceRow[];
  crs: SourceCrs | null;
  crsFrom: string;
  warnings: string[];
}

/** The limits of a GIS upload into the inventory: the feature import's, with at most as many features as a sheet has rows. */
const SITE_GIS_LIMITS: ImportLimits = { ...IMPORT_LIMITS, features: SHEET_LIMITS.rows };

/**
 * POST /api/sites/imports (preview of a sheet or a GIS file), GET /api/sites/imports/:id,
 * POST /api/sites/imports/:id/crs (choose the CRS of a file that does not say it),
 * POST /api/sites/imports/:id/commit (all or nothing).
 */
export function siteImportRoutes(db: Database, auth: AuthService, opts: { importLimits?: Partial<ImportLimits>; gdal?: GdalRunner } = {}): Router {
  const r = Router();
  const editor = auth.require('editor');
  const limits: ImportLimits = { ...SITE_GIS_LIMITS, ...opts.importLimits };

  async function read(file: { name: string; data: Buffer }, more: Array<{ name: string; data: Buffer }>, fields: Record<string, string>): Promise<Source> {
    const encoding = declaredEncoding(fields.encoding);
    const declared = fields.crs?.trim() ? parseSourceCrs(fields.crs) : null;
    if (isSheetName(file.name) && more.length === 0) {
      if (file.data.length > SHEET_LIMITS.bytes) throw new HttpError(413, 'Payload Too Large', `The sheet is larger than ${SHEET_LIMITS.bytes / 1024 / 1024} MB.`, {}, { field: 'file', limit: 'uploadBytes' });
      const sheet = await readSheet(file.name, file.data, encoding);
      return {
        format: sheet.format, columns: sheet.columns, rows: sheet.rows, crs: declared ?? parseSourceCrs('EPSG:4326'),
        crsFrom: declared ? 'declared on upload' : 'WGS 84 (no crs declared; a 坐标系 column may say otherwise per row)', warnings: sheet.warnings,
      };
    }
    if (!isGisName(file.name) && more.length === 0) {
      throw new HttpError(415, 'Unsupported Media Type', `"${file.name}" is neither a spreadsheet (XLSX, CSV) nor a GIS file the import reads (a zipped Shapefile, FileGDB or MapInfo TAB, GeoPackage, GeoJSON, KML/KMZ, FlatGeobuf, DXF, MIF/MID).`, {}, { field: 'file' });
    }
    const gis = await readGisSheet(file, { encoding, limits, parts: more, runner: opts.gdal });
    const settled = settleCrs(gis.parsed, declared);
    return { format: gis.format as SiteImportFormat, columns: gis.columns, rows: gis.rows, crs: settled.crs, crsFrom: settled.from, warnings: [...gis.parsed.warnings, ...settled.warnings] };
  }

  r.post('/sites/imports', editor, async (req, res) => {
    // Up to 8 parts: a shapefile's .shp .shx .dbf .prj .cpg (or a MIF's .mif .mid) may come loose.
    const up = await readUpload(req, limits.uploadBytes, 8);
    const src = await read(up.file, up.more, up.fields);
    const rows = await parseRows(db, src.rows, src.crs);
    const id = crypto.randomBytes(8).toString('hex');
    const user = req.user!.username;
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO site_import_batches (id, filename, format, crs, crs_from, warnings, columns, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [id, up.file.name.slice(0, 200), src.format, src.crs?.code ?? null, src.crsFrom, JSON.stringify(src.warnings), JSON.stringify(src.columns), user]);
      await insertRows(tx, id, src.rows, rows);
    }, user);
    res.status(201).location(`/api/sites/imports/${id}`).json((await batch(db, id)).preview);
  });

  r.get('/sites/imports/:id', editor, async (req, res) => {
    const b = await batch(db, String(req.params.id));
    res.json(b.preview);
  });

  r.post('/sites/imports/:id/crs', editor, async (req, res) => {
    const raw = (req.body as { crs?: unknown } | undefined)?.crs;
    if (raw === undefined) throw badRequest(`Send {"crs": "EPSG:4549"} (or one of ${CRS_CHOICES.map((c) => c.code).join(', ')}).`);
    const crs = parseSourceCrs(raw);
    const id = String(req.params.id);
    const b = await batch(db, id);
    if (b.status === 'committed') throw new HttpError(409, 'Conflict', 'This import was committed already; upload the file again to re-import it.');
    refuseGridForKml(b.format, crs);
    // Read again outside the transaction (a geometry PostGIS refuses is a row error, and must not abort it).
    const rows = await parseRows(db, b.source, crs);
    const user = req.user!.username;
    await db.transaction(async (tx) => {
      const [cur] = (await tx.query<{ status: string }>('SELECT status FROM site_import_batches WHERE id = $1 FOR UPDATE', [id])).rows;
      if (cur?.status !== 'pending') throw new HttpError(409, 'Conflict', 'This import was committed meanwhile.');
      await tx.query("UPDATE site_import_batches SET crs = $2, crs_from = 'chosen after upload' WHERE id = $1", [id, crs.code]);
      await tx.query('DELETE FROM site_import_rows WHERE batch_id = $1', [id]);
      await insertRows(tx, id, b.source, rows);
    }, user);
    res.json((await batch(db, id)).preview);
  });

  r.post('/sites/imports/:id/commit', editor, async (req, res) => {
    const user = req.user!.username;
    const out = await db.transaction(async (tx) => {
      const b = await batch(tx, String(req.params.id), true);
      if (b.status === 'committed') throw new HttpError(409, 'Conflict', 'This import was committed already; upload the sheet again to re-import it.');
      if (b.crs === null) throw new HttpError(409, 'Conflict', `"${b.filename}" does not say its coordinate system: choose it first (POST /api/sites/imports/${b.id}/crs).`, {}, { crs_choices: CRS_CHOICES.map(crsJson) });
      const bad = b.rows.filter((x) => x.errors.length);
      if (bad.length) {
        const unit = unitOf(b.format);
        throw new HttpError(422, 'Unprocessable Content', `${bad.length} ${unit}(s) have errors; nothing was written. First: ${unit} ${bad[0].row}, ${bad[0].errors[0].field}: ${bad[0].errors[0].message}`, {}, {
          rows: bad.map((x) => ({ row: x.row, key: x.key, errors: x.errors })),
        });
      }
      const repo = new SitesRepository(tx);
      const res: SiteImportResult = { created: 0, updated: 0, unchanged: 0 };
      for (const row of b.rows) {
        const id = row.key ? await repo.idByExternalKey(row.key) : null;
        if (id) {
          const before = (await repo.row(id))!.version;
          const v = await repo.update(id, null, row.values, row.geojson);
          if (v === before) res.unchanged++;
          else res.updated++;
        } else {
          const newId = `site-${crypto.createHash('sha1').update(row.key ?? crypto.randomUUID()).digest('hex').slice(0, 12)}`;
          await repo.insert(newId, row.values, row.geojson!, { kind: 'staff', by: user, note: `import ${b.filename}` });
          res.created++;
        }
      }
      await tx.query("UPDATE site_import_batches SET status = 'committed', committed_by = $2, committed_at = now(), result = $3 WHERE id = $1", [b.id, user, JSON.stringify(res)]);
      await tx.query('INSERT INTO audit_log (username, action, target, details) VALUES ($1, $2, $3, $4)', [user, 'site.import', b.id, JSON.stringify(res)]);
      return res;
    }, user);
    res.json(out);
  });
  return r;
}

interface BatchHead {
  id: string;
  filename: string;
  format: SiteImportFormat;
  crs: string | null;
  crs_from: string | null;
  warnings: string[] | null;
  columns: Sheet['columns'];
  status: string;
}

/** A stored batch: its header, its rows as the commit writes them, what was read (for a CRS choice) and the preview. */
async function batch(db: Queryable, id: string, lock = false) {
  if (!/^[0-9a-f]{16}$/.test(id)) throw notFound(`No import "${id.slice(0, 40)}".`);
  const [b] = (await db.query<BatchHead>(
    `SELECT id, filename, format, crs, crs_from, warnings, columns, status FROM site_import_batches WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])).rows;
  if (!b) throw notFound(`No import "${id}".`);
  const stored = (await db.query<{ line: number; key: string | null; input: SiteValues; geojson: string | null; errors: SiteImportError[]; raw: { cells: Record<string, unknown>; gis?: SourceRow['gis'] } | null; geom_area_m2: number | null; geometry_type: string | null; exists: boolean }>(
    `SELECT r.line, r.key, r.input, ST_AsGeoJSON(r.geom, 9) AS geojson, r.errors, r.raw,
            CASE WHEN ST_Dimension(r.geom) = 2 THEN round(ST_Area(r.geom::geography)::numeric, 2)::float8 END AS geom_area_m2,
            GeometryType(r.geom) AS geometry_type,
            EXISTS (SELECT 1 FROM sites s WHERE s.external_key = r.key) AS exists
     FROM site_import_rows r WHERE r.batch_id = $1 ORDER BY r.line`, [id])).rows;
  const rows = stored.map((r) => ({ row: r.line, key: r.key, values: r.input, geojson: r.geojson, errors: r.errors }));
  const source: SourceRow[] = stored.map((r) => ({ row: r.line, cells: r.raw?.cells ?? {}, ...(r.raw?.gis ? { gis: r.raw.gis as { geometry: Geometry | null; error: string | null } } : {}) }));
  const preview: SiteImportPreview = {
    id: b.id, filename: b.filename, format: b.format, crs: b.crs, crs_from: b.crs_from ?? (b.crs ? `${b.crs}` : 'unknown'),
    needs_crs: b.crs === null, ...(b.crs === null ? { crs_choices: CRS_CHOICES.map(crsJson) } : {}),
    warnings: b.warnings ?? [], columns: b.columns,
    rows: stored.map((r) => {
      const stated = typeof r.input.area_m2 === 'number' ? r.input.area_m2 : null;
      return {
        row: r.line, key: r.key, action: r.exists ? 'update' as const : 'create' as const, name_zh: (r.input.name_zh as string | undefined) ?? null,
        area_m2: stated ?? r.geom_area_m2, area_basis: stated !== null ? 'stated' as const : r.geom_area_m2 !== null ? 'computed' as const : null,
        geometry_type: r.geometry_type, errors: r.errors,
      };
    }),
    errors: stored.filter((r) => r.errors.length).length,
  };
  return { ...b, rows, source, preview };
}
