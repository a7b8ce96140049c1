import type { InventoryStatus, PriceUnit, SiteImportError, SiteKind } from '../../../contract/sites.js';
import { isId } from '../http/params.js';

/** 1 亩 = 10000/15 m² (the statutory 市亩). */
export const M2_PER_MU = 10000 / 15;

export const SITE_KINDS: readonly SiteKind[] = ['land', 'factory', 'office', 'warehouse'];
export const INVENTORY_STATUSES: readonly InventoryStatus[] = ['available', 'reserved', 'planned', 'occupied'];
export const PRICE_UNITS: readonly PriceUnit[] = ['万元/亩', '元/m²/月', '元/m²'];
const ACCURACIES = ['surveyed', 'digitised', 'schematic'];

type Spec =
  | { t: 'text'; max: number }
  | { t: 'num'; min: number; max: number }
  | { t: 'int'; min: number; max: number }
  | { t: 'bool' }
  | { t: 'enum'; values: readonly string[] }
  | { t: 'date' }
  | { t: 'ids' };

/**
 * The writable columns of a site (name → what it holds). The API's body names and the sheet's fields are
 * these; `area_mu` is accepted too and becomes area_m2; `geometry`, `id` and `photo_ids` are handled apart.
 */
export const SITE_FIELDS: Record<string, Spec> = {
  name_zh: { t: 'text', max: 200 },
  name_en: { t: 'text', max: 200 },
  park_id: { t: 'text', max: 80 },
  zone_id: { t: 'text', max: 80 },
  kind: { t: 'enum', values: SITE_KINDS },
  accuracy: { t: 'enum', values: ACCURACIES },
  method: { t: 'text', max: 2000 },
  area_m2: { t: 'num', min: 0, max: 1e9 },
  floor_area_m2: { t: 'num', min: 0, max: 1e8 },
  floors: { t: 'int', min: 1, max: 300 },
  floor_load_kn_m2: { t: 'num', min: 0, max: 1000 },
  clear_height_m: { t: 'num', min: 0, max: 200 },
  status: { t: 'enum', values: INVENTORY_STATUSES },
  status_as_of: { t: 'date' },
  land_use_code: { t: 'text', max: 20 },
  land_use_note: { t: 'text', max: 500 },
  plot_ratio_min: { t: 'num', min: 0, max: 100 },
  plot_ratio_max: { t: 'num', min: 0, max: 100 },
  height_max_m: { t: 'num', min: 0, max: 1000 },
  green_ratio_min_pct: { t: 'num', min: 0, max: 100 },
  green_ratio_max_pct: { t: 'num', min: 0, max: 100 },
  price_value: { t: 'num', min: 0, max: 1e9 },
  price_unit: { t: 'enum', values: PRICE_UNITS },
  price_note: { t: 'text', max: 500 },
  utility_power_kva: { t: 'num', min: 0, max: 1e7 },
  utility_water: { t: 'bool' },
  utility_gas: { t: 'bool' },
  utility_steam: { t: 'bool' },
  utility_wastewater: { t: 'bool' },
  utility_5g: { t: 'bool' },
  utilities_note: { t: 'text', max: 1000 },
  restrictions: { t: 'text', max: 1000 },
  chains: { t: 'ids' },
  contact_unit: { t: 'text', max: 200 },
  contact_name: { t: 'text', max: 100 },
  contact_phone: { t: 'text', max: 50 },
  contact_email: { t: 'text', max: 200 },
  notes: { t: 'text', max: 5000 },
  external_key: { t: 'text', max: 200 },
};

/** Column values of a site as parsed (null clears a value; a missing key leaves it). */
export type SiteValues = Record<string, string | number | boolean | string[] | null>;


