import type { Geometry } from 'geojson';
import { HttpError } from '../http/problem.js';
import { parseUpload } from '../imports/parse.js';
import type { ImportFormat, ParsedFile } from '../imports/parsed.js';
import type { ImportLimits } from '../imports/limits.js';
import type { GdalRunner } from '../gdal/gdal.js';
import { fieldOfDbfName, fieldOfHeader, type Sheet } from './site-sheet.js';

/** One row a sites import reads: a sheet row, or a GIS feature with its geometry in the file's own coordinates. */
export interface SourceRow {
  row: number;
  /** Field → value, by the sheet's header aliases (site-sheet.ts). */
  cells: Record<string, unknown>;
  /** A GIS feature's geometry as in the file (no CRS applied), or why it cannot be used. */
  gis?: { geometry: Geometry | null; error: string | null };
}

/** What the GIS reader hands the sites import: the format, the attribute columns and the rows, as a sheet would. */
export interface GisSheet {
  format: ImportFormat;
  columns: Sheet['columns'];
  rows: SourceRow[];
  parsed: ParsedFile;
}

/** The extensions (and loose parts) the GIS reader is asked to read; anything else that is not a sheet is a 415. */
const GIS_NAME = /\.(zip|kmz|kml|geojson|json|gpkg|dxf|fgb|mif|mid|shp|shx|dbf|prj|cpg|tab)$/i;
/** Fields a GIS file's geometry gives: attributes of these names (x/y columns, a WKT copy) are not read as the place. */
const PLACE_FIELDS = new Set(['lon', 'lat', 'wkt', 'crs']);

export const isGisName = (name: string) => GIS_NAME.test(name);

/**
 * Reads a GIS upload through the feature import's GDAL path (parseUpload: the same formats, limits,
 * encodings and CRS finding) and maps each feature's attributes by the sheet's zh/en header aliases.
 * A file without a name attribute is a 422 (a site needs its name), as a sheet without a name column is.
 */
export async function readGisSheet(
  file: { name: string; data: Buffer },
  opts: { encoding: string | null; limits: ImportLimits; parts: Array<{ name: string; data: Buffer }>; runner?: GdalRunner },
): Promise<GisSheet> {
  // 'polygon': a drawing's closed polylines are the plots they outline (gdal-read.ts).
  const parsed = await parseUpload(file, { layerType: 'polygon', encoding: opts.encoding, limits: opts.limits, parts: opts.parts, runner: opts.runner });
  if (parsed.items.length === 0) throw new HttpError(422, 'Unprocessable Content', `"${file.name}" holds no features.`, {}, { field: 'file' });
  const fieldOf = new Map<string, string | null>();
  const taken = new Set<string>();
  const column = (header: string): string | null => {
    if (fieldOf.has(header)) return fieldOf.get(header)!;
    const f = parsed.format === 'shapefile' ? fieldOfDbfName(header) : fieldOfHeader(header);
    const field = f && !PLACE_FIELDS.has(f) && !taken.has(f) ? f : null;
    if (field) taken.add(field);
    fieldOf.set(header, field);
    return field;
  };
  const rows = parsed.items.map((it, i): SourceRow => {
    const attrs: Record<string, unknown> = { ...it.attributes };
    // A GeoJSON or KML feature id is the feature's key when no attribute gives one.
    if (it.sourceId !== null && !Object.keys(attrs).some((k) => fieldOfHeader(k) === 'key')) attrs.id = it.sourceId;
    const cells: Record<string, unknown> = {};
    for (const [h, v] of Object.entries(attrs)) {
      const field = column(h);
      if (!field) continue;
      let t = typeof v === 'string' ? v.trim() : v;
      // GDAL writes Date fields as YYYY/MM/DD.
      if (typeof t === 'string' && /^\d{4}\/\d{2}\/\d{2}$/.test(t)) t = t.replace(/\//g, '-');
      cells[field] = t === '' || t === undefined ? null : t;
    }
    return { row: i + 1, cells, gis: { geometry: it.geometry, error: it.error } };
  });
  const columns = [...fieldOf].map(([header, field]) => ({ header, field }));
  if (!taken.has('name_zh')) {
    throw new HttpError(422, 'Unprocessable Content', `"${file.name}" has no name attribute: a site needs one (名称 or name)${parsed.format === 'dxf' ? '; a DXF drawing carries no attributes, so import it as a feature layer or add the sites by hand' : ''}.`, {}, { field: 'name_zh', columns });
  }
  return { format: parsed.format, columns, rows, parsed };
}
