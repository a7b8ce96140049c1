/**
 * Quick raster preview of the built layers (no basemap), for eyeballing the schematic geometry.
 *   npx tsx geodata/build/preview.ts [layer,layer,…] [out.png]     (default: all layers → /tmp/geodata-preview.png)
 * Not part of the data build; writes nothing under geodata/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import type { Geometry, Position } from 'geojson';

const GEODATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [x0, y0, x1, y1] = [119.805, 32.145, 120.085, 32.47];
const k = Math.cos((32.3 * Math.PI) / 180);
const W = 1400, H = Math.round(W * (y1 - y0) / ((x1 - x0) * k));
const png = new PNG({ width: W, height: H });
png.data.fill(255);
const px = (c: Position) => [((c[0] - x0) / (x1 - x0)) * W, ((y1 - c[1]) / (y1 - y0)) * H];
const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
function blend(x: number, y: number, col: number[], a: number) {
  if (x < 0 || y < 0 || x >= W || y >= H) return;
  const i = (y * W + x) * 4;
  for (let j = 0; j < 3; j++) png.data[i + j] = Math.round(png.data[i + j] * (1 - a) + col[j] * a);
}
function fillPoly(rings: Position[][], col: number[], a: number) {
  const pr = rings.map((r) => r.map(px));
  for (let y = 0; y < H; y++) {
    const xs: number[] = [];
    for (const r of pr) for (let i = 0; i < r.length - 1; i++) {
      const [ax, ay] = r[i], [bx, by] = r[i + 1];
      if ((ay <= y + 0.5 && by > y + 0.5) || (by <= y + 0.5 && ay > y + 0.5)) xs.push(ax + ((y + 0.5 - ay) / (by - ay)) * (bx - ax));
    }
    xs.sort((p, q) => p - q);
    for (let i = 0; i + 1 < xs.length; i += 2) for (let x = Math.ceil(xs[i]); x < xs[i + 1]; x++) blend(x, y, col, a);
  }
}
function drawLine(c: Position[], col: number[], w: number, a = 1) {
  const p = c.map(px);
  for (let i = 0; i < p.length - 1; i++) {
    const [ax, ay] = p[i], [bx, by] = p[i + 1];
    const n = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay)));
    for (let t = 0; t <= n; t++) {
      const x = ax + ((bx - ax) * t) / n, y = ay + ((by - ay) * t) / n;
      for (let dx = -w; dx <= w; dx++) for (let dy = -w; dy <= w; dy++) if (dx * dx + dy * dy <= w * w) blend(Math.round(x + dx), Math.round(y + dy), col, a);
    }
  }
}
function draw(g: Geometry, col: number[], fill: number, w: number): void {
  if (g.type === 'Polygon') { if (fill) fillPoly(g.coordinates, col, fill); g.coordinates.forEach((r) => drawLine(r, col, w)); }
  if (g.type === 'MultiPolygon') g.coordinates.forEach((p) => draw({ type: 'Polygon', coordinates: p }, col, fill, w));
  if (g.type === 'LineString') drawLine(g.coordinates, col, w);
  if (g.type === 'MultiLineString') g.coordinates.forEach((l) => drawLine(l, col, w));
  if (g.type === 'Point') drawLine([g.coordinates, g.coordinates], col, w + 3);
}
interface LayerMeta { id: string; geometry_type: string; style: { color: string; fillOpacity?: number; featureColors?: Record<string, string> } }
const layers = JSON.parse(fs.readFileSync(path.join(GEODATA, 'layers.json'), 'utf8')) as LayerMeta[];
const only = process.argv[2] ? process.argv[2].split(',') : null;
for (const l of layers) {
  if (only && !only.includes(l.id)) continue;
  const fc = JSON.parse(fs.readFileSync(path.join(GEODATA, `${l.id}.geojson`), 'utf8')) as { features: Array<{ id: string; geometry: Geometry }> };
  for (const f of fc.features) {
    const c = hex(l.style.featureColors?.[f.id] ?? l.style.color);
    draw(f.geometry, c, l.geometry_type === 'polygon' ? Math.max(0.12, l.style.fillOpacity ?? 0.2) : 0, l.geometry_type === 'polygon' ? 1 : l.id === 'roads' ? 1 : 2);
  }
}
const out = process.argv[3] ?? '/tmp/geodata-preview.png';
fs.writeFileSync(out, PNG.sync.write(png));
console.log(`${W}×${H} → ${out}`);
