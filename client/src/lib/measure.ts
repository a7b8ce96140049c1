import { area, bearing, centroid, distance } from '@turf/turf';
import { CGCS2000_ELLIPSOID } from './projections';

/*
 * Geodesic measures for the measure tool, in WGS84 [lng, lat].
 *
 * turf.area and turf.distance (which turf.length sums) work on a sphere of radius 6 371 008.8 m. At
 * 32°N the ellipsoid is flatter than that sphere: PostGIS (`geography`, the ellipsoid) gives areas
 * about 0.07 % smaller and north–south lengths about 0.3 % shorter. So each turf result is rescaled by
 * the ellipsoid's local radii of curvature (meridional M, prime vertical N): areas by M·N / R², each
 * segment by its azimuth's radius (Euler: 1/R(α) = cos²α/M + sin²α/N) over R. For the few-kilometre
 * shapes of a district that agrees with PostGIS to about 1e-5.
 */

/** turf's mean Earth radius (metres), the sphere its area and distance assume. */
const TURF_RADIUS = 6371008.8;
const E2 = (() => {
  const f = 1 / CGCS2000_ELLIPSOID.inverseFlattening;
  return f * (2 - f);
})();

/** Meridional (M) and prime-vertical (N) radii of curvature of the ellipsoid at a latitude, metres. */
export function radiiOfCurvature(latDeg: number): { m: number; n: number } {
  const s = Math.sin((latDeg * Math.PI) / 180);
  const w = Math.sqrt(1 - E2 * s * s);
  return { m: (CGCS2000_ELLIPSOID.a * (1 - E2)) / (w * w * w), n: CGCS2000_ELLIPSOID.a / w };
}

/** Area of a (multi)polygon on the ellipsoid, square metres (turf.area, rescaled; holes subtracted). */
export function geodesicAreaM2(geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon): number {
  const sphere = area(geometry);
  if (sphere === 0) return 0;
  const lat = centroid(geometry).geometry.coordinates[1];
  const { m, n } = radiiOfCurvature(lat);
  return (sphere * m * n) / (TURF_RADIUS * TURF_RADIUS);
}

/** Length of a path of WGS84 positions on the ellipsoid, metres (turf.distance per segment, rescaled). */
export function geodesicLengthM(path: readonly GeoJSON.Position[]): number {
  let total = 0;
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1];
    const b = path[i];
    const d = distance(a, b, { units: 'meters' });
    if (d === 0) continue;
    const alpha = (bearing(a, b) * Math.PI) / 180;
    const { m, n } = radiiOfCurvature((a[1] + b[1]) / 2);
    const r = 1 / (Math.cos(alpha) ** 2 / m + Math.sin(alpha) ** 2 / n);
    total += (d * r) / TURF_RADIUS;
  }
  return total;
}

/** Length of any line or polygon outline geometry, metres. */
export function geometryLengthM(geometry: GeoJSON.Geometry): number {
  switch (geometry.type) {
    case 'LineString':
      return geodesicLengthM(geometry.coordinates);
    case 'MultiLineString':
      return geometry.coordinates.reduce((s, l) => s + geodesicLengthM(l), 0);
    case 'Polygon':
      return geodesicLengthM(geometry.coordinates[0] ?? []);
    case 'MultiPolygon':
      return geometry.coordinates.reduce((s, p) => s + geodesicLengthM(p[0] ?? []), 0);
    default:
      return 0;
  }
}

/** UI language of the formatters (the same union as lib/i18n.ts's Lang, kept here so this module stands alone). */
type Lang = 'zh' | 'en';

function formatNumber(lang: Lang, value: number, maximumFractionDigits: number): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits }).format(value);
}

/** "850 m" below a kilometre, else "1.234 km". */
export function formatLength(lang: Lang, metres: number): string {
  return metres < 1000 ? `${formatNumber(lang, metres, 1)} m` : `${formatNumber(lang, metres / 1000, 3)} km`;
}

/** "5 300 m²" below a hectare, else "0.1234 km²" with the hectares after it. */
export function formatArea(lang: Lang, m2: number): string {
  if (m2 < 10_000) return `${formatNumber(lang, m2, 0)} m²`;
  const ha = lang === 'zh' ? '公顷' : 'ha';
  return `${formatNumber(lang, m2 / 1e6, 4)} km² (${formatNumber(lang, m2 / 1e4, 2)} ${ha})`;
}

/** A signed area change in km², "+0.123 km²" / "−0.045 km²" (true minus sign). */
export function formatAreaChange(lang: Lang, km2: number): string {
  const sign = km2 > 0 ? '+' : km2 < 0 ? '−' : '±';
  return `${sign}${formatNumber(lang, Math.abs(km2), 4)} km²`;
}
