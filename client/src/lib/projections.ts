/*
 * Coordinate systems the staff tools show, kept apart by type: a WGS84 [lng, lat], the same point
 * read as CGCS2000 [lng, lat], and CGCS2000 3-degree Gauss–Krüger metres (EPSG:4549, CM 120°E).
 * The forward projection is the Krüger series to n⁶ (Karney 2011, "Transverse Mercator with an
 * accuracy of a few nanometers"), so it agrees with PROJ's tmerc far below a millimetre here.
 */

declare const crsBrand: unique symbol;

/** [lng, lat] in degrees on WGS84 (EPSG:4326) — what MapLibre and the API speak. */
export type LngLatWgs84 = readonly [lng: number, lat: number] & { readonly [crsBrand]: 'EPSG:4326' };
/** [lng, lat] in degrees on CGCS2000 (EPSG:4490). */
export type LngLatCgcs2000 = readonly [lng: number, lat: number] & { readonly [crsBrand]: 'EPSG:4490' };
/** Projected metres in EPSG:4549 (CGCS2000 / 3-degree Gauss–Krüger CM 120E): easting with 500 km false easting, northing from the equator. */
export interface GaussKrugerXY {
  readonly easting: number;
  readonly northing: number;
  readonly [crsBrand]: 'EPSG:4549';
}

/** The CRSs the coordinate readout and the export dialog offer (the values of the contract's ExportCrs). */
export type CrsId = 'EPSG:4326' | 'EPSG:4490' | 'EPSG:4549';

/** The CRSs the coordinate readout and the export dialog offer. */
export const CRS_CHOICES: readonly CrsId[] = ['EPSG:4326', 'EPSG:4490', 'EPSG:4549'];

/** Tags a MapLibre [lng, lat] as WGS84. */
export function asWgs84(lng: number, lat: number): LngLatWgs84 {
  return [lng, lat] as unknown as LngLatWgs84;
}

/**
 * WGS84 → CGCS2000 geographic. The two frames differ by a few centimetres in China, far below what
 * this atlas (or a mouse pointer) can resolve, so the numbers are kept as they are.
 */
export function wgs84ToCgcs2000(p: LngLatWgs84): LngLatCgcs2000 {
  return [p[0], p[1]] as unknown as LngLatCgcs2000;
}

/** CGCS2000 ellipsoid (EPSG:1024): semi-major axis in metres and inverse flattening. */
export const CGCS2000_ELLIPSOID = { a: 6378137, inverseFlattening: 298.257222101 } as const;

/** EPSG:4549's transverse Mercator parameters. */
export const GK_CM120 = { centralMeridian: 120, scale: 1, falseEasting: 500000, falseNorthing: 0 } as const;

const f = 1 / CGCS2000_ELLIPSOID.inverseFlattening;
const n = f / (2 - f);
const n2 = n * n;
const n3 = n2 * n;
const n4 = n3 * n;
const n5 = n4 * n;
const n6 = n5 * n;
/** Rectifying radius: 2π·A is the length of a meridian circle. */
const A = (CGCS2000_ELLIPSOID.a / (1 + n)) * (1 + n2 / 4 + n4 / 64 + n6 / 256);
/** First eccentricity, e = 2√n / (1 + n). */
const E = (2 * Math.sqrt(n)) / (1 + n);
/** Krüger's α coefficients (Karney 2011, eq. 35). */
const ALPHA = [
  n / 2 - (2 / 3) * n2 + (5 / 16) * n3 + (41 / 180) * n4 - (127 / 288) * n5 + (7891 / 37800) * n6,
  (13 / 48) * n2 - (3 / 5) * n3 + (557 / 1440) * n4 + (281 / 630) * n5 - (1983433 / 1935360) * n6,
  (61 / 240) * n3 - (103 / 140) * n4 + (15061 / 26880) * n5 + (167603 / 181440) * n6,
  (49561 / 161280) * n4 - (179 / 168) * n5 + (6601661 / 7257600) * n6,
  (34729 / 80640) * n5 - (3418889 / 1995840) * n6,
  (212378941 / 319334400) * n6,
];
const RAD = Math.PI / 180;

/** CGCS2000 [lng, lat] → EPSG:4549 metres (transverse Mercator, CM 120°E, k = 1, FE = 500 000 m). */
export function cgcs2000ToGk120(p: LngLatCgcs2000): GaussKrugerXY {
  const phi = p[1] * RAD;
  const lambda = (p[0] - GK_CM120.centralMeridian) * RAD;
  const sinPhi = Math.sin(phi);
  // Conformal latitude, as its tangent τ' (Karney eq. 7–9).
  const t = Math.sinh(Math.atanh(sinPhi) - E * Math.atanh(E * sinPhi));
  const xi1 = Math.atan2(t, Math.cos(lambda));
  const eta1 = Math.atanh(Math.sin(lambda) / Math.sqrt(1 + t * t));
  let xi = xi1;
  let eta = eta1;
  for (let j = 1; j <= ALPHA.length; j++) {
    xi += ALPHA[j - 1] * Math.sin(2 * j * xi1) * Math.cosh(2 * j * eta1);
    eta += ALPHA[j - 1] * Math.cos(2 * j * xi1) * Math.sinh(2 * j * eta1);
  }
  return {
    easting: GK_CM120.falseEasting + GK_CM120.scale * A * eta,
    northing: GK_CM120.falseNorthing + GK_CM120.scale * A * xi,
  } as GaussKrugerXY;
}

/** A map position written in one CRS: the two axis labels and values, as the readout shows them. */
export interface CoordinateText {
  crs: CrsId;
  /** First value as written: longitude or easting. */
  x: string;
  /** Second value: latitude or northing. */
  y: string;
  xLabel: string;
  yLabel: string;
}

/** Formats a WGS84 position in the chosen CRS: degrees to 6 places (≈ 0.1 m), metres to the centimetre. */
export function coordinateText(p: LngLatWgs84, crs: CrsId): CoordinateText {
  if (crs === 'EPSG:4549') {
    const gk = cgcs2000ToGk120(wgs84ToCgcs2000(p));
    return { crs, x: gk.easting.toFixed(2), y: gk.northing.toFixed(2), xLabel: 'E', yLabel: 'N' };
  }
  const q = crs === 'EPSG:4490' ? wgs84ToCgcs2000(p) : p;
  return { crs, x: q[0].toFixed(6), y: q[1].toFixed(6), xLabel: 'lng', yLabel: 'lat' };
}
