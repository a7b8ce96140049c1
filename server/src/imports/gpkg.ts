import type { Geometry } from 'geojson';
import { sqlite, looksLikeSqlite, quoteIdent } from './sqlite.js';
import { wkbToGeometry, WkbError } from './wkb.js';
import { readPrj } from './prj.js';
import { epsgCrs } from './source-crs.js';
import { toItem, type Budget, type CrsFinding, type ParsedFile, type ParsedItem } from './parsed.js';
import { unprocessable } from './problems.js';

/** A StandardGeoPackageBinary blob (GeoPackage 1.x §2.1.3) to a GeoJSON geometry; null for an empty one. */
export function gpkgGeometry(blob: Uint8Array): Geometry | null {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) throw new WkbError('not a GeoPackage geometry (no "GP" magic)');
  const flags = blob[3];
  if (flags & 0x20) throw new WkbError('an ExtendedGeoPackageBinary geometry (a non-standard type)');
  if (flags & 0x10) return null;
  const env = [0, 32, 48, 48, 64][(flags >> 1) & 7];
  if (env === undefined) throw new WkbError('a bad envelope code in the geometry header');
  return wkbToGeometry(blob.subarray(8 + env));
}

/** The CRS of a gpkg_spatial_ref_sys row: its EPSG code when whitelisted, else its WKT read like a .prj. */
function crsOf(row: { srs_id: number; organization: string; code: number; definition: string; srs_name: string } | undefined): CrsFinding {
  if (!row) return { crs: null, from: 'gpkg_spatial_ref_sys', unknown: 'the geometry column names an srs_id missing from gpkg_spatial_ref_sys' };
  const from = `gpkg_spatial_ref_sys (srs_id ${row.srs_id}, ${row.srs_name})`;
  if (row.srs_id === -1 || row.srs_id === 0) return { crs: null, from, unknown: 'the GeoPackage declares an undefined CRS' };
  if (row.organization?.toUpperCase() === 'EPSG') {
    const c = epsgCrs(Number(row.code));
    if (c) return { crs: c, from };
  }
  const v = readPrj(row.definition ?? '');
  const c = v.ok && v.srid ? epsgCrs(v.srid) : null;
  return c ? { crs: c, from } : { crs: null, from, unknown: `${row.organization}:${row.code} (${row.srs_name}) is not one of the supported CRSs` };
}

/**
 * Reads every feature table of a GeoPackage. All tables must share one CRS (import them one at a
 * time otherwise); the integer primary key is not an attribute.
 */
export async function readGpkg(buf: Buffer, file: string, budget: Budget): Promise<ParsedFile> {
  if (!looksLikeSqlite(buf)) throw unprocessable(`${file} is not a GeoPackage: it is not an SQLite database.`);
  const SQL = await sqlite();
  let db;
  try {
    db = new SQL.Database(buf);
  } catch (e) {
    throw unprocessable(`${file} is a damaged SQLite database (${(e as Error).message}).`);
  }
  try {
    const rows = <T>(sql: string, params: Array<string | number> = []): T[] => {
      const st = db.prepare(sql, params);
      const out: T[] = [];
      while (st.step()) out.push(st.getAsObject() as T);
      st.free();
      return out;
    };
    let tables: Array<{ table_name: string; column_name: string; srs_id: number }>;
    try {
      tables = rows(`SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c
        JOIN gpkg_geometry_columns g ON g.table_name = c.table_name WHERE c.data_type = 'features' ORDER BY c.table_name`);
    } catch {
      throw unprocessable(`${file} is an SQLite database but not a GeoPackage (no gpkg_contents / gpkg_geometry_columns).`);
    }
    if (tables.length === 0) throw unprocessable(`${file} has no feature tables.`);
    // Only real tables are read: a view could hold a query that never ends.
    for (const t of tables) {
      const kind = rows<{ type: string }>('SELECT type FROM sqlite_master WHERE name = ?', [t.table_name])[0]?.type;
      if (kind !== 'table') throw unprocessable(`${file}: "${t.table_name}" is ${kind === 'view' ? 'a view' : 'missing'}; only feature tables are imported.`);
    }
    const srsIds = [...new Set(tables.map((t) => t.srs_id))];
    if (srsIds.length > 1) throw unprocessable(`The tables of ${file} are in different CRSs (srs_id ${srsIds.join(', ')}); import one table at a time.`);
    const srs = rows<{ srs_id: number; organization: string; code: number; definition: string; srs_name: string }>(
      'SELECT srs_id, organization, organization_coordsys_id AS code, definition, srs_name FROM gpkg_spatial_ref_sys WHERE srs_id = ?', [srsIds[0]])[0];
    const crs = crsOf(srs);
    const items: ParsedItem[] = [];
    for (const t of tables) {
      const pk = rows<{ name: string; pk: number }>(`PRAGMA table_info(${quoteIdent(t.table_name)})`).filter((c) => c.pk > 0).map((c) => c.name);
      const st = db.prepare(`SELECT * FROM ${quoteIdent(t.table_name)}`);
      let n = 0;
      while (st.step()) {
        n++;
        const row = st.getAsObject();
        const blob = row[t.column_name];
        let geometry: Geometry | null = null;
        let error: string | null = null;
        try {
          if (blob instanceof Uint8Array) geometry = gpkgGeometry(blob);
        } catch (e) {
          error = `the geometry cannot be read: ${(e as Error).message}`;
        }
        budget.add(geometry, `Row ${n} of ${t.table_name}`);
        const attrs: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(row)) if (k !== t.column_name && !pk.includes(k) && !(v instanceof Uint8Array)) attrs[k] = v;
        items.push(toItem(attrs, geometry, { error }));
      }
      st.free();
    }
    const warnings = tables.length > 1 ? [`${file} has ${tables.length} feature tables (${tables.map((t) => t.table_name).join(', ')}); all were read.`] : [];
    return { format: 'gpkg', items, crs, warnings };
  } finally {
    db.close();
  }
}
