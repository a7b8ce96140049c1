import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { Accuracy, GeometryKind, LayerInfo, LayerStyle, Theme } from '@contract/api';
import { HIGHLIGHT_COLOR, SCHEMATIC_DASH, SITE_STATUS_COLORS, darken, hatchOpacity, outlineWidth } from '@contract/map-style';
import { nameField, type Lang } from './i18n';

/*
 * One function, buildLayerRender, turns a LayerInfo into both the MapLibre layers and the legend
 * items, so the legend can never drift from what the map draws. Everything that decides how a class
 * of feature looks (accuracy line widths, dashes, hatching, label sizes) lives in this file.
 */

/** The font stack of every label; it must be a real CSS family because MapLibre draws CJK with it. */
export const LABEL_FONT = 'Noto Sans SC';

// How accuracy looks (widths, dashes, hatching) and the colour helpers are shared with the printed
// map through the contract, so the PDF cannot drift from the screen.
export { BACKGROUND_COLOR, HATCH, HIGHLIGHT_COLOR, SCHEMATIC_DASH, darken, hatchOpacity, outlineWidth, parseHex } from '@contract/map-style';

/** Per-layer user controls that change paint or layout but never the set of layers. */
export interface LayerControl {
  visible: boolean;
  /** 0–1, multiplies every opacity the style defines. */
  opacity: number;
}

/** A legend swatch, drawn by the legend with the same numbers the map paint uses. */
export interface LegendItem {
  geometry: GeometryKind;
  color: string;
  /** Outline / stroke colour. */
  strokeColor: string;
  fillOpacity: number;
  strokeWidth: number;
  strokeOpacity: number;
  dashed: boolean;
  /** Hatch pattern colour when the swatch shows schematic hatching. */
  hatch: string | null;
  hatchOpacity: number;
  /** Feature this swatch stands for (per-feature colours), or null for the whole layer. */
  featureId: string | null;
  /** The inventory status this swatch stands for (layer `sites`, coloured by status). */
  status?: keyof typeof SITE_STATUS_COLORS;
}

/** Everything one catalogue layer contributes to the map. */
export interface LayerRender {
  layerId: string;
  /** GeoJSON source holding the layer's geometries (promoteId `fid`). */
  sourceId: string;
  /** GeoJSON source holding one label point per polygon. */
  labelSourceId: string;
  /** Fill/line/circle layers, drawn in catalogue order. */
  body: LayerSpecification[];
  /** Label layers, drawn above all bodies so no fill hides a name. */
  labels: LayerSpecification[];
  /** Ids of the layers whose features answer clicks and hover. */
  interactive: string[];
  legend: LegendItem[];
  /** Hatch images (by colour) the body layers reference. */
  hatchColors: string[];
}

/** What the builder needs to know about the data: which geometry kinds and accuracies occur. */
export interface LayerDataSummary {
  kinds: Set<GeometryKind>;
  accuracies: Set<Accuracy>;
  /** Feature ids, to give featureColors a stable order in the legend. */
  featureIds: string[];
  /** Accuracy of each feature, for the per-feature legend swatches. */
  accuracyById: Map<string, Accuracy>;
}

/** Source id of a catalogue layer's geometries. */
export function sourceIdFor(layerId: string): string {
  return `atlas:${layerId}`;
}

/** Source id of a catalogue layer's polygon label points. */
export function labelSourceIdFor(layerId: string): string {
  return `atlas:${layerId}:labels`;
}

/** The map image name of a hatch tile in a colour. */
export function hatchImageName(color: string): string {
  return `atlas-hatch-${color.replace(/[^0-9a-z]/gi, '').toLowerCase()}`;
}

const POLYGON_TYPES: ExpressionSpecification = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
const LINE_TYPES: ExpressionSpecification = ['match', ['geometry-type'], ['LineString', 'MultiLineString'], true, false];
const POINT_TYPES: ExpressionSpecification = ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false];
const IS_SCHEMATIC: ExpressionSpecification = ['==', ['get', 'accuracy'], 'schematic'];
const HOVER: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
const SELECTED: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

/** Per-feature override colours, sorted by the order features appear in the data. */
function featureColorEntries(style: LayerStyle, summary: LayerDataSummary): Array<[string, string]> {
  const overrides = style.featureColors ?? {};
  const order = new Map(summary.featureIds.map((id, i) => [id, i]));
  return Object.entries(overrides).sort(
    ([a], [b]) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER),
  );
}

