import crypto from 'node:crypto';
import { Router } from 'express';
import gcoord from 'gcoord';
import type { Database, Queryable } from '../db/database.js';
import type { AuthService } from '../auth/auth.service.js';
import { HttpError, notFound } from '../http/problem.js';
import { readUpload } from '../imports/upload.js';
import { parseSourceCrs, type SourceCrs } from '../imports/source-crs.js';
import type { SiteImportError, SiteImportPreview, SiteImportResult } from '../../../contract/sites.js';
import { SitesRepository } from './sites.repository.js';
import { checkSite, geometryErrors } from './sites.service.js';
import { M2_PER_MU, SITE_FIELDS, parseField, type SiteValues } from './site-fields.js';
import { SHEET_LIMITS, readSheet, type Sheet } from './site-sheet.js';

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
  // GCJ-02 and BD-09 have no PostGIS definition: gcoord takes them to WGS84.
  if (crs.kind === 'shift') geo = gcoord.transform(geo as never, crs.code === 'GCJ-02' ? gcoord.GCJ02 : gcoord.BD09, gcoord.WGS84);
  return { geojson: JSON.stringify(geo), error: null };
}

/** Reads every row of a sheet into site values with its errors (nothing is written). */
async function parseRows(db: Queryable, sheet: Sheet, uploadCrs: SourceCrs): Promise<ParsedRow[]> {
  const repo = new SitesRepository(db);
  const parks = await repo.parks();
  const chains = (await db.query<{ id: string; name_zh: string; name_en: string }>('SELECT id, name_zh, name_en FROM chains')).rows;
  const parkOf = (v: string) => parks.find((p) => p.id === v || p.name_zh === v || p.name_en.toLowerCase() === v.toLowerCase())?.id ?? null;
  const chainOf = (v: string) => chains.find((c) => c.id === v || c.name_zh === v || c.name_en.toLowerCase() === v.toLowerCase())?.id ?? v;
  const seen = new Map<string, number>();
  const out: ParsedRow[] = [];
  for (const { row, cells } of sheet.rows) {
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
    // Land has one price unit; a bare price for land is in 万元/亩. Floor space must say rent or sale.
    if (values.price_value != null && values.price_unit == null && values.kind === 'land') values.price_unit = '万元/亩';
    const key = cells.key !== null && cells.key !== undefined ? String(cells.key).trim() : values.name_zh ? `${values.park_id ?? ''}|${values.name_zh}` : null;
    if (key !== null) {
      if (seen.has(key)) errors.push({ field: 'key', message: `Row ${seen.get(key)} has the same key "${key}".` });
      else seen.set(key, row);
      values.external_key = key;
    }
    let crs = uploadCrs;
    if (cells.crs !== null && cells.crs !== undefined) {
      try {
        crs = parseSourceCrs(String(cells.crs).replace(/^WGS-?84$/i, 'EPSG:4326').replace(/^CGCS2000$/i, 'EPSG:4490'));
      } catch (e) {
        errors.push({ field: 'crs', message: (e as Error).message });
      }
    }
    const g = await rowGeometry(db, cells, crs);
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
    if (geojson === null && !existing && !g.error && !errors.some((e) => e.field === 'geometry')) {
      errors.push({ field: 'geometry', message: 'A new site needs its place: 经度/纬度 (lon/lat) or a WKT column.' });
    }
    const merged = existing ? { ...(await repo.row(existing)), ...values } : values;
    const c = await checkSite(db, values, undefined, merged);
    errors.push(...c.errors);
    out.push({ row, key, values: c.values, geojson, errors });
  }
  return out;
}

const result = (id: string, filename: string, sheet: Pick<Sheet, 'format' | 'columns'>, crs: string, rows: Array<ParsedRow & { action: 'create' | 'update' }>): SiteImportPreview => ({
  id, filename, format: sheet.format, crs, columns: sheet.columns,
  rows: rows.map((r) => ({ row: r.row, key: r.key, action: r.action, name_zh: (r.values.name_zh as string | undefined) ?? null, errors: r.errors })),
  errors: rows.filter((r) => r.errors.length).length,
});

