import DxfParser from 'dxf-parser';
import type { Geometry, Position } from 'geojson';
import { toItem, type Budget, type ParsedFile, type ParsedItem } from './parsed.js';
import { ringsToPolygons } from './geometry.js';
import { unprocessable } from './problems.js';

type Group = { code: number; value: number | string | boolean };
interface Scanner {
  next(): Group;
  isEOF(): boolean;
}
interface HatchEntity {
  type: 'HATCH';
  layer?: string;
  handle?: string | number;
  groups: Group[];
}

/**
 * dxf-parser reads no HATCH, yet GDAL and most CAD software write filled areas as hatches: this
 * handler keeps a hatch's raw groups for hatchRings() to interpret.
 */
class HatchHandler {
  ForEntityName = 'HATCH';
  parseEntity(scanner: Scanner, curr: Group): HatchEntity {
    const e: HatchEntity = { type: 'HATCH', groups: [] };
    curr = scanner.next();
    while (!scanner.isEOF() && curr.code !== 0) {
      if (curr.code === 8) e.layer = String(curr.value);
      else if (curr.code === 5) e.handle = curr.value as string;
      e.groups.push(curr);
      curr = scanner.next();
    }
    return e;
  }
}

/** Points along the arc a DXF bulge describes from a to b (bulge = tan(angle/4)), excluding a, including b. */
function bulgeArc(a: Position, b: Position, bulge: number): Position[] {
  if (!bulge) return [b];
  const theta = 4 * Math.atan(bulge);
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const chord = Math.hypot(dx, dy);
  if (chord === 0) return [b];
  const r = chord / (2 * Math.sin(theta / 2));
  // Centre: from the chord's midpoint, perpendicular, at distance r·cos(θ/2).
  const h = r * Math.cos(theta / 2);
  const [mx, my] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const [cx, cy] = [mx - (h * dy) / chord, my + (h * dx) / chord];
  const start = Math.atan2(a[1] - cy, a[0] - cx);
  const n = Math.max(2, Math.ceil(Math.abs(theta) / (Math.PI / 36)));
  const out: Position[] = [];
  for (let i = 1; i < n; i++) {
    const t = start + (theta * i) / n;
    out.push([cx + Math.abs(r) * Math.cos(t), cy + Math.abs(r) * Math.sin(t)]);
  }
  out.push(b);
  return out;
}

/** A polyline's vertices with bulges expanded into arc points; closed when `closed`. */
function polylinePoints(vs: Array<{ x: number; y: number; bulge?: number }>, closed: boolean): Position[] {
  if (vs.length === 0) return [];
  const pts: Position[] = [[vs[0].x, vs[0].y]];
  const last = closed ? vs.length : vs.length - 1;
  for (let i = 0; i < last; i++) {
    const a = vs[i];
    const b = vs[(i + 1) % vs.length];
    pts.push(...bulgeArc([a.x, a.y], [b.x, b.y], a.bulge ?? 0));
  }
  if (closed) {
    const [f, l] = [pts[0], pts[pts.length - 1]];
    if (f[0] !== l[0] || f[1] !== l[1]) pts.push([f[0], f[1]]);
  }
  return pts;
}

const circle = (cx: number, cy: number, r: number, from = 0, to = 2 * Math.PI): Position[] => {
  const n = Math.max(8, Math.ceil(Math.abs(to - from) / (Math.PI / 36)));
  return Array.from({ length: n + 1 }, (_, i) => [cx + r * Math.cos(from + ((to - from) * i) / n), cy + r * Math.sin(from + ((to - from) * i) / n)]);
};

/** The boundary rings of a hatch: polyline paths and line/arc edge paths (spline and ellipse edges are refused). */
function hatchRings(groups: Group[]): Position[][] {
  let i = groups.findIndex((g) => g.code === 91);
  if (i < 0) throw new Error('the hatch has no boundary');
  const paths = Number(groups[i].value);
  i++;
  const want = (code: number) => {
    while (i < groups.length && groups[i].code !== code) i++;
    if (i >= groups.length) throw new Error(`the hatch boundary is incomplete (group ${code} missing)`);
    return Number(groups[i++].value);
  };
  const rings: Position[][] = [];
  for (let p = 0; p < paths; p++) {
    const flags = want(92);
    const ring: Position[] = [];
    if (flags & 2) {
      const hasBulge = want(72);
      want(73);
      const n = want(93);
      const vs: Array<{ x: number; y: number; bulge?: number }> = [];
      for (let k = 0; k < n; k++) {
        const x = want(10);
        const y = want(20);
        const v: { x: number; y: number; bulge?: number } = { x, y };
        if (hasBulge && groups[i]?.code === 42) v.bulge = Number(groups[i++].value);
        vs.push(v);
      }
      ring.push(...polylinePoints(vs, true));
    } else {
      const edges = want(93);
      for (let k = 0; k < edges; k++) {
        const type = want(72);
        if (type === 1) {
          const a: Position = [want(10), want(20)];
          const b: Position = [want(11), want(21)];
          if (ring.length === 0) ring.push(a);
          ring.push(b);
        } else if (type === 2) {
          const [cx, cy, r] = [want(10), want(20), want(40)];
          const [s, e] = [(want(50) * Math.PI) / 180, (want(51) * Math.PI) / 180];
          // Clockwise arc edges store their angles negated (as GDAL reads them).
          const ccw = want(73) !== 0;
          const a0 = ccw ? s : -s;
          let a1 = ccw ? e : -e;
          if (ccw && a1 < a0) a1 += 2 * Math.PI;
          if (!ccw && a1 > a0) a1 -= 2 * Math.PI;
          const pts = circle(cx, cy, r, a0, a1);
          ring.push(...(ring.length ? pts.slice(1) : pts));
        } else throw new Error('hatch boundaries with ellipse or spline edges are not supported; explode them to polylines');
      }
      if (ring.length) ring.push([ring[0][0], ring[0][1]]);
    }
    if (ring.length >= 4) rings.push(ring);
  }
  return rings;
}

