import type { Geometry, Position } from 'geojson';

/** Thrown for WKB that is truncated or holds a type this reader does not handle (curves, TINs). */
export class WkbError extends Error {}

const NAMES = ['', 'Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'GeometryCollection'] as const;

/**
 * Reads OGC WKB (ISO or PostGIS EWKB, either byte order; Z and M are read and dropped) into a
 * GeoJSON geometry, keeping x/y exactly as stored: no axis swap, no CRS assumed.
 */
export function wkbToGeometry(bytes: Uint8Array): Geometry {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = 0;
  const need = (n: number) => {
    if (p + n > view.byteLength) throw new WkbError('WKB is truncated.');
  };
  const read = (): Geometry => {
    need(5);
    const le = view.getUint8(p) === 1;
    let type = view.getUint32(p + 1, le);
    p += 5;
    let dims = 2;
    // EWKB flags, then ISO thousands.
    if (type & 0x80000000) dims++;
    if (type & 0x40000000) dims++;
    if (type & 0x20000000) {
      need(4);
      p += 4;
    }
    type &= 0x0fffffff;
    if (type >= 1000) {
      const k = Math.floor(type / 1000);
      dims = k === 3 ? 4 : 3;
      type %= 1000;
    }
    const u32 = () => {
      need(4);
      const v = view.getUint32(p, le);
      p += 4;
      return v;
    };
    const point = (): Position => {
      need(8 * dims);
      const x = view.getFloat64(p, le);
      const y = view.getFloat64(p + 8, le);
      p += 8 * dims;
      return [x, y];
    };
    const points = (): Position[] => {
      const n = u32();
      need(n * 8 * dims);
      return Array.from({ length: n }, point);
    };
    const rings = () => Array.from({ length: u32() }, points);
    const name = NAMES[type];
    switch (name) {
      case 'Point': {
        const c = point();
        // Empty points are NaN, NaN in WKB.
        return { type: 'Point', coordinates: Number.isNaN(c[0]) ? [] : c };
      }
      case 'LineString':
        return { type: 'LineString', coordinates: points() };
      case 'Polygon':
        return { type: 'Polygon', coordinates: rings() };
      case 'MultiPoint':
      case 'MultiLineString':
      case 'MultiPolygon':
      case 'GeometryCollection': {
        const parts = Array.from({ length: u32() }, read);
        if (name === 'GeometryCollection') return { type: name, geometries: parts };
        return { type: name, coordinates: parts.map((g) => (g as unknown as { coordinates: never }).coordinates) } as Geometry;
      }
      default:
        throw new WkbError(`WKB geometry type ${type} (curves, surfaces, TINs) is not supported; convert it to polygons or lines first.`);
    }
  };
  return read();
}