/** What a layer's colour follows: per-feature colours by `fid` (featureColors), or a property such as `status`. */
interface ColorBy {
  key: string;
  entries: Array<[string, string]>;
}

/** A colour expression matching `by.key` against its entries, else the layer colour; `shade` maps each colour (e.g. to its outline). */
function colorExpr(style: LayerStyle, by: ColorBy, shade: (c: string) => string = (c) => c): DataDrivenPropertyValueSpecification<string> {
  if (by.entries.length === 0) return shade(style.color);
  const match: unknown[] = ['match', ['get', by.key]];
  for (const [value, c] of by.entries) match.push(value, shade(c));
  match.push(shade(style.color));
  return match as ExpressionSpecification;
}

/**
 * Label priority by theme: MapLibre places the labels of higher layers first, so label layers are
 * stacked in this order (last = placed first). Parks and structure are what the atlas is about.
 */
export const LABEL_PRIORITY: Record<Theme, number> = {
  basemap: 0, networks: 1, sites: 2, nodes: 3, administrative: 4, zones: 5, structure: 6, parks: 7,
};

/** Label size (px) by theme: structure and parks lead, basemap recedes. */
function labelSize(info: LayerInfo): number {
  switch (info.theme) {
    case 'administrative': return 15;
    case 'parks': return 14;
    case 'structure': return 14;
    case 'zones': return 13;
    case 'basemap': return 12;
    default: return 12;
  }
}

/** Label colour by theme; all pass WCAG AA against the paper background with the white halo. */
function labelColor(info: LayerInfo): string {
  return info.theme === 'basemap' ? '#56606b' : '#1b2733';
}

/**
 * Builds the MapLibre layers and the legend of one catalogue layer.
 * Pure: the same input gives the same specs, which is what lets the map reconcile by diffing.
 */
