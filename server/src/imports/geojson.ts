import type { Geometry } from 'geojson';
import { toItem, type Budget, type ParsedFile, type ParsedItem, type CrsFinding } from './parsed.js';
import { parseSourceCrs } from './source-crs.js';
import { unprocessable } from './problems.js';

const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'];

/** A geometry object as far as its shape goes (arrays all the way down); coordinates are checked later. */
function asGeometry(g: unknown): Geometry | null {
  if (!g || typeof g !== 'object') return null;
  const o = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (!GEOMETRY_TYPES.includes(o.type as string)) return null;
  if (o.type === 'GeometryCollection') return Array.isArray(o.geometries) && o.geometries.every((x) => asGeometry(x)) ? (g as Geometry) : null;
  const depth = { Point: 1, MultiPoint: 2, LineString: 2, MultiLineString: 3, Polygon: 3, MultiPolygon: 4 }[o.type as string]!;
  const ok = (x: unknown, d: number): boolean => (d === 1 ? Array.isArray(x) && x.every((v) => typeof v === 'number') : Array.isArray(x) && x.every((v) => ok(v, d - 1)));
  return ok(o.coordinates, depth) ? (g as Geometry) : null;
}

/**
 * Reads GeoJSON (a FeatureCollection, a Feature or a bare geometry). RFC 7946 GeoJSON is WGS 84;
 * an old-style (2008) `crs` member naming EPSG:4490 or 4549 is honoured, any other is asked about.
 */
export function readGeoJson(buf: Buffer, file: string, budget: Budget): ParsedFile {
  let doc: unknown;
  try {
    doc = JSON.parse(buf.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw unprocessable(`${file} is not JSON (${(e as Error).message.slice(0, 120)}); is it really GeoJSON?`);
  }
  const root = doc as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } };
  if (!root || typeof root !== 'object' || typeof root.type !== 'string') throw unprocessable(`${file} is JSON but not GeoJSON: it has no "type".`);
  let features: unknown[];
  if (root.type === 'FeatureCollection') {
    if (!Array.isArray(root.features)) throw unprocessable(`${file}: a FeatureCollection needs a "features" array.`);
    features = root.features;
  } else if (root.type === 'Feature') features = [root];
  else if (GEOMETRY_TYPES.includes(root.type)) features = [{ type: 'Feature', properties: {}, geometry: root }];
  else throw unprocessable(`${file} is JSON but not GeoJSON: "type" is "${String(root.type).slice(0, 40)}".`);

  let crs: CrsFinding = { crs: null, from: 'RFC 7946 (GeoJSON is WGS 84 longitude/latitude)' };
  const named = root.crs?.properties?.name;
  if (named === undefined) crs.crs = parseSourceCrs('EPSG:4326');
  else {
    try {
      crs = { crs: parseSourceCrs(named), from: `the GeoJSON "crs" member (${String(named)})` };
    } catch {
      crs = { crs: null, from: 'the GeoJSON "crs" member', unknown: `it names "${String(named).slice(0, 80)}", which is not one of the supported CRSs` };
    }
  }
  const items: ParsedItem[] = [];
  features.forEach((f, i) => {
    const feat = (f ?? {}) as { type?: unknown; id?: unknown; properties?: unknown; geometry?: unknown };
    const props = feat.properties && typeof feat.properties === 'object' && !Array.isArray(feat.properties) ? (feat.properties as Record<string, unknown>) : {};
    const geometry = feat.geometry === null || feat.geometry === undefined ? null : asGeometry(feat.geometry);
    budget.add(geometry, `Feature ${i + 1}`);
    const error = feat.type !== 'Feature' ? 'not a GeoJSON Feature' : feat.geometry && !geometry ? 'the geometry is not well-formed GeoJSON' : null;
    items.push(toItem(props, geometry, { id: props.id ?? feat.id, error }));
  });
  return { format: 'geojson', items, crs, warnings: [] };
}
