/*
 * How a class of feature looks on paper. The numbers and colour helpers are the web map's, shared
 * through contract/map-style.ts so a printed map reads like the screen; widths are CSS px,
 * converted to points at 96 dpi where they are drawn.
 */
import { darken, hatchOpacity, outlineWidth, parseHex } from '../../../contract/map-style.js';
export { HATCH, HIGHLIGHT_COLOR, SCHEMATIC_DASH, darken, hatchOpacity, outlineWidth, parseHex } from '../../../contract/map-style.js';
export { BACKGROUND_COLOR as MAP_BACKGROUND } from '../../../contract/map-style.js';

export type { Accuracy, GeometryKind, LayerStyle } from '../../../contract/api.js';
import type { Accuracy, GeometryKind, LayerStyle } from '../../../contract/api.js';

/** A colour as #rrggbb (pdfkit accepts only well-formed colours). */
export function normaliseHex(color: string): string {
  return `#${parseHex(color).map((c) => c.toString(16).padStart(2, '0')).join('')}`;
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
