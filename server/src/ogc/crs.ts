import { badRequest } from '../http/problem.js';

/** A CRS the OGC API serves, with what PostGIS needs to produce it. */
export interface CrsDef {
  /** The OGC URI clients use in `crs`, `bbox-crs` and `Content-Crs`. */
  uri: string;
  /** PostGIS SRID for ST_Transform. */
  srid: number;
  /**
   * True when the CRS's authoritative axis order is not PostGIS's x/y (east, north): EPSG:4326 and
   * EPSG:4490 are latitude, longitude and EPSG:4549 is northing, easting (EPSG CS 4530). Output and
   * bbox then use ST_FlipCoordinates / swapped corners, as OGC API Features Part 2 requires.
   */
  northFirst: boolean;
  /** Decimal digits in output coordinates: 6 for degrees (~0.1 m, as /api/layers), 3 for metres. */
  digits: number;
  /** Valid bbox ranges in the CRS's own axis order: [[axis1 min, max], [axis2 min, max]]. */
  domain: [[number, number], [number, number]];
}

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

/** The whitelist of CRSs, CRS84 (the default) first. Nothing else reaches ST_Transform. */
export const SUPPORTED_CRS: readonly CrsDef[] = [
  { uri: CRS84, srid: 4326, northFirst: false, digits: 6, domain: [[-180, 180], [-90, 90]] },
  { uri: 'http://www.opengis.net/def/crs/EPSG/0/4326', srid: 4326, northFirst: true, digits: 6, domain: [[-90, 90], [-180, 180]] },
  // CGCS2000 geographic.
  { uri: 'http://www.opengis.net/def/crs/EPSG/0/4490', srid: 4490, northFirst: true, digits: 6, domain: [[-90, 90], [-180, 180]] },
  // CGCS2000 / 3-degree Gauss-Kruger CM 120E (no zone prefix in the easting): northing, easting in metres.
  // The domain is generous around the zone (118.5–121.5°E) yet keeps PROJ away from absurd inputs.
  { uri: 'http://www.opengis.net/def/crs/EPSG/0/4549', srid: 4549, northFirst: true, digits: 3, domain: [[0, 10_000_000], [-500_000, 1_500_000]] },
];

/** Data are stored in EPSG:4326 with longitude first, i.e. exactly CRS84: serving CRS84 transforms nothing. */
export const STORAGE_CRS = CRS84;

/** The CRS named by a `crs` / `bbox-crs` value (default CRS84); 400 for anything not in the whitelist. */
export function parseCrs(raw: string | undefined, param: string): CrsDef {
  if (raw === undefined) return SUPPORTED_CRS[0];
  const def = SUPPORTED_CRS.find((c) => c.uri === raw);
  if (!def) throw badRequest(`Unsupported ${param} "${raw}". Supported: ${SUPPORTED_CRS.map((c) => c.uri).join(', ')}.`);
  return def;
}

/** A bbox as the envelope corners in PostGIS x/y (east, north) order in the SRID of `crs`. */
export interface BboxFilter {
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
  srid: number;
}

/**
 * Parses `bbox` (four comma-separated numbers: lower corner then upper corner, each in the CRS's
 * authoritative axis order) against the CRS's domain; 400 when malformed, out of range or min > max.
 */
export function parseBbox(raw: string, crs: CrsDef): BboxFilter {
  const parts = raw.split(',');
  if (parts.length !== 4) throw badRequest('bbox must be four comma-separated numbers: min1,min2,max1,max2 (this API has no 3D data).');
  const n = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  if (n.some((v) => !Number.isFinite(v))) throw badRequest('bbox values must be finite numbers.');
  const [a1, a2, b1, b2] = n;
  const [[lo1, hi1], [lo2, hi2]] = crs.domain;
  if (a1 < lo1 || b1 > hi1 || a2 < lo2 || b2 > hi2 || a1 > hi1 || b1 < lo1 || a2 > hi2 || b2 < lo2) {
    throw badRequest(`bbox is outside the range of ${crs.uri}: axis 1 ${lo1}…${hi1}, axis 2 ${lo2}…${hi2}.`);
  }
  if (a1 > b1 || a2 > b2) throw badRequest('bbox minimum must not exceed its maximum (boxes across the antimeridian are not supported).');
  return crs.northFirst
    ? { xmin: a2, ymin: a1, xmax: b2, ymax: b1, srid: crs.srid }
    : { xmin: a1, ymin: a2, xmax: b1, ymax: b2, srid: crs.srid };
}

/** The Content-Crs header value for a CRS. */
export const contentCrs = (crs: CrsDef) => `<${crs.uri}>`;
