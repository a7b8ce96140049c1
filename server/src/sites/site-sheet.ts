import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { HttpError } from '../http/problem.js';
import { decodeUtf8OrGbk } from '../imports/encoding.js';

/** The largest sheet an office may upload, and the most rows it may hold. */
export const SHEET_LIMITS = { bytes: 10 * 1024 * 1024, rows: 20_000 } as const;

/**
 * What each header of a sheet means: the field it fills, by its Chinese or English name as 招商 offices
 * write them. Headers are compared trimmed, lower-case, without spaces, with full-width brackets as ASCII.
 * Fields that are not site columns: key (the stable key), area_mu, lon, lat, wkt, crs, park (id or name),
 * land_use (code, old GB 50137 code or class name).
 */
const HEADERS: Record<string, string[]> = {
  key: ['key', 'external_key', '编号', '地块编号', '载体编号', '序号编码', 'code', 'id'],
  name_zh: ['名称', '地块名称', '载体名称', '项目名称', 'name', 'name_zh', '中文名称'],
  name_en: ['英文名称', 'name_en', 'englishname'],
  park: ['所属园区', '园区', 'park', 'park_id'],
  kind: ['类型', '载体类型', 'kind', 'type'],
  area_mu: ['面积(亩)', '用地面积(亩)', '占地面积(亩)', 'area_mu', 'area(mu)'],
  area_m2: ['面积(平方米)', '面积(㎡)', '面积(m²)', '面积(m2)', '用地面积(平方米)', '占地面积(平方米)', 'area_m2', 'area(m2)'],
  floor_area_m2: ['建筑面积(平方米)', '建筑面积(㎡)', '建筑面积(m²)', '建筑面积', '可租售面积(平方米)', 'floor_area_m2', 'floorarea'],
  floors: ['层数', 'floors'],
  floor_load_kn_m2: ['荷载(kn/㎡)', '荷载(kn/m²)', '荷载(kn/m2)', '楼面荷载', 'floor_load_kn_m2'],
  clear_height_m: ['层高(米)', '层高(m)', '净高(米)', '净高(m)', '层高', '净高', 'clear_height_m'],
  status: ['状态', '供地状态', '招商状态', 'status'],
  status_as_of: ['状态日期', '更新日期', 'status_as_of', 'asof'],
  land_use: ['用地性质', '用地类型', '用地分类', 'land_use', 'land_use_code', 'landuse'],
  plot_ratio_min: ['容积率下限', 'plot_ratio_min'],
  plot_ratio_max: ['容积率', '容积率上限', 'plot_ratio_max', 'plot_ratio'],
  height_max_m: ['限高(米)', '限高(m)', '建筑限高', '限高', 'height_max_m'],
  green_ratio_min_pct: ['绿地率下限(%)', '绿地率(%)', '绿地率', 'green_ratio_min_pct'],
  green_ratio_max_pct: ['绿地率上限(%)', 'green_ratio_max_pct'],
  price_value: ['价格', '出让价格', '租金', '售价', 'price', 'price_value'],
  price_unit: ['价格单位', '单位', 'price_unit'],
  price_note: ['价格说明', 'price_note'],
  utility_power_kva: ['供电容量(kva)', '供电(kva)', 'power_kva', 'utility_power_kva'],
  utility_water: ['供水', 'water', 'utility_water'],
  utility_gas: ['供气', '天然气', 'gas', 'utility_gas'],
  utility_steam: ['供热', '蒸汽', 'steam', 'utility_steam'],
  utility_wastewater: ['污水', '污水处理', 'wastewater', 'utility_wastewater'],
  utility_5g: ['5g', 'utility_5g'],
  utilities_note: ['配套说明', '配套', 'utilities', 'utilities_note'],
  restrictions: ['限制', '准入限制', '限制条件', 'restrictions'],
  chains: ['产业链', '目标产业链', '适用产业', 'chains', 'chain'],
  contact_unit: ['联系单位', 'contact_unit', 'unit'],
  contact_name: ['联系人', 'contact', 'contact_name'],
  contact_phone: ['电话', '联系电话', 'phone', 'contact_phone', 'tel'],
  contact_email: ['邮箱', '电子邮箱', 'email', 'e-mail', 'contact_email'],
  notes: ['备注', 'notes', 'note', 'remarks'],
  lon: ['经度', 'lon', 'lng', 'longitude', 'x'],
  lat: ['纬度', 'lat', 'latitude', 'y'],
  wkt: ['wkt', 'geometry', '几何', '坐标串'],
  crs: ['坐标系', 'crs', 'srs'],
};

const norm = (h: string) => h.trim().toLowerCase().replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':');
const BY_HEADER = new Map<string, string>();
for (const [field, names] of Object.entries(HEADERS)) for (const n of names) BY_HEADER.set(norm(n), field);

/** The field a header fills, or null when the atlas does not read it. */
export const fieldOfHeader = (h: string): string | null => BY_HEADER.get(norm(h)) ?? null;

/** A DBF field name holds at most 10 bytes: GDAL and ArcGIS cut longer ones (in UTF-8, 所属园区 is 12 bytes). */
const DBF_NAME_BYTES = 10;

/**
 * The field a Shapefile attribute fills: its name as a header, or else — when the name is as long as a DBF
 * allows, so it may have been cut — the one alias it is the beginning of (所属园 → 所属园区, 面积(亩 → 面积(亩)).
 * A cut name that begins more than one alias fills none.
 */
