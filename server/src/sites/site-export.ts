import type { Queryable } from '../db/database.js';
import type { Attrs, Column } from '../exports/attributes.js';
import { writeWithGdal, GDAL_FORMATS, type GdalFormat } from '../exports/gdal-write.js';
import type { SiteFeature } from '../../../contract/sites.js';
import { SITE_AREA, siteWhere, type SiteFilter } from './sites.repository.js';

export const EXPORT_FORMATS = ['xlsx', 'geojson', ...GDAL_FORMATS] as const;
export type SiteExportFormat = (typeof EXPORT_FORMATS)[number];

const S = 'string' as const;
const R = 'real' as const;
const I = 'integer' as const;
const B = 'boolean' as const;
/**
 * The flat columns of an export, in order; their names are the API's property names, which the sheet
 * import reads back (external_key first, so a re-import of an export updates the same sites).
 */
export const EXPORT_COLUMNS: Column[] = [
  { name: 'external_key', kind: S }, { name: 'id', kind: S }, { name: 'name_zh', kind: S }, { name: 'name_en', kind: S },
  { name: 'park_id', kind: S }, { name: 'kind', kind: S }, { name: 'status', kind: S }, { name: 'status_as_of', kind: S },
  { name: 'area_m2', kind: R }, { name: 'area_mu', kind: R }, { name: 'area_basis', kind: S }, { name: 'floor_area_m2', kind: R },
  { name: 'floors', kind: I }, { name: 'floor_load_kn_m2', kind: R }, { name: 'clear_height_m', kind: R },
  { name: 'land_use_code', kind: S }, { name: 'land_use_zh', kind: S }, { name: 'land_use_en', kind: S }, { name: 'land_use_note', kind: S },
  { name: 'plot_ratio_min', kind: R }, { name: 'plot_ratio_max', kind: R }, { name: 'height_max_m', kind: R },
  { name: 'green_ratio_min_pct', kind: R }, { name: 'green_ratio_max_pct', kind: R },
  { name: 'price_value', kind: R }, { name: 'price_unit', kind: S }, { name: 'price_note', kind: S },
  { name: 'utility_power_kva', kind: R }, { name: 'utility_water', kind: B }, { name: 'utility_gas', kind: B }, { name: 'utility_steam', kind: B },
  { name: 'utility_wastewater', kind: B }, { name: 'utility_5g', kind: B }, { name: 'utilities_note', kind: S }, { name: 'restrictions', kind: S },
  { name: 'chains', kind: S }, { name: 'contact_unit', kind: S }, { name: 'contact_name', kind: S }, { name: 'contact_phone', kind: S },
  { name: 'contact_email', kind: S }, { name: 'notes', kind: S }, { name: 'accuracy', kind: S }, { name: 'demo', kind: B },
  { name: 'source_kind', kind: S }, { name: 'source_document', kind: S }, { name: 'source_quote', kind: S }, { name: 'source_by', kind: S },
  { name: 'version', kind: I },
];

interface Row { f: string; wkt: string; geometry: string; type: string }

/** A site's flat attributes: lists joined with commas, the source split into its parts. */
function flat(p: SiteFeature['properties']): Attrs {
  const a: Attrs = {};
  for (const c of EXPORT_COLUMNS) {
    const v = (p as unknown as Record<string, unknown>)[c.name];
    a[c.name] = v === undefined || v === null ? null : typeof v === 'object' ? null : (v as string | number | boolean);
  }
  a.chains = p.chains.length ? p.chains.join(',') : null;
  a.source_kind = p.source.kind;
  a.source_document = p.source.document_id;
  a.source_quote = p.source.quote;
  a.source_by = p.source.by;
  return a;
}

/**
 * The sites passing `filter` as one file: GeoJSON (as the API) or XLSX (exceljs, WKT last) in EPSG:4326,
 * or any GDAL export format (CSV with WKT first, GeoPackage, Shapefile, KML, FlatGeobuf, FileGDB, DXF) in
 * EPSG:`srid` (4326, 4490 or 4549; KML always 4326).
 */
export async function exportSites(db: Queryable, filter: SiteFilter, format: SiteExportFormat, srid = 4326): Promise<{ name: string; type: string; body: Buffer | string; notes: string[] }> {
  const { where, values } = siteWhere(filter);
  const out = format === 'kml' || format === 'xlsx' || format === 'geojson' ? 4326 : srid;
  const { rows } = await db.query<Row>(
    `SELECT atlas_site_json(s, lu, c, d, sa.area_m2)::text AS f, ST_AsText(s.geom) AS wkt, GeometryType(s.geom) AS type,
            ST_AsGeoJSON(ST_Transform(s.geom, $${values.length + 1}::int), $${values.length + 2}::int) AS geometry
     FROM sites s ${SITE_AREA} LEFT JOIN land_use_classes lu ON lu.code = s.land_use_code
       LEFT JOIN citations c ON c.id = s.citation_id LEFT JOIN documents d ON d.id = c.document_id
     ${where} ORDER BY s.id`, [...values, out, out === 4549 ? 4 : 9]);
  const feats = rows.map((r) => JSON.parse(r.f) as SiteFeature);
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === 'geojson') {
    return { name: `sites-${stamp}.geojson`, type: 'application/geo+json; charset=utf-8', body: JSON.stringify({ type: 'FeatureCollection', features: feats }), notes: [] };
  }
  const attrs = feats.map((f) => flat(f.properties));
  if (format !== 'xlsx') {
    const file = await writeWithGdal(rows.map((r, i) => ({ geometry: r.geometry, type: r.type, attrs: attrs[i] })), {
      format: format as GdalFormat, srid: out, name: `sites-${stamp}${out === 4326 ? '' : `-epsg${out}`}`, layer: 'sites',
      description: 'Sites and buildings inventory (招商载体库), Industrial Space Atlas',
    });
    return { name: file.filename, type: file.contentType, body: file.body, notes: file.notes };
  }
  // Loaded on the first XLSX export, not at start-up.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Industrial Space Atlas';
  const ws = wb.addWorksheet('sites');
  ws.addRow([...EXPORT_COLUMNS.map((c) => c.name), 'wkt']);
  ws.getRow(1).font = { bold: true };
  rows.forEach((r, i) => ws.addRow([...EXPORT_COLUMNS.map((c) => attrs[i][c.name]), r.wkt]));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return { name: `sites-${stamp}.xlsx`, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: Buffer.from(await wb.xlsx.writeBuffer()), notes: [] };
}
