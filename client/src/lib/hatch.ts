import { HATCH } from './layer-style';

/**
 * Draws one tile of the diagonal hatch used for schematic polygons, at `pixelRatio` for crisp lines.
 * Three strokes per tile so the diagonal continues seamlessly across tile edges.
 */
export function makeHatchImage(color: string, pixelRatio = 2): ImageData {
  const size = HATCH.size * pixelRatio;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  ctx.strokeStyle = color;
  ctx.lineWidth = HATCH.stroke * pixelRatio;
  for (const offset of [-size, 0, size]) {
    ctx.beginPath();
    ctx.moveTo(offset, size);
    ctx.lineTo(offset + size, 0);
    ctx.stroke();
  }
  return ctx.getImageData(0, 0, size, size);
}
