import type { ItemFacts } from './imports.repository.js';

import { LAYER_GEOMETRY_TYPES as LAYER_TYPES } from '../edits/edits.routes.js';
import { isId } from '../http/params.js';

/** awaiting_crs: the batch's CRS is not chosen yet, so nothing about the item can be told. */
export type ItemStatus = 'new' | 'changed' | 'unchanged' | 'rejected' | 'awaiting_crs';

export type ReasonCode = 'unreadable' | 'crs_mismatch' | 'duplicate_id' | 'bad_id' | 'empty' | 'wrong_geometry_type' | 'invalid_geometry'
  | 'outside_district' | 'ambiguous_name' | 'other_layer';

/** One row of the preview: what committing would do with this item, and why. */
export interface PreviewItem {
  seq: number;
  status: ItemStatus;
  /** Why the item is rejected (empty unless it is). */
  reasons: Array<{ code: ReasonCode; message: string }>;
  /** Things to look at that do not block the item. */
  warnings: string[];
  /** The feature id the item would be written to: its own id, the matched feature's, or a generated one. */
  feature_id: string | null;
  source_id: string | null;
  match: { id: string; by: 'id' | 'name_zh'; version: number; name_zh: string | null } | null;
  name_zh: string;
  name_en: string;
  properties: Record<string, unknown>;
  /** GeoJSON in WGS 84 (after any ST_MakeValid repair), or null. */
  geometry: unknown;
  geometry_type: string | null;
  vertices: number | null;
  /** Whether the geometry differs (by more than ~1 cm) from the matched feature's. */
  geometry_changed: boolean | null;
  /** ST_IsValidReason of the geometry as uploaded, when it is invalid. */
  invalid_reason: string | null;
  /** True when the geometry is invalid and ST_MakeValid is on offer (makeValid=true). */
  can_make_valid: boolean;
  repaired: boolean;
  area_km2: number | null;
  current_area_km2: number | null;
  /** Area of the import minus area of the current version, km² on the spheroid. */
  area_change_km2: number | null;
}

const round = (v: number | null, d = 6) => (v === null ? null : Math.round(v * 10 ** d) / 10 ** d);

/**
 * Decides an item's status from its facts: rejected (with every reason), else new when it matches no
 * feature, unchanged when names, geometry (within ~1 cm) and the given properties are all as stored,
 * else changed. Layers of kind "district" (the district and its neighbours) may extend past the district.
 */
export function decide(f: ItemFacts, batchId: string, crsKnown: boolean): PreviewItem {
  const reasons: PreviewItem['reasons'] = [];
  const warnings: string[] = [];
  const reject = (code: ReasonCode, message: string) => reasons.push({ code, message });
  if (f.error) reject('unreadable', f.error);
  if (f.transform_error) reject('crs_mismatch', f.transform_error);
  if (f.dup_count !== null && f.dup_count > 1) reject('duplicate_id', `duplicate id: "${f.source_id}" appears ${f.dup_count} times in the file`);
  if (f.source_id !== null && !isId(f.source_id)) reject('bad_id', `id "${String(f.source_id).slice(0, 80)}" is not a valid feature id (lower-case letters, digits, "-" or "_", 1–80 characters)`);
  if (f.type !== null) {
    if (f.empty) reject('empty', f.repaired ? `ST_MakeValid left no ${f.layer_geometry_type} of the invalid geometry (${f.invalid_reason})` : 'the geometry is empty');
    else if (!LAYER_TYPES[f.layer_geometry_type]?.includes(f.type)) reject('wrong_geometry_type', `geometry type ${f.type} does not match the layer, which holds ${f.layer_geometry_type}s`);
    if (f.invalid && !f.repaired) reject('invalid_geometry', `invalid geometry: ${f.invalid_reason}. Repair it in the source, or let ST_MakeValid repair it (makeValid=true) and check the result`);
    if (f.repaired && !f.empty) warnings.push(`the geometry was invalid (${f.invalid_reason}) and was repaired with ST_MakeValid: check the result`);
    if (f.inside === false) {
      if (f.layer_kind === 'district') warnings.push('the geometry extends outside the district');
      else reject('outside_district', 'outside the district: not covered by the district boundary (feature "gaogang", 10 m tolerance)');
    }
  }
  const ambiguous = f.match_by === 'name_zh' && (f.candidates ?? 0) > 1;
  if (ambiguous) reject('ambiguous_name', `name_zh "${f.name_zh}" matches ${f.candidates} features of this layer: add an id column to say which`);
  const match = f.match_id && !ambiguous ? { id: f.match_id, by: f.match_by!, version: f.match_version!, name_zh: f.match_name_zh } : null;
  if (match && f.match_layer !== f.batch_layer) reject('other_layer', `feature "${match.id}" belongs to layer "${f.match_layer}", not to this import's layer "${f.batch_layer}"`);
  if (match && f.file_version !== null && f.file_version < match.version) {
    warnings.push(`exported at version ${f.file_version}, but the feature is now at version ${match.version}: someone changed it since, and committing overwrites their change`);
  }
  const defaultName = f.properties.dxf_layer ? `${String(f.properties.dxf_layer)} ${f.seq}` : `导入要素 ${f.seq}`;
  if (!match && !f.name_zh) warnings.push(`no name in the file: it will be named "${defaultName}"`);
  const nameZh = f.name_zh ?? match?.name_zh ?? defaultName;
  const nameEn = f.name_en ?? (match ? f.match_name_en : null) ?? (f.name_zh ? f.name_zh : `Imported feature ${f.seq}`);
  const featureId = match?.id ?? (f.source_id && isId(f.source_id) ? f.source_id : `imp-${batchId.slice(0, 10)}-${f.seq}`);

  let status: ItemStatus;
  if (!crsKnown && !f.error) status = 'awaiting_crs';
  else if (reasons.length) status = 'rejected';
  else if (!match) status = 'new';
  else if (f.same_geometry && f.same_properties && nameZh === f.match_name_zh && nameEn === f.match_name_en) status = 'unchanged';
  else status = 'changed';
  const areaChange = f.area_km2 !== null && f.current_area_km2 !== null ? f.area_km2 - f.current_area_km2 : null;
  return {
    seq: f.seq, status, reasons: status === 'awaiting_crs' ? [] : reasons, warnings, feature_id: featureId, source_id: f.source_id, match,
    name_zh: nameZh, name_en: nameEn, properties: f.properties,
    geometry: f.geometry ? JSON.parse(f.geometry) : null, geometry_type: f.type, vertices: f.points,
    geometry_changed: match && f.same_geometry !== null ? !f.same_geometry : null,
    invalid_reason: f.invalid_reason, can_make_valid: f.invalid && !f.repaired, repaired: f.repaired,
    area_km2: round(f.area_km2), current_area_km2: round(f.current_area_km2), area_change_km2: round(areaChange),
  };
}

/** Counts by status and by rejection reason: the validation summary. */
export function summarise(items: PreviewItem[]) {
  const count = (s: ItemStatus) => items.filter((i) => i.status === s).length;
  const reasons: Partial<Record<ReasonCode, number>> = {};
  for (const i of items) for (const r of i.reasons) reasons[r.code] = (reasons[r.code] ?? 0) + 1;
  return {
    total: items.length, new: count('new'), changed: count('changed'), unchanged: count('unchanged'), rejected: count('rejected'),
    awaiting_crs: count('awaiting_crs'), repaired: items.filter((i) => i.repaired).length,
    can_make_valid: items.filter((i) => i.can_make_valid).length, reasons,
  };
}
