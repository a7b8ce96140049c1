/*
 * How a class of feature looks, shared by the web map (client/src/lib/layer-style.ts) and the printed
 * map (server/src/pdf/map-style.ts), so paper reads like the screen. Widths are CSS px; the PDF
 * converts them to points at 96 dpi where it draws them.
 */
import type { Accuracy } from './api';

/** Map background: a plain paper tone, because the basemap is drawn from the project's own layers. */
export const BACKGROUND_COLOR = '#f4f3ef';

/** Colour of hover/selection outlines. */
export const HIGHLIGHT_COLOR = '#0f2a3d';

/** Line dash, in line widths, used for every schematic outline and line. */
export const SCHEMATIC_DASH: [number, number] = [3, 2];

/** Hatch tile: spacing and stroke of the diagonal lines, in CSS px; shared by the map image, the legend SVG and the PDF. */
export const HATCH = { size: 8, stroke: 1.4 } as const;

/**
 * Outline width (px) of a polygon by accuracy, from the layer's lineWidth: surveyed thick, digitised
 * thin, schematic at the base width but dashed.
 */
export function outlineWidth(accuracy: Accuracy, base = 1.5): number {
  if (accuracy === 'surveyed') return base + 1.2;
  if (accuracy === 'digitised') return Math.max(0.8, base * 0.6);
  return base;
}

/**
 * Opacity of the schematic hatch: it stands in for the fill, so it follows the layer's fillOpacity
 * (an outline-only layer gets no hatch) and stays low so labels and layers below remain legible.
 */
export function hatchOpacity(fillOpacity: number): number {
  return Math.min(0.55, fillOpacity * 2);
}

/** Parses #rgb / #rrggbb; unknown input falls back to grey so a bad style never breaks a map or a print. */
export function parseHex(color: string): [number, number, number] {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return [128, 128, 128];
  const hex = m[1].length === 3 ? m[1].split('').map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** Mixes a colour towards black by `amount` (0–1); outlines are a darker shade of their fill. */
export function darken(color: string, amount = 0.3): string {
  const rgb = parseHex(color).map((c) => Math.round(c * (1 - amount)));
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The inventory's status colours (layer `sites` is coloured by status, not by one colour): green for
 * what an investor can take, amber for reserved, blue for planned, grey for occupied. None is a park
 * colour, the highlight or the layer's own red, which stays for a site whose status is not known.
 */
export const SITE_STATUS_COLORS = {
  available: '#1a9850',
  reserved: '#d98e04',
  planned: '#2f6fb5',
  occupied: '#6e6e6e',
} as const;
