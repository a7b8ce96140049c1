import { SUPPORTED_CRS } from '../ogc/crs.js';
import { badRequest } from '../http/problem.js';

/**
 * A CRS an uploaded file's coordinates may be in. EPSG ones come from the OGC whitelist (crs.ts) and are
 * re-projected by PostGIS; GCJ-02 and BD-09 are the obfuscated web-map systems PostGIS has no
 * definition for, converted to WGS84 with gcoord before anything reaches the database.
 */
export type SourceCrs =
  | { kind: 'epsg'; code: string; srid: number; label: string; xRange: [number, number]; yRange: [number, number] }
  | { kind: 'shift'; code: 'GCJ-02' | 'BD-09'; label: string; xRange: [number, number]; yRange: [number, number] };

const LABELS: Record<number, string> = {
  4326: 'WGS 84 longitude/latitude (GPS, KML, GeoJSON)',
  4490: 'CGCS2000 longitude/latitude (China Geodetic Coordinate System 2000)',
  4549: 'CGCS2000 / 3-degree Gauss-Kruger CM 120E, metres, no zone prefix (Taizhou survey grid)',
};

/** The EPSG CRSs the importer accepts: those crs.ts whitelists, with their x/y (east, north) ranges. */
const EPSG: SourceCrs[] = [...new Map(SUPPORTED_CRS.map((c) => [c.srid, c])).values()].map((c) => {
  // crs.ts keeps domains in the CRS's own axis order; files are always x = east, y = north.
  const [a1, a2] = c.domain;
  const [xRange, yRange] = c.northFirst ? [a2, a1] : [a1, a2];
  return { kind: 'epsg', code: `EPSG:${c.srid}`, srid: c.srid, label: LABELS[c.srid] ?? `EPSG:${c.srid}`, xRange, yRange };
});

const SHIFTED: SourceCrs[] = [
  { kind: 'shift', code: 'GCJ-02', label: 'GCJ-02 "Mars" coordinates (Amap/Gaode, Tencent, Google China)', xRange: [-180, 180], yRange: [-90, 90] },
  { kind: 'shift', code: 'BD-09', label: 'BD-09 longitude/latitude (Baidu Maps)', xRange: [-180, 180], yRange: [-90, 90] },
];

/** The choices offered when a file does not say its CRS, most likely first for this district. */
export const CRS_CHOICES: readonly SourceCrs[] = ['EPSG:4490', 'EPSG:4549', 'EPSG:4326', 'GCJ-02', 'BD-09']
  .map((code) => [...EPSG, ...SHIFTED].find((c) => c.code === code))
  .filter((c): c is SourceCrs => c !== undefined);

/** The accepted CRS with this EPSG code, or null when it is not on the whitelist. */
export const epsgCrs = (srid: number): SourceCrs | null => EPSG.find((c) => c.kind === 'epsg' && c.srid === srid) ?? null;

/**
 * Reads a declared CRS: EPSG:n, n, an OGC URI or URN, CRS84, GCJ-02/GCJ02, BD-09/BD09 (case-insensitive).
 * 400 for anything else, listing the choices.
 */
export function parseSourceCrs(raw: unknown): SourceCrs {
  const s = typeof raw === 'string' ? raw.trim() : '';
  const norm = s.toUpperCase().replace(/[\s_]/g, '');
  let found: SourceCrs | null = null;
  if (/^GCJ-?02$/.test(norm)) found = SHIFTED[0];
  else if (/^BD-?09(LL)?$/.test(norm)) found = SHIFTED[1];
  else if (/CRS84$/.test(norm)) found = epsgCrs(4326);
  else {
    const m = /^(?:EPSG:+|URN:OGC:DEF:CRS:EPSG:[0-9.]*:|HTTPS?:\/\/WWW\.OPENGIS\.NET\/DEF\/CRS\/EPSG\/0\/)?(\d{4,6})$/.exec(norm);
    if (m) found = epsgCrs(Number(m[1]));
  }
  if (!found) throw badRequest(`Unsupported crs "${s.slice(0, 80)}". Choose one of: ${CRS_CHOICES.map((c) => c.code).join(', ')}.`);
  return found;
}

/** The JSON shape of a CRS in API answers. */
export const crsJson = (c: SourceCrs) => ({ code: c.code, label: c.label });
