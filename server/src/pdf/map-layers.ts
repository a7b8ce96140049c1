import type { Doc } from './pdf-doc.js';
import type { MapFeature, PdfRepository, PrintLayer } from './pdf.repository.js';
import { defaultPaint, drawMap, drawNorthArrow, drawScaleBar, furnitureBoxes, type DrawLayer, type FeaturePaint, type MapExtras } from './map-render.js';
import { frameExtent, type MapFrame } from './mercator.js';
import { strings, type Lang } from './strings.js';

/** A layer to put on a printed map, with an optional paint override (null = feature not drawn). */
export interface LayerPlan {
  layer: PrintLayer;
  paint?: (f: MapFeature, base: FeaturePaint) => FeaturePaint | null;
  opacity: number;
}

/** What a drawn map showed: the features on it, by layer, for legends and source lists. */
export interface DrawnMap {
  features: MapFeature[];
  byLayer: Map<string, MapFeature[]>;
}

/**
 * Fetches the planned layers' features inside the frame (clipped a little beyond it, so cut edges
 * fall outside the clip), draws them with the map furniture (north arrow, scale bar), and reports
 * what was drawn. Simplification tolerance is a quarter point: finer detail cannot be seen on paper.
 */
export async function drawPlannedMap(doc: Doc, repo: PdfRepository, frame: MapFrame, plans: LayerPlan[], lang: Lang, extras: MapExtras = {}): Promise<DrawnMap> {
  const box = frameExtent(frame, 12);
  const features = await repo.mapFeatures(plans.map((p) => p.layer.id), box, frame.metresPerPt / 4);
  const byLayer = new Map<string, MapFeature[]>();
  for (const f of features) byLayer.set(f.layer_id, [...(byLayer.get(f.layer_id) ?? []), f]);
  const drawn = new Set<string>();
  const layers: DrawLayer[] = plans.map((p) => ({
    layer: p.layer,
    features: byLayer.get(p.layer.id) ?? [],
    paint: (f) => {
      const base = defaultPaint(p.layer, f, p.opacity);
      const paint = p.paint ? p.paint(f, base) : base;
      if (paint) drawn.add(f.id);
      return paint;
    },
  }));
  drawMap(doc, frame, layers, lang, { ...extras, reserved: [...(extras.reserved ?? []), ...furnitureBoxes(frame)] });
  drawNorthArrow(doc, frame, strings(lang).north);
  drawScaleBar(doc, frame);
  const shown = features.filter((f) => drawn.has(f.id));
  const shownByLayer = new Map<string, MapFeature[]>();
  for (const f of shown) shownByLayer.set(f.layer_id, [...(shownByLayer.get(f.layer_id) ?? []), f]);
  return { features: shown, byLayer: shownByLayer };
}