export function buildLayerRender(info: LayerInfo, summary: LayerDataSummary, control: LayerControl, lang: Lang): LayerRender {
  const style = info.style;
  const op = Math.max(0, Math.min(1, control.opacity));
  const visibility: 'visible' | 'none' = control.visible ? 'visible' : 'none';
  const sourceId = sourceIdFor(info.id);
  const labelSourceId = labelSourceIdFor(info.id);
  const entries = featureColorEntries(style, summary);
  // The inventory is coloured by status (unless staff set per-feature colours): what is available reads at a
  // glance; a site of unknown status keeps the layer colour.
  const byStatus = info.id === 'sites' && entries.length === 0;
  const colorBy: ColorBy = byStatus ? { key: 'status', entries: Object.entries(SITE_STATUS_COLORS) } : { key: 'fid', entries };
  const fill = colorExpr(style, colorBy);
  const stroke = colorExpr(style, colorBy, (c) => darken(c, 0.3));
  const fillOpacity = style.fillOpacity ?? 0.25;
  const lineWidth = style.lineWidth ?? 1.6;
  const outlineBase = style.lineWidth ?? 1.5;
  const drawLabels = style.labels ?? true;
  const id = (part: string) => `atlas:${info.id}:${part}`;
  const textField: ExpressionSpecification = ['coalesce', ['get', nameField(lang)], ['get', 'name_zh']];
  const kinds = new Set(summary.kinds);
  kinds.add(info.geometry_type);

  const body: LayerSpecification[] = [];
  const labels: LayerSpecification[] = [];
  const interactive: string[] = [];
  const legend: LegendItem[] = [];
  const hatchColors = new Set<string>();
  // The swatch of the layer's first geometry kind, in another colour: what the per-status legend entries are drawn with.
  let swatchIn: ((color: string) => LegendItem) | null = null;
  // The legend shows the layer the way most of it is drawn: hatched only if it is all schematic.
  const allSchematic = summary.accuracies.size > 0 && [...summary.accuracies].every((a) => a === 'schematic');
  const legendAccuracy: Accuracy = allSchematic ? 'schematic' : summary.accuracies.has('surveyed') && !summary.accuracies.has('digitised') ? 'surveyed' : 'digitised';

  const textLayout = {
    'text-field': textField,
    'text-font': [LABEL_FONT] as string[],
    'text-size': labelSize(info),
    'text-max-width': 10,
    'text-padding': 3,
    visibility,
  };
  const textPaint = {
    'text-color': labelColor(info),
    'text-halo-color': 'rgba(255,255,255,0.92)',
    'text-halo-width': 1.6,
    'text-halo-blur': 0.4,
    'text-opacity': op,
  } as const;

  if (kinds.has('polygon')) {
    // One fill layer for every accuracy (the opacity is data-driven: schematic areas get a fainter tint)
    // and one outline layer that also draws the hover/selection highlight, instead of a layer per case:
    // each style layer is another pass over the tiles, and the map's first idle is mostly such passes.
    body.push({
      id: id('fill'), type: 'fill', source: sourceId,
      filter: POLYGON_TYPES as FilterSpecification,
      layout: { visibility },
      paint: {
        'fill-color': fill,
        'fill-opacity': [
          'case',
          ['all', HOVER, IS_SCHEMATIC], Math.min(1, fillOpacity * 0.6 + 0.15) * op,
          HOVER, Math.min(1, fillOpacity + 0.15) * op,
          IS_SCHEMATIC, fillOpacity * 0.6 * op,
          fillOpacity * op,
        ],
      },
    });
    // Schematic areas: a faint tint plus diagonal hatching, so they never read as surveyed land.
    const hatchExpr = colorExpr(style, colorBy, (c) => hatchImageName(darken(c, 0.15)));
    for (const c of [style.color, ...colorBy.entries.map(([, v]) => v)]) hatchColors.add(darken(c, 0.15));
    body.push({
      id: id('hatch'), type: 'fill', source: sourceId,
      filter: ['all', POLYGON_TYPES, IS_SCHEMATIC] as FilterSpecification,
      layout: { visibility },
      paint: { 'fill-pattern': hatchExpr as DataDrivenPropertyValueSpecification<string>, 'fill-opacity': hatchOpacity(fillOpacity) * op },
    });
    body.push({
      id: id('outline'), type: 'line', source: sourceId,
      filter: POLYGON_TYPES as FilterSpecification,
      layout: { visibility, 'line-join': 'round' },
      paint: {
        'line-color': ['case', ['any', SELECTED, HOVER], HIGHLIGHT_COLOR, stroke] as DataDrivenPropertyValueSpecification<string>,
        'line-width': [
          'case', SELECTED, 3.2, HOVER, 2.2,
          ['match', ['get', 'accuracy'], 'surveyed', outlineWidth('surveyed', outlineBase), 'schematic', outlineWidth('schematic', outlineBase), outlineWidth('digitised', outlineBase)],
        ],
        // Schematic outlines dashed, the others solid (a dash with no gap).
        'line-dasharray': ['case', IS_SCHEMATIC, ['literal', SCHEMATIC_DASH], ['literal', [1, 0]]],
        'line-opacity': op,
      },
    });
    interactive.push(id('fill'));
    if (drawLabels) {
      labels.push({
        id: id('label'), type: 'symbol', source: labelSourceId,
        layout: { ...textLayout, 'text-anchor': 'center', 'symbol-sort-key': ['-', 0, ['coalesce', ['get', 'area_km2'], 0]] },
        paint: textPaint,
      });
    }
    const polygonItem = (color: string, featureId: string | null, accuracy: Accuracy): LegendItem => {
      const hatched = accuracy === 'schematic' && hatchOpacity(fillOpacity) > 0;
      return {
        geometry: 'polygon', color, strokeColor: darken(color, 0.3),
        fillOpacity: (accuracy === 'schematic' ? fillOpacity * 0.6 : fillOpacity) * op,
        strokeWidth: outlineWidth(accuracy, outlineBase), strokeOpacity: op,
        dashed: accuracy === 'schematic',
        hatch: hatched ? darken(color, 0.15) : null, hatchOpacity: hatched ? hatchOpacity(fillOpacity) * op : 0,
        featureId,
      };
    };
    legend.push(polygonItem(style.color, null, legendAccuracy));
    swatchIn ??= (c) => polygonItem(c, null, legendAccuracy);
    for (const [fid, c] of entries) legend.push(polygonItem(c, fid, summary.accuracyById.get(fid) ?? legendAccuracy));
  }

  if (kinds.has('line')) {
    const width: ExpressionSpecification = ['case', SELECTED, lineWidth + 2, HOVER, lineWidth + 1, lineWidth];
    body.push({
      id: id('line-casing'), type: 'line', source: sourceId,
      filter: LINE_TYPES as FilterSpecification,
      layout: { visibility, 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': HIGHLIGHT_COLOR,
        'line-width': lineWidth + 5,
        'line-opacity': ['case', SELECTED, 0.85, HOVER, 0.35, 0],
      },
    });
    body.push({
      id: id('line'), type: 'line', source: sourceId,
      filter: LINE_TYPES as FilterSpecification,
      layout: { visibility, 'line-join': 'round', 'line-cap': 'round' },
      // Schematic lines dashed; their gap one width longer than the outlines' because round caps eat half a width at each end.
      paint: { 'line-color': fill, 'line-width': width, 'line-dasharray': ['case', IS_SCHEMATIC, ['literal', [SCHEMATIC_DASH[0], SCHEMATIC_DASH[1] + 1]], ['literal', [1, 0]]], 'line-opacity': op },
    });
    interactive.push(id('line'));
    if (drawLabels) {
      labels.push({
        id: id('line-label'), type: 'symbol', source: sourceId,
        filter: LINE_TYPES as FilterSpecification,
        layout: { ...textLayout, 'text-size': Math.min(12, labelSize(info)), 'symbol-placement': 'line', 'symbol-spacing': 320, 'text-max-angle': 30 },
        paint: textPaint,
      });
    }
    const lineItem = (color: string, featureId: string | null, dashed: boolean): LegendItem => ({
      geometry: 'line', color, strokeColor: color, fillOpacity: 0, strokeWidth: lineWidth, strokeOpacity: op,
      dashed, hatch: null, hatchOpacity: 0, featureId,
    });
    legend.push(lineItem(style.color, null, allSchematic));
    swatchIn ??= (c) => lineItem(c, null, allSchematic);
    for (const [fid, c] of entries) legend.push(lineItem(c, fid, summary.accuracyById.get(fid) === 'schematic'));
  }

  if (kinds.has('point')) {
    const radius = Math.max(4, lineWidth + 3);
    // Schematic points are hollow rings; placed points are solid dots.
    body.push({
      id: id('circle'), type: 'circle', source: sourceId,
      filter: POINT_TYPES as FilterSpecification,
      layout: { visibility },
      paint: {
        'circle-radius': ['case', SELECTED, radius + 3, HOVER, radius + 1.5, radius],
        'circle-color': ['case', IS_SCHEMATIC, '#ffffff', fill] as ExpressionSpecification,
        'circle-stroke-color': ['case', SELECTED, HIGHLIGHT_COLOR, IS_SCHEMATIC, fill, '#ffffff'] as ExpressionSpecification,
        'circle-stroke-width': ['case', SELECTED, 3, IS_SCHEMATIC, 2.2, 1.5],
        'circle-opacity': op,
        'circle-stroke-opacity': op,
      },
    });
    interactive.push(id('circle'));
    if (drawLabels) {
      labels.push({
        id: id('point-label'), type: 'symbol', source: sourceId,
        filter: POINT_TYPES as FilterSpecification,
        layout: {
          ...textLayout,
          'text-size': Math.min(12.5, labelSize(info)),
          'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
          'text-radial-offset': 0.9,
          'text-justify': 'auto',
        },
        paint: textPaint,
      });
    }
    const pointItem = (color: string, featureId: string | null, hollow: boolean): LegendItem => ({
      geometry: 'point', color: hollow ? '#ffffff' : color, strokeColor: hollow ? color : '#ffffff',
      fillOpacity: op, strokeWidth: hollow ? 2.2 : 1.5, strokeOpacity: op, dashed: false, hatch: null, hatchOpacity: 0, featureId,
    });
    legend.push(pointItem(style.color, null, allSchematic));
    swatchIn ??= (c) => pointItem(c, null, allSchematic);
    for (const [fid, c] of entries) legend.push(pointItem(c, fid, summary.accuracyById.get(fid) === 'schematic'));
  }

  if (byStatus && swatchIn) {
    // One swatch per status; the layer swatch stays for "status unknown".
    for (const [status, c] of Object.entries(SITE_STATUS_COLORS)) legend.push({ ...swatchIn(c), status: status as keyof typeof SITE_STATUS_COLORS });
  }

  return { layerId: info.id, sourceId, labelSourceId, body, labels, interactive, legend, hatchColors: [...hatchColors] };
}

/** The legend swatch explaining one accuracy class, built from the same constants as the map. */
export function accuracyLegendItem(accuracy: Accuracy, color = '#5b6b7a'): LegendItem {
  return {
    geometry: 'polygon', color, strokeColor: darken(color, 0.3),
    fillOpacity: accuracy === 'schematic' ? 0.12 : 0.2,
    strokeWidth: outlineWidth(accuracy), strokeOpacity: 1,
    dashed: accuracy === 'schematic', hatch: accuracy === 'schematic' ? darken(color, 0.15) : null,
    hatchOpacity: accuracy === 'schematic' ? hatchOpacity(0.25) : 0, featureId: null,
  };
}
