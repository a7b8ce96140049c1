/*
 * How a class of feature looks on paper. The numbers are those of the web map
 * (client/src/lib/layer-style.ts: SCHEMATIC_DASH, outlineWidth, hatchOpacity, HATCH, darken,
 * BACKGROUND_COLOR) so a printed map reads like the screen; widths are CSS px, converted to points
 * at 96 dpi where they are drawn. The client cannot be imported from the server, so they are
 * repeated here; moving both to contract/ would make them one.
 */

export type Accuracy = 'surveyed' | 'digitised' | 'schematic';
export type GeometryKind = 'polygon' | 'line' | 'point';

/** A layer's style hints as stored in layers.style. */
export interface LayerStyle {
  color: string;
  fillOpacity?: number;
  lineWidth?: number;
  featureColors?: Record<string, string>;
  labels?: boolean;
  visible?: boolean;
}

/** Map background: the web map's plain paper tone. */
export const MAP_BACKGROUND = '#f4f3ef';
/** Colour of selection outlines. */
export const HIGHLIGHT_COLOR = '#0f2a3d';
/** Line dash in line widths for every schematic outline and line. */
export const SCHEMATIC_DASH: [number, number] = [3, 2];
/** Hatch spacing and stroke of schematic polygons, CSS px. */
export const HATCH = { size: 8, stroke: 1.4 } as const;

/** Outline width (px) by accuracy: surveyed thick, digitised thin, schematic at the base width but dashed. */
export function outlineWidth(accuracy: Accuracy, base = 1.5): number {
  if (accuracy === 'surveyed') return base + 1.2;
  if (accuracy === 'digitised') return Math.max(0.8, base * 0.6);
  return base;
}

/** Opacity of the schematic hatch: follows the fill opacity, capped so what lies below stays legible. */
export function hatchOpacity(fillOpacity: number): number {
  return Math.min(0.55, fillOpacity * 2);
}

/** Parses #rgb / #rrggbb; anything else is grey so a bad style never breaks a print. */
export function parseHex(color: string): [number, number, number] {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return [128, 128, 128];
  const hex = m[1].length === 3 ? m[1].split('').map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** A colour as #rrggbb (pdfkit accepts only well-formed colours). */
export function normaliseHex(color: string): string {
  return `#${parseHex(color).map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** Mixes a colour towards black by `amount` (0–1); outlines are a darker shade of their fill. */
export function darken(color: string, amount = 0.3): string {
  const rgb = parseHex(color).map((c) => Math.round(c * (1 - amount)));
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** The colour of one feature: its per-feature override, else the layer's colour. */
export function featureColor(style: LayerStyle, featureId: string): string {
  return normaliseHex(style.featureColors?.[featureId] ?? style.color);
}

/** Label priority by theme (higher is placed first), as on the web map. */
export const LABEL_PRIORITY: Record<string, number> = {
  basemap: 0, networks: 1, sites: 2, nodes: 3, administrative: 4, zones: 5, structure: 6, parks: 7,
};

/** Label size (px) by theme: structure and parks lead, basemap recedes. */
export function labelSize(theme: string, geometry: GeometryKind): number {
  const base = theme === 'administrative' ? 15 : theme === 'parks' || theme === 'structure' ? 14 : theme === 'zones' ? 13 : 12;
  if (geometry === 'line') return Math.min(12, base);
  if (geometry === 'point') return Math.min(12.5, base);
  return base;
}

/** Label colour by theme. */
export function labelColor(theme: string): string {
  return theme === 'basemap' ? '#56606b' : '#1b2733';
}

/** What one swatch of a legend shows; the same fields the web legend draws from. */
export interface LegendSwatch {
  geometry: GeometryKind;
  color: string;
  strokeColor: string;
  fillOpacity: number;
  strokeWidth: number;
  strokeOpacity: number;
  dashed: boolean;
  hatch: string | null;
  hatchOpacity: number;
}

/** The swatch of a layer (or of one per-feature colour), drawn the way most of the layer is drawn. */
export function legendSwatch(geometry: GeometryKind, style: LayerStyle, color: string, accuracy: Accuracy, opacity: number): LegendSwatch {
  const fillOpacity = style.fillOpacity ?? 0.25;
  const lineWidth = style.lineWidth ?? 1.6;
  const c = normaliseHex(color);
  if (geometry === 'polygon') {
    const hatched = accuracy === 'schematic' && hatchOpacity(fillOpacity) > 0;
    return {
      geometry, color: c, strokeColor: darken(c, 0.3),
      fillOpacity: (accuracy === 'schematic' ? fillOpacity * 0.6 : fillOpacity) * opacity,
      strokeWidth: outlineWidth(accuracy, style.lineWidth ?? 1.5), strokeOpacity: opacity, dashed: accuracy === 'schematic',
      hatch: hatched ? darken(c, 0.15) : null, hatchOpacity: hatched ? hatchOpacity(fillOpacity) * opacity : 0,
    };
  }
  if (geometry === 'line') {
    return { geometry, color: c, strokeColor: c, fillOpacity: 0, strokeWidth: lineWidth, strokeOpacity: opacity, dashed: accuracy === 'schematic', hatch: null, hatchOpacity: 0 };
  }
  const hollow = accuracy === 'schematic';
  return {
    geometry, color: hollow ? '#ffffff' : c, strokeColor: hollow ? c : '#ffffff', fillOpacity: opacity,
    strokeWidth: hollow ? 2.2 : 1.5, strokeOpacity: opacity, dashed: false, hatch: null, hatchOpacity: 0,
  };
}
