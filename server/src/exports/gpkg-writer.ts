import { sqlite, quoteIdent } from '../imports/sqlite.js';
import type { Attrs, Column } from './attributes.js';

export interface GpkgFeature {
  /** ISO WKB, little-endian (PostGIS ST_AsBinary(g, 'NDR')), in the table's CRS. */
  wkb: Uint8Array;
  /** [minx, maxx, miny, maxy]. */
  envelope: [number, number, number, number];
  attrs: Attrs;
}

export interface GpkgSrs {
  srid: number;
  name: string;
  /** The WKT definition (PostGIS spatial_ref_sys.srtext). */
  definition: string;
}

const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],' +
  'PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]';

/** StandardGeoPackageBinary (GeoPackage 1.3 §2.1.3): "GP", version 0, flags (little-endian, xy envelope), srs_id, envelope, WKB. */
export function gpkgBlob(wkb: Uint8Array, srid: number, env: [number, number, number, number]): Uint8Array {
  const b = Buffer.alloc(8 + 32 + wkb.length);
  b.write('GP', 0, 'latin1');
  b[2] = 0;
  b[3] = 0b0000_0011; // envelope indicator 1 ([minx, maxx, miny, maxy]), little-endian
  b.writeInt32LE(srid, 4);
  env.forEach((v, i) => b.writeDoubleLE(v, 8 + 8 * i));
  Buffer.from(wkb.buffer, wkb.byteOffset, wkb.byteLength).copy(b, 40);
  return b;
}

const SQL_TYPE: Record<Column['kind'], string> = { string: 'TEXT', integer: 'INTEGER', real: 'DOUBLE', boolean: 'BOOLEAN' };

/**
 * A GeoPackage 1.3 with one feature table: the required gpkg_spatial_ref_sys (with the -1/0/4326 rows
 * and the export CRS by its EPSG code and WKT), gpkg_contents and gpkg_geometry_columns, and the
 * features with StandardGeoPackageBinary geometries. Built in memory with sql.js.
 */
export async function writeGeoPackage(opts: { table: string; srs: GpkgSrs; geometryType: string; columns: Column[]; features: GpkgFeature[]; description: string }): Promise<Uint8Array> {
  const SQL = await sqlite();
  const db = new SQL.Database();
  try {
    db.run(`PRAGMA application_id = 1196444487; PRAGMA user_version = 10300;
      CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
        organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
      CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
        description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
        CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
      CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
        srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
        CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name),
        CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
        CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));`);
    const srs = db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)');
    srs.run(['Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system']);
    srs.run(['Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system']);
    srs.run(['WGS 84 geodetic', 4326, 'EPSG', 4326, WGS84_WKT, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid']);
    if (opts.srs.srid !== 4326) srs.run([opts.srs.name, opts.srs.srid, 'EPSG', opts.srs.srid, opts.srs.definition, null]);
    srs.free();

    const t = quoteIdent(opts.table);
    const cols = opts.columns.map((c) => `${quoteIdent(c.name)} ${SQL_TYPE[c.kind]}`).join(', ');
    db.run(`CREATE TABLE ${t} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom ${opts.geometryType}, ${cols})`);
    const env = opts.features.reduce((e, f) => [Math.min(e[0], f.envelope[0]), Math.max(e[1], f.envelope[1]), Math.min(e[2], f.envelope[2]), Math.max(e[3], f.envelope[3])],
      [Infinity, -Infinity, Infinity, -Infinity]);
    db.run('INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [opts.table, 'features', opts.table, opts.description, env[0], env[2], env[1], env[3], opts.srs.srid]);
    db.run('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)', [opts.table, 'geom', opts.geometryType, opts.srs.srid]);
    const ins = db.prepare(`INSERT INTO ${t} (geom, ${opts.columns.map((c) => quoteIdent(c.name)).join(', ')}) VALUES (?${', ?'.repeat(opts.columns.length)})`);
    db.run('BEGIN');
    for (const f of opts.features) {
      ins.run([gpkgBlob(f.wkb, opts.srs.srid, f.envelope), ...opts.columns.map((c) => {
        const v = f.attrs[c.name];
        return v === undefined || v === null ? null : typeof v === 'boolean' ? (v ? 1 : 0) : c.kind === 'string' ? String(v) : v;
      })]);
    }
    db.run('COMMIT');
    ins.free();
    return db.export();
  } finally {
    db.close();
  }
}