/**
 * Reads the model-space entities of an ASCII DXF: LWPOLYLINE, POLYLINE, LINE, ARC, CIRCLE, POINT and
 * HATCH. For a polygon layer, closed polylines, circles and hatches become polygons; for a line layer,
 * polylines become lines. A DXF never says its CRS: the user must always choose one. Bulges (arcs) are
 * densified every 5°. Blocks (INSERT), text and dimensions are not geometry here and are counted, not read.
 */
export function readDxf(buf: Buffer, file: string, layerType: string, budget: Budget): ParsedFile {
  if (buf.subarray(0, 22).toString('latin1') === 'AutoCAD Binary DXF\r\n\x1a\0') throw unprocessable(`${file} is a binary DXF; save it as an ASCII DXF.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    // DXF before AutoCAD 2007 is in the drawing's code page: in China, GBK.
    text = new TextDecoder('gb18030').decode(buf);
  }
  if (!/^\s*0\s*\r?\n\s*SECTION\s*\r?\n/.test(text.replace(/^\uFEFF/, '').replace(/^(\s*999\s*\r?\n.*\r?\n)+/, ''))) {
    throw unprocessable(`${file} is not an ASCII DXF: it does not start with a SECTION.`);
  }
  const parser = new DxfParser();
  parser.registerEntityHandler(HatchHandler as never);
  let dxf;
  try {
    dxf = parser.parseSync(text);
  } catch (e) {
    throw unprocessable(`${file} could not be read as DXF: ${(e as Error).message.slice(0, 160)}`);
  }
  const entities = (dxf?.entities ?? []) as unknown as Array<Record<string, unknown> & { type: string; layer?: string; handle?: unknown }>;
  const polygonLayer = layerType === 'polygon';
  const items: ParsedItem[] = [];
  const skipped = new Map<string, number>();
  for (const e of entities) {
    if (e.inPaperSpace) continue;
    let geometry: Geometry | null = null;
    let error: string | null = null;
    try {
      switch (e.type) {
        case 'LWPOLYLINE':
        case 'POLYLINE': {
          if (e.isPolyfaceMesh || e.is3dPolygonMesh) throw new Error('polygon meshes are not supported');
          let vs = e.vertices as Array<{ x: number; y: number; bulge?: number }>;
          // Many drawings close a parcel by repeating its first vertex rather than by the "closed" flag.
          const [first, last] = [vs[0], vs[vs.length - 1]];
          const repeated = vs.length >= 4 && first.x === last.x && first.y === last.y;
          if (repeated) vs = vs.slice(0, -1);
          const closed = Boolean(e.shape) || repeated;
          const pts = polylinePoints(vs, closed);
          geometry = closed && polygonLayer ? { type: 'Polygon', coordinates: [pts] } : { type: 'LineString', coordinates: pts };
          break;
        }
        case 'LINE': {
          const v = e.vertices as Array<{ x: number; y: number }>;
          geometry = { type: 'LineString', coordinates: v.map((p) => [p.x, p.y]) };
          break;
        }
        case 'ARC': {
          const c = e.center as { x: number; y: number };
          const [s, t] = [Number(e.startAngle), Number(e.endAngle)];
          geometry = { type: 'LineString', coordinates: circle(c.x, c.y, Number(e.radius), s, t < s ? t + 2 * Math.PI : t) };
          break;
        }
        case 'CIRCLE': {
          const c = e.center as { x: number; y: number };
          const ring = circle(c.x, c.y, Number(e.radius));
          ring[ring.length - 1] = ring[0];
          geometry = polygonLayer ? { type: 'Polygon', coordinates: [ring] } : { type: 'LineString', coordinates: ring };
          break;
        }
        case 'POINT': {
          const p = e.position as { x: number; y: number };
          geometry = { type: 'Point', coordinates: [p.x, p.y] };
          break;
        }
        case 'HATCH':
          geometry = ringsToPolygons(hatchRings((e as unknown as HatchEntity).groups));
          break;
        default:
          skipped.set(e.type, (skipped.get(e.type) ?? 0) + 1);
          continue;
      }
    } catch (err) {
      error = `${e.type}: ${(err as Error).message}`;
    }
    budget.add(geometry, `${e.type} ${String(e.handle ?? '')}`.trim());
    items.push(toItem({ dxf_layer: e.layer ?? null, dxf_type: e.type, dxf_handle: e.handle === undefined ? null : String(e.handle) }, geometry, { error }));
  }
  const warnings = [...skipped].map(([t, n]) => `${n} ${t} entit${n === 1 ? 'y was' : 'ies were'} skipped (not geometry this importer reads).`);
  warnings.push('DXF has no attributes: features are named after their drawing layer; add names after the import.');
  return { format: 'dxf', items, crs: { crs: null, from: 'DXF', unknown: 'a DXF drawing never records its coordinate system' }, warnings };
}
