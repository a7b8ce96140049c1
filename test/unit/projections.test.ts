import { describe, expect, it } from 'vitest';
import { asWgs84, cgcs2000ToGk120, coordinateText, wgs84ToCgcs2000 } from '../../client/src/lib/projections';
import { geodesicAreaM2, geodesicLengthM, radiiOfCurvature } from '../../client/src/lib/measure';

/*
 * EPSG:4549 reference values from PROJ 9 (cs2cs reads and prints EPSG:4490 as lat lon and EPSG:4549
 * as northing easting):
 *   echo "32.40 119.91" | cs2cs EPSG:4490 EPSG:4549 -f %.4f   →  3586212.1245  491532.7435
 *   echo "32.30 119.85" | cs2cs EPSG:4490 EPSG:4549 -f %.4f   →  3575129.1476  485872.3668
 *   echo "31.2 118.5"   | cs2cs EPSG:4490 EPSG:4549 -f %.4f   →  3454118.1322  357035.8402
 *   echo "33.9 121.4"   | cs2cs EPSG:4490 EPSG:4549 -f %.4f   →  3753451.7963  629494.9730
 */
const CS2CS: Array<{ lng: number; lat: number; easting: number; northing: number }> = [
  { lng: 119.91, lat: 32.4, easting: 491532.7435, northing: 3586212.1245 },
  { lng: 119.85, lat: 32.3, easting: 485872.3668, northing: 3575129.1476 },
  { lng: 118.5, lat: 31.2, easting: 357035.8402, northing: 3454118.1322 },
  { lng: 121.4, lat: 33.9, easting: 629494.973, northing: 3753451.7963 },
];

describe('EPSG:4549 forward projection (client/src/lib/projections.ts)', () => {
  it('matches cs2cs to the millimetre, up to 1.5° from the central meridian', () => {
    for (const p of CS2CS) {
      const gk = cgcs2000ToGk120(wgs84ToCgcs2000(asWgs84(p.lng, p.lat)));
      expect(Math.abs(gk.easting - p.easting), `easting at ${p.lng},${p.lat}`).toBeLessThan(0.001);
      expect(Math.abs(gk.northing - p.northing), `northing at ${p.lng},${p.lat}`).toBeLessThan(0.001);
    }
  });

  it('puts the central meridian on the false easting', () => {
    expect(cgcs2000ToGk120(wgs84ToCgcs2000(asWgs84(120, 32))).easting).toBeCloseTo(500000, 6);
  });

  it('writes the readout text: metres to the centimetre, degrees to six places', () => {
    const p = asWgs84(119.91, 32.4);
    expect(coordinateText(p, 'EPSG:4549')).toMatchObject({ x: '491532.74', y: '3586212.12', xLabel: 'E', yLabel: 'N' });
    expect(coordinateText(p, 'EPSG:4490')).toMatchObject({ x: '119.910000', y: '32.400000' });
    expect(coordinateText(p, 'EPSG:4326')).toMatchObject({ x: '119.910000', y: '32.400000' });
  });
});

describe('geodesic measures (client/src/lib/measure.ts)', () => {
  it('uses the ellipsoid radii of curvature at 32°N', () => {
    const { m, n } = radiiOfCurvature(32);
    // M = a(1−e²)/(1−e²sin²φ)^1.5, N = a/(1−e²sin²φ)^0.5 on CGCS2000, evaluated separately (Python):
    // 6353346.183 and 6384140.527 m; so one minute of latitude is 1848.1 m there.
    expect(m).toBeCloseTo(6353346.183, 2);
    expect(n).toBeCloseTo(6384140.527, 2);
  });

  it('measures a one-minute meridian arc and parallel arc at 32°N like the ellipsoid', () => {
    const { m, n } = radiiOfCurvature(32);
    const arc = Math.PI / 180 / 60;
    expect(geodesicLengthM([[119.9, 31.99166667], [119.9, 32.00833333]])).toBeCloseTo(m * arc, 0);
    // A short east–west segment follows the parallel's radius N·cosφ to well under a metre per km.
    expect(geodesicLengthM([[119.9, 32], [119.91666667, 32]]) / (n * Math.cos((32 * Math.PI) / 180) * arc)).toBeCloseTo(1, 5);
  });

  it('gives 口岸街道 (seed ring) the PostGIS geography area within 0.01 %', () => {
    // seeds: the kouan ring; PostGIS ST_Area(geom::geography) = 10.5952 km² (GET /api/features/kouan).
    const ring = [[119.821998, 32.311064], [119.834259, 32.30567], [119.841765, 32.3], [119.885296, 32.3], [119.885981, 32.3185], [119.836, 32.3185], [119.832446, 32.318501], [119.828707, 32.315334], [119.826522, 32.314697], [119.821998, 32.311064]];
    const km2 = geodesicAreaM2({ type: 'Polygon', coordinates: [ring] }) / 1e6;
    expect(Math.abs(km2 / 10.5952 - 1)).toBeLessThan(1e-4);
  });
});