/** Parses one field's value; returns [value] or an error message. Empty text is null (unknown). */
export function parseField(field: string, raw: unknown): { value: SiteValues[string] } | { error: string } {
  if (!Object.hasOwn(SITE_FIELDS, field)) return { error: `Unknown field "${field}".` };
  const spec = SITE_FIELDS[field];
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
    if (field === 'name_zh' || field === 'kind' || field === 'accuracy') return { error: `${field} is required.` };
    return { value: spec.t === 'ids' ? [] : null };
  }
  switch (spec.t) {
    case 'text': {
      if (typeof raw !== 'string' && typeof raw !== 'number') return { error: `${field} must be text.` };
      const s = String(raw).trim();
      if (s.length > spec.max) return { error: `${field} must be at most ${spec.max} characters.` };
      if ((field === 'park_id' || field === 'zone_id') && !isId(s)) return { error: `${field} must be a feature id (lower-case letters, digits, - or _).` };
      return { value: s };
    }
    case 'num':
    case 'int': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim().replace(/,/g, '')) : NaN;
      if (!Number.isFinite(n)) return { error: `${field} must be a number.` };
      if (spec.t === 'int' && !Number.isInteger(n)) return { error: `${field} must be a whole number.` };
      if (n < spec.min || n > spec.max) return { error: `${field} must be between ${spec.min} and ${spec.max}.` };
      return { value: n };
    }
    case 'bool': {
      if (typeof raw === 'boolean') return { value: raw };
      const s = String(raw).trim().toLowerCase();
      if (['true', 'yes', 'y', '1', '是', '有', '通'].includes(s)) return { value: true };
      if (['false', 'no', 'n', '0', '否', '无', '未通'].includes(s)) return { value: false };
      return { error: `${field} must be true or false (是/否).` };
    }
    case 'enum': {
      const s = String(raw).trim();
      if (!spec.values.includes(s)) return { error: `${field} must be one of ${spec.values.join(', ')}; got ${JSON.stringify(s.slice(0, 40))}.` };
      return { value: s };
    }
    case 'date': {
      const s = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw).trim();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`)) || new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) !== s) {
        return { error: `${field} must be a date YYYY-MM-DD.` };
      }
      return { value: s };
    }
    case 'ids': {
      const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[,，、;；\s]+/).filter(Boolean) : null;
      if (!list || list.some((x) => typeof x !== 'string' || !isId(x.trim()))) return { error: `${field} must be a list of chain ids.` };
      return { value: [...new Set(list.map((x) => (x as string).trim()))] };
    }
  }
}

/**
 * Parses a JSON body of POST/PATCH /api/sites into column values and a geometry. Unknown keys and bad
 * values are errors naming the field (nothing is ignored silently). `area_mu` becomes area_m2.
 */
export function parseSiteBody(body: unknown, creating: boolean): { values: SiteValues; geometry: unknown; id: string | null; errors: SiteImportError[] } {
  const errors: SiteImportError[] = [];
  const values: SiteValues = {};
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { values, geometry: undefined, id: null, errors: [{ field: '(body)', message: 'Send a JSON object.' }] };
  const b = body as Record<string, unknown>;
  let id: string | null = null;
  for (const [k, v] of Object.entries(b)) {
    if (k === 'geometry') continue;
    if (k === 'id') {
      if (!creating) errors.push({ field: 'id', message: 'A site keeps its id.' });
      else if (typeof v !== 'string' || !isId(v) || RESERVED_IDS.includes(v)) errors.push({ field: 'id', message: 'id must be lower-case letters, digits, "-" or "_" (1–80 characters).' });
      else id = v;
      continue;
    }
    if (k === 'area_mu') {
      if (b.area_m2 !== undefined) { errors.push({ field: 'area_mu', message: 'Give area_m2 or area_mu, not both.' }); continue; }
      const r = parseField('area_m2', v);
      if ('error' in r) errors.push({ field: 'area_mu', message: r.error.replace('area_m2', 'area_mu') });
      else values.area_m2 = r.value === null ? null : Math.round((r.value as number) * M2_PER_MU * 100) / 100;
      continue;
    }
    if (!Object.hasOwn(SITE_FIELDS, k)) {
      errors.push({ field: k, message: `Unknown field "${k}". Allowed: id, geometry, area_mu, ${Object.keys(SITE_FIELDS).join(', ')}.` });
      continue;
    }
    const r = parseField(k, v);
    if ('error' in r) errors.push({ field: k, message: r.error });
    else values[k] = r.value;
  }
  if (creating) {
    for (const f of ['name_zh', 'kind']) if (values[f] === undefined && !errors.some((e) => e.field === f)) errors.push({ field: f, message: `${f} is required.` });
    if (b.geometry === undefined) errors.push({ field: 'geometry', message: 'geometry is required (a GeoJSON Point, Polygon or MultiPolygon in WGS84).' });
  }
  if (b.geometry !== undefined && (!b.geometry || typeof b.geometry !== 'object' || Array.isArray(b.geometry))) errors.push({ field: 'geometry', message: 'geometry must be a GeoJSON geometry object.' });
  return { values, geometry: b.geometry, id, errors };
}

/** Path segments under /api/sites that are routes, never site ids. */
export const RESERVED_IDS = ['imports', 'export', 'areas', 'land-use-classes'];

/**
 * Cross-field rules on the merged row (what the table's CHECKs say, as field errors): price needs a unit and
 * the unit must fit the kind; min ≤ max.
 */
export function crossFieldErrors(row: SiteValues): SiteImportError[] {
  const e: SiteImportError[] = [];
  if ((row.price_value ?? null) !== null && (row.price_unit ?? null) === null) e.push({ field: 'price_unit', message: 'A price needs its unit: 万元/亩 (land), 元/m²/月 (rent) or 元/m² (sale).' });
  if ((row.price_value ?? null) === null && (row.price_unit ?? null) !== null) e.push({ field: 'price_value', message: 'price_unit is given without a price.' });
  if (row.price_unit && row.kind && (row.kind === 'land') !== (row.price_unit === '万元/亩')) {
    e.push({ field: 'price_unit', message: row.kind === 'land' ? 'Land is priced in 万元/亩.' : 'Floor space is priced in 元/m²/月 (rent) or 元/m² (sale).' });
  }
  for (const [a, b] of [['plot_ratio_min', 'plot_ratio_max'], ['green_ratio_min_pct', 'green_ratio_max_pct']]) {
    if (typeof row[a] === 'number' && typeof row[b] === 'number' && (row[a] as number) > (row[b] as number)) e.push({ field: a, message: `${a} must not exceed ${b}.` });
  }
  return e;
}
