import type * as maplibregl from 'maplibre-gl';
import type { LayerInfo } from '@contract/api';
import type { LayerControl } from '../../lib/layer-style';

/** What goes on the exported image besides the map. */
export interface PngFurniture {
  title: string;
  lang: 'zh' | 'en';
  layers: LayerInfo[];
  controls: Record<string, LayerControl>;
}

/** Ground metres per CSS pixel at a latitude and zoom (MapLibre's 512-px tiles). */
export function metresPerPixel(lat: number, zoom: number): number {
  return (40075016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** The largest 1-2-5 number of metres not above `max`. */
function niceMetres(max: number): number {
  const p = 10 ** Math.floor(Math.log10(max));
  return [5, 2, 1].map((m) => m * p).find((v) => v <= max) ?? p;
}

/**
 * Renders the map's current view at `scale` × its CSS size (by raising MapLibre's pixel ratio, then
 * reading the canvas inside the render event, before the frame is handed to the compositor, so no
 * preserveDrawingBuffer is needed), and composites a title band, legend, scale bar and north arrow.
 */
export async function exportPng(map: maplibregl.Map, scale: 1 | 2 | 4, f: PngFurniture): Promise<Blob> {
  const before = map.getPixelRatio();
  const cssW = map.getContainer().clientWidth;
  const cssH = map.getContainer().clientHeight;
  const out = document.createElement('canvas');
  out.width = Math.round(cssW * scale);
  out.height = Math.round(cssH * scale);
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas');
  // MapLibre clamps its canvas to maxCanvasSize (4096² by default) by lowering the pixel ratio; an
  // export is a one-off frame, so the limit is raised for it and put back afterwards.
  const internal = map as unknown as { _maxCanvasSize?: [number, number] };
  const savedMax = internal._maxCanvasSize;
  if (savedMax) internal._maxCanvasSize = [Math.max(savedMax[0], out.width), Math.max(savedMax[1], out.height)];
  try {
    map.setPixelRatio(scale);
    await new Promise<void>((resolve) => {
      map.once('idle', () => resolve());
      map.triggerRepaint();
    });
    await new Promise<void>((resolve, reject) => {
      map.once('render', () => {
        const canvas = map.getCanvas();
        if (canvas.width < out.width - 1 || canvas.height < out.height - 1) {
          reject(new Error(`The graphics card drew ${canvas.width}×${canvas.height} px, not ${out.width}×${out.height}: choose a smaller scale.`));
          return;
        }
        ctx.drawImage(canvas, 0, 0, out.width, out.height);
        resolve();
      });
      map.triggerRepaint();
    });
  } finally {
    if (savedMax) internal._maxCanvasSize = savedMax;
    map.setPixelRatio(before);
  }
  drawFurniture(ctx, map, scale, cssW, cssH, f);
  return new Promise<Blob>((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

function drawFurniture(ctx: CanvasRenderingContext2D, map: maplibregl.Map, s: number, w: number, h: number, f: PngFurniture) {
  const font = (px: number, bold = false) => `${bold ? 700 : 400} ${px * s}px "Noto Sans SC", sans-serif`;
  ctx.save();
  // Title band.
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.fillRect(0, 0, w * s, 44 * s);
  ctx.fillStyle = '#12324a';
  ctx.font = font(20, true);
  ctx.textBaseline = 'middle';
  ctx.fillText(f.title, 16 * s, 22 * s);
  ctx.font = font(12);
  ctx.textAlign = 'right';
  const date = new Date().toISOString().slice(0, 10);
  ctx.fillText(f.lang === 'zh' ? `产业空间一张图 · ${date}` : `Industrial Space Atlas · ${date}`, (w - 16) * s, 22 * s);
  ctx.textAlign = 'left';

  // Legend of the visible layers.
  const visible = f.layers.filter((l) => (f.controls[l.id]?.visible ?? l.style.visible ?? true) && l.theme !== 'basemap');
  const rowH = 18;
  const boxW = 220;
  const boxH = 28 + visible.length * rowH + 20;
  const x0 = 12;
  const y0 = h - 12 - boxH;
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.fillRect(x0 * s, y0 * s, boxW * s, boxH * s);
  ctx.fillStyle = '#12324a';
  ctx.font = font(13, true);
  ctx.fillText(f.lang === 'zh' ? '图例' : 'Legend', (x0 + 10) * s, (y0 + 15) * s);
  ctx.font = font(12);
  visible.forEach((l, i) => {
    const y = y0 + 30 + i * rowH;
    ctx.globalAlpha = f.controls[l.id]?.opacity ?? 1;
    ctx.fillStyle = l.style.color;
    ctx.fillRect((x0 + 10) * s, (y - 6) * s, 14 * s, 12 * s);
    ctx.globalAlpha = 1;
    ctx.fillStyle = '#1d2b36';
    ctx.fillText(f.lang === 'zh' ? l.title_zh : l.title_en, (x0 + 32) * s, y * s);
  });
  ctx.font = font(10);
  ctx.fillStyle = '#5b6b7a';
  ctx.fillText(f.lang === 'zh' ? '虚线/斜线为示意位置，非测绘' : 'Dashed/hatched: schematic, not surveyed', (x0 + 10) * s, (y0 + boxH - 9) * s);

  // Scale bar at the map's centre latitude.
  const c = map.getCenter();
  const mpp = metresPerPixel(c.lat, map.getZoom());
  const metres = niceMetres(mpp * 120);
  const barPx = metres / mpp;
  const bx = w - 24 - barPx;
  const by = h - 28;
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.fillRect((bx - 8) * s, (by - 22) * s, (barPx + 16) * s, 34 * s);
  ctx.fillStyle = '#1d2b36';
  ctx.fillRect(bx * s, by * s, barPx * s, 4 * s);
  ctx.font = font(12);
  ctx.textAlign = 'center';
  ctx.fillText(metres >= 1000 ? `${metres / 1000} km` : `${metres} m`, (bx + barPx / 2) * s, (by - 10) * s);

  // North arrow, turned by the bearing.
  const nx = w - 36;
  const ny = 84;
  ctx.translate(nx * s, ny * s);
  ctx.rotate((-map.getBearing() * Math.PI) / 180);
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.beginPath();
  ctx.arc(0, 0, 22 * s, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#12324a';
  ctx.beginPath();
  ctx.moveTo(0, -16 * s);
  ctx.lineTo(7 * s, 8 * s);
  ctx.lineTo(0, 3 * s);
  ctx.lineTo(-7 * s, 8 * s);
  ctx.closePath();
  ctx.fill();
  ctx.font = font(10, true);
  ctx.fillText('N', 0, 16 * s);
  ctx.restore();
}
