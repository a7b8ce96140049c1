import { describe, expect, it } from 'vitest';
import { expression, latest, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Accuracy, GeometryKind, LayerInfo } from '../../contract/api';
import { SITE_STATUS_COLORS, darken } from '../../contract/map-style';
import { buildLayerRender, type LayerDataSummary } from '../../client/src/lib/layer-style';
import { toMapData } from '../../client/src/lib/atlas-data';

/** A catalogue layer as GET /api/layers gives it (only what the renderer reads matters). */
function layer(id: string, geometry: GeometryKind, color: string, featureColors?: Record<string, string>): LayerInfo {
  return {
    id, title_zh: id, title_en: id, theme: 'sites', kind: 'site', geometry_type: geometry, sort: 70,
    style: { color, labels: false, visible: true, ...(featureColors ? { featureColors } : {}) },
  } as unknown as LayerInfo;
}

function summary(geometry: GeometryKind, accuracy: Accuracy): LayerDataSummary {
  return { kinds: new Set([geometry]), accuracies: new Set([accuracy]), featureIds: ['a'], accuracyById: new Map([['a', accuracy]]) };
}

/** Evaluates a paint property of a built layer for one feature with MapLibre's own expression engine. */
function paint(spec: { type: string; paint?: Record<string, unknown> }, prop: string, properties: Record<string, unknown>): string {
  const ref = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)[`paint_${spec.type}`][prop];
  const parsed = expression.createExpression(spec.paint![prop], prop, ref);
  if (parsed.result !== 'success') throw new Error(`${prop}: ${parsed.value.map((e) => e.message).join('; ')}`);
  const c = parsed.value.evaluate({ zoom: 12 }, { type: 'Point', properties, id: 'a' } as never, {}) as string | { r: number; g: number; b: number };
  // A literal colour comes back as written; a computed one as a Color (premultiplied 0–1 channels, opaque here).
  if (typeof c === 'string') return c.toLowerCase();
  const hex = (v: number) => Math.round(v * 255).toString(16).padStart(2, '0');
  return `#${hex(c.r)}${hex(c.g)}${hex(c.b)}`;
}

describe('the Sites layer is coloured by inventory status', () => {
  it('draws each status in its colour and a site of unknown status in the layer colour, as points and as plots', () => {
    for (const geometry of ['point', 'polygon'] as const) {
      const r = buildLayerRender(layer('sites', geometry, '#c62828'), summary(geometry, 'digitised'), { visible: true, opacity: 1 }, 'zh');
      const body = r.body.find((b) => b.type === (geometry === 'point' ? 'circle' : 'fill'))!;
      const prop = geometry === 'point' ? 'circle-color' : 'fill-color';
      for (const [status, color] of Object.entries(SITE_STATUS_COLORS)) {
        expect(paint(body, prop, { status, accuracy: 'digitised', fid: 'a' }), `${geometry} ${status}`).toBe(color);
      }
      expect(paint(body, prop, { status: null, accuracy: 'digitised', fid: 'a' })).toBe('#c62828');
      expect(paint(body, prop, { accuracy: 'digitised', fid: 'a' })).toBe('#c62828');
      if (geometry === 'polygon') {
        const outline = r.body.find((b) => b.id.endsWith(':outline'))!;
        expect(paint(outline, 'line-color', { status: 'available', accuracy: 'digitised', fid: 'a' })).toBe(darken(SITE_STATUS_COLORS.available, 0.3));
      }
    }
  });

  it('keeps the status in the map data the layer is drawn from, so a site is drawn in its status colour', () => {
    // A sites feature as GET /api/layers/sites/features gives it: the map source is what toMapData makes of it.
    const fc = {
      type: 'FeatureCollection',
      features: ['available', 'planned', null].map((status, i) => ({
        type: 'Feature', id: `s${i}`, geometry: { type: 'Point', coordinates: [119.9, 32.3] },
        properties: { layer_id: 'sites', name_zh: `地块${i}`, name_en: `Site ${i}`, accuracy: 'schematic', status, citations: [] },
      })),
    } as unknown as Parameters<typeof toMapData>[0];
    const r = buildLayerRender(layer('sites', 'point', '#c62828'), summary('point', 'schematic'), { visible: true, opacity: 1 }, 'zh');
    const circle = r.body.find((b) => b.type === 'circle')!;
    const drawn = toMapData(fc).features.map((f) => paint(circle, 'circle-stroke-color', f.properties!));
    expect(drawn).toEqual([SITE_STATUS_COLORS.available, SITE_STATUS_COLORS.planned, '#c62828']);
  });

  it('gives the legend one swatch per status in the colour the map uses, hollow where the sites are schematic', () => {
    const r = buildLayerRender(layer('sites', 'point', '#c62828'), summary('point', 'schematic'), { visible: true, opacity: 1 }, 'zh');
    const statuses = r.legend.filter((l) => l.status);
    expect(statuses.map((l) => l.status)).toEqual(['available', 'reserved', 'planned', 'occupied']);
    for (const l of statuses) {
      expect(l.color).toBe('#ffffff');
      expect(l.strokeColor).toBe(SITE_STATUS_COLORS[l.status!]);
    }
    // The hollow ring of a schematic site is stroked in its status colour on the map too.
    const circle = r.body.find((b) => b.type === 'circle')!;
    expect(paint(circle, 'circle-stroke-color', { status: 'planned', accuracy: 'schematic', fid: 'a' })).toBe(SITE_STATUS_COLORS.planned);
  });

  it('leaves other layers, and a sites layer with per-feature colours set by staff, as they were', () => {
    const parks = buildLayerRender({ ...layer('parks', 'polygon', '#2a6f97'), theme: 'parks' } as LayerInfo, summary('polygon', 'digitised'), { visible: true, opacity: 1 }, 'zh');
    const fill = parks.body.find((b) => b.type === 'fill')!;
    expect(paint(fill, 'fill-color', { status: 'available', accuracy: 'digitised', fid: 'a' })).toBe('#2a6f97');
    expect(parks.legend.some((l) => l.status)).toBe(false);
    const custom = buildLayerRender(layer('sites', 'point', '#c62828', { a: '#123456' }), summary('point', 'digitised'), { visible: true, opacity: 1 }, 'zh');
    expect(paint(custom.body.find((b) => b.type === 'circle')!, 'circle-color', { status: 'available', accuracy: 'digitised', fid: 'a' })).toBe('#123456');
    expect(custom.legend.some((l) => l.status)).toBe(false);
  });
});