/** POST /api/sites/imports (preview), GET /api/sites/imports/:id, POST /api/sites/imports/:id/commit (all or nothing). */
export function siteImportRoutes(db: Database, auth: AuthService): Router {
  const r = Router();
  const editor = auth.require('editor');

  r.post('/sites/imports', editor, async (req, res) => {
    const up = await readUpload(req, SHEET_LIMITS.bytes);
    const crs = parseSourceCrs(up.fields.crs ?? 'EPSG:4326');
    const sheet = await readSheet(up.file.name, up.file.data);
    const rows = await parseRows(db, sheet, crs);
    const id = crypto.randomBytes(8).toString('hex');
    const user = req.user!.username;
    const repo = new SitesRepository(db);
    const withAction = [] as Array<ParsedRow & { action: 'create' | 'update' }>;
    for (const row of rows) withAction.push({ ...row, action: row.key && (await repo.idByExternalKey(row.key)) ? 'update' : 'create' });
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO site_import_batches (id, filename, format, crs, columns, created_by) VALUES ($1, $2, $3, $4, $5, $6)',
        [id, up.file.name.slice(0, 200), sheet.format, crs.code, JSON.stringify(sheet.columns), user]);
      for (const row of withAction) {
        await tx.query(`INSERT INTO site_import_rows (batch_id, line, key, input, geom, errors)
          VALUES ($1, $2, $3, $4, CASE WHEN $5::text IS NULL THEN NULL ELSE ST_SetSRID(ST_GeomFromGeoJSON($5::text), 4326) END, $6)`,
        [id, row.row, row.key, JSON.stringify(row.values), row.geojson, JSON.stringify(row.errors)]);
      }
    }, user);
    res.status(201).location(`/api/sites/imports/${id}`).json(result(id, up.file.name, sheet, crs.code, withAction));
  });

  r.get('/sites/imports/:id', editor, async (req, res) => {
    const b = await batch(db, String(req.params.id));
    res.json(b.preview);
  });

  r.post('/sites/imports/:id/commit', editor, async (req, res) => {
    const user = req.user!.username;
    const out = await db.transaction(async (tx) => {
      const b = await batch(tx, String(req.params.id), true);
      if (b.status === 'committed') throw new HttpError(409, 'Conflict', 'This import was committed already; upload the sheet again to re-import it.');
      const bad = b.rows.filter((x) => x.errors.length);
      if (bad.length) {
        throw new HttpError(422, 'Unprocessable Content', `${bad.length} row(s) have errors; nothing was written. First: row ${bad[0].row}, ${bad[0].errors[0].field}: ${bad[0].errors[0].message}`, {}, {
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

async function batch(db: Queryable, id: string, lock = false) {
  if (!/^[0-9a-f]{16}$/.test(id)) throw notFound(`No import "${id.slice(0, 40)}".`);
  const [b] = (await db.query<{ id: string; filename: string; format: 'xlsx' | 'csv'; crs: string; columns: Sheet['columns']; status: string }>(
    `SELECT id, filename, format, crs, columns, status FROM site_import_batches WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])).rows;
  if (!b) throw notFound(`No import "${id}".`);
  const rows = (await db.query<{ line: number; key: string | null; input: SiteValues; geojson: string | null; errors: SiteImportError[] }>(
    'SELECT line, key, input, ST_AsGeoJSON(geom, 9) AS geojson, errors FROM site_import_rows WHERE batch_id = $1 ORDER BY line', [id])).rows
    .map((r) => ({ row: r.line, key: r.key, values: r.input, geojson: r.geojson, errors: r.errors, action: 'create' as const }));
  return { ...b, rows, preview: result(b.id, b.filename, b, b.crs, rows) };
}