export function fieldOfDbfName(h: string): string | null {
  const exact = fieldOfHeader(h);
  if (exact) return exact;
  // A multi-byte character cut at byte 10 is dropped whole (gdal-read.ts), which leaves 8 or 9 bytes.
  const bytes = Buffer.byteLength(h.trim(), 'utf8');
  if (bytes < DBF_NAME_BYTES - 2 || bytes > DBF_NAME_BYTES) return null;
  const n = norm(h);
  const fields = new Set<string>();
  for (const [alias, field] of BY_HEADER) if (alias.length > n.length && alias.startsWith(n) && Buffer.byteLength(alias, 'utf8') > DBF_NAME_BYTES) fields.add(field);
  return fields.size === 1 ? [...fields][0] : null;
}

export interface Sheet {
  format: 'xlsx' | 'csv';
  columns: Array<{ header: string; field: string | null }>;
  /** One object per data row: field → cell value (text, number or boolean; a date as YYYY-MM-DD), with its sheet row number. */
  rows: Array<{ row: number; cells: Record<string, unknown> }>;
  /** E.g. that a CSV was not UTF-8 and was read as GBK. */
  warnings: string[];
}

/** A cell's plain value: rich text joined, formulas as their result, hyperlinks as their text. */
function plain(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v) return plain(v.result as ExcelJS.CellValue);
  if ('text' in v) return typeof v.text === 'string' ? v.text : plain(v.text as ExcelJS.CellValue);
  if ('error' in v) return null;
  return String(v);
}

/** The file names the sheet reader takes (everything else goes to the GIS reader). */
export const isSheetName = (name: string) => /\.(xlsx|csv|txt)$/i.test(name);

/** A CSV's text: in the declared encoding, else UTF-8 when it is valid UTF-8, else GBK (as Excel saves CSV on Chinese Windows) with a warning. */
function csvText(name: string, data: Buffer, encoding: string | null, warnings: string[]): string {
  if (encoding) return new TextDecoder(encoding).decode(data).replace(/^\uFEFF/, '');
  const d = decodeUtf8OrGbk(data);
  if (!d) {
    throw new HttpError(415, 'Unsupported Media Type', `"${name}" is neither UTF-8 nor GBK text: save the CSV as UTF-8, or send the form field encoding (e.g. GB18030, Big5).`, {}, { field: 'file' });
  }
  if (d.guessed) warnings.push(`"${name}" is not UTF-8; it was read as GBK (GB18030), the encoding Excel saves CSV in on Chinese Windows. If names look wrong, upload again with the form field encoding.`);
  return d.text.replace(/^\uFEFF/, '');
}

/**
 * Reads the first worksheet of an XLSX file, or a CSV (UTF-8, GBK detected, or the declared `encoding`),
 * with exceljs. Row 1 is the header. A file that is neither is a 415; a sheet without a name column or
 * without rows is a 422.
 */
export async function readSheet(name: string, data: Buffer, encoding: string | null = null): Promise<Sheet> {
  const warnings: string[] = [];
  // exceljs (~0.25 s of module loading) is loaded on the first sheet, not at start-up.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  let format: Sheet['format'];
  let ws: ExcelJS.Worksheet | undefined;
  const isZip = data.length > 4 && data[0] === 0x50 && data[1] === 0x4b;
  try {
    if (isZip) {
      format = 'xlsx';
      await wb.xlsx.load(data as unknown as ArrayBuffer);
      ws = wb.worksheets[0];
    } else if (/\.(csv|txt)$/i.test(name) && !data.subarray(0, 4096).includes(0)) {
      format = 'csv';
      const text = csvText(name, data, encoding, warnings);
      ws = await wb.csv.read(Readable.from([text]), { map: (d: string) => (d === '' ? null : d) } as never);
    } else {
      throw new Error('not a spreadsheet');
    }
  } catch (e) {
    if (e instanceof HttpError) throw e;
    throw new HttpError(415, 'Unsupported Media Type', `"${name}" is not a spreadsheet exceljs can read (send XLSX, or CSV in UTF-8 or GBK): ${(e as Error).message}.`, {}, { field: 'file' });
  }
  if (!ws || ws.rowCount < 2) throw new HttpError(422, 'Unprocessable Content', 'The sheet has no data rows (row 1 is the header).', {}, { field: 'file' });
  if (ws.rowCount > SHEET_LIMITS.rows + 1) throw new HttpError(413, 'Payload Too Large', `The sheet has ${ws.rowCount - 1} rows; at most ${SHEET_LIMITS.rows}.`, {}, { field: 'file' });
  const header = ws.getRow(1);
  const columns: Sheet['columns'] = [];
  const colField = new Map<number, string>();
  header.eachCell({ includeEmpty: false }, (cell, col) => {
    const h = String(plain(cell.value) ?? '').trim();
    if (!h) return;
    const field = fieldOfHeader(h);
    columns.push({ header: h, field: field && ![...colField.values()].includes(field) ? field : null });
    if (field && ![...colField.values()].includes(field)) colField.set(col, field);
  });
  if (![...colField.values()].includes('name_zh')) {
    throw new HttpError(422, 'Unprocessable Content', 'The sheet has no name column: row 1 must name its columns, e.g. 名称 or name.', {}, { field: 'name_zh', columns });
  }
  const rows: Sheet['rows'] = [];
  for (let i = 2; i <= ws.rowCount; i++) {
    const r = ws.getRow(i);
    const cells: Record<string, unknown> = {};
    let any = false;
    for (const [col, field] of colField) {
      const p = plain(r.getCell(col).value);
      // Date cells (UTC midnight in exceljs) as the ISO date the fields read; rows are stored as JSON.
      const v = p instanceof Date ? p.toISOString().slice(0, 10) : p;
      const t = typeof v === 'string' ? v.trim() : v;
      if (t !== null && t !== '') any = true;
      cells[field] = t === '' ? null : t;
    }
    if (any) rows.push({ row: i, cells });
  }
  return { format: format!, columns, rows, warnings };
}
