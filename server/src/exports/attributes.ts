/** One exported feature's attributes, in column order: the fixed columns, then its scalar properties. */
export type Attrs = Record<string, string | number | boolean | null>;

/** A column of a flat format (Shapefile, GeoPackage, KML, CSV) and the kind of values it holds. */
export interface Column {
  name: string;
  kind: 'string' | 'integer' | 'real' | 'boolean';
}

/** The columns every export starts with. */
export const FIXED: Column[] = [
  { name: 'id', kind: 'string' },
  { name: 'name_zh', kind: 'string' },
  { name: 'name_en', kind: 'string' },
  { name: 'accuracy', kind: 'string' },
  { name: 'layer_id', kind: 'string' },
  { name: 'version', kind: 'integer' },
];

export interface ExportRow {
  id: string;
  name_zh: string;
  name_en: string;
  accuracy: string;
  layer_id: string;
  version: number;
  properties: Record<string, unknown>;
}

/** A row's attributes for flat formats: fixed columns plus scalar properties (arrays and objects stay in GeoJSON). */
export function flatAttrs(r: ExportRow): Attrs {
  const a: Attrs = { id: r.id, name_zh: r.name_zh, name_en: r.name_en, accuracy: r.accuracy, layer_id: r.layer_id, version: r.version };
  for (const [k, v] of Object.entries(r.properties)) {
    if (k in a) continue;
    if (v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) a[k] = v;
  }
  return a;
}
