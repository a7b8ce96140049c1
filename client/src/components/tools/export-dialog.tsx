import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { MapMouseEvent, Map as MapLibreMap } from 'maplibre-gl';
import { bbox as turfBbox } from '@turf/turf';
import { TerraDrawRectangleMode } from 'terra-draw';
import type { ExportCrs, ExportFormat } from '@contract/api';
import { useI18n } from '../../hooks/use-i18n';
import { useMapOverlay, type OverlayStyle } from '../../hooks/use-map-overlay';
import { useStaff } from '../../hooks/use-staff';
import { useTerraDraw } from '../../hooks/use-terra-draw';
import { exportUrl } from '../../lib/api';
import { pick } from '../../lib/i18n';
import { CRS_CHOICES } from '../../lib/projections';

const FORMATS: ExportFormat[] = ['geojson', 'shp', 'gpkg', 'kml', 'csv', 'fgb', 'gdb', 'dxf'];
const SELECTION_COLOR = '#0b6680';
const OVERLAY: Record<string, OverlayStyle> = {
  bbox: { color: SELECTION_COLOR, width: 2, dash: [3, 2], fillOpacity: 0.06 },
  selected: { color: SELECTION_COLOR, width: 3.5, fillOpacity: 0.15 },
};
/** Picking order as on the map: points, then lines, then areas. */
const KIND_RANK: Record<string, number> = { circle: 0, line: 1, fill: 2 };

type Scope = 'layer' | 'selection' | 'bbox';
type BBox = [number, number, number, number];

/** The top atlas feature under a click (same ranking as the app's own picking). */
function pickAt(map: MapLibreMap, e: MapMouseEvent): string | null {
  const ids = (map.getStyle().layers ?? [])
    .filter((l) => l.id.startsWith('atlas:') && !l.id.endsWith(':label') && (l.type === 'fill' || l.type === 'line' || l.type === 'circle'))
    .filter((l) => map.getLayoutProperty(l.id, 'visibility') !== 'none')
    .map((l) => l.id);
  const p = e.point;
  const hits = map.queryRenderedFeatures([[p.x - 4, p.y - 4], [p.x + 4, p.y + 4]], { layers: ids });
  const exact = new Set(map.queryRenderedFeatures(p, { layers: ids }).map((f) => String(f.properties.fid)));
  const best = hits
    .map((f, i) => ({ f, i, rank: KIND_RANK[f.layer.type] ?? 3 }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .find((h) => h.f.layer.type !== 'fill' || exact.has(String(h.f.properties.fid)));
  return best ? String(best.f.properties.fid) : null;
}

/** While mounted, clicks on the map toggle features in the selection; its hint says ready (data-ready) once they do. */
function FeaturePicker({ map, onPick, hint }: { map: MapLibreMap; onPick: (id: string) => void; hint: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const onClick = (e: MapMouseEvent) => {
      const id = pickAt(map, e);
      if (id) onPick(id);
    };
    map.on('click', onClick);
    map.getCanvas().style.cursor = 'copy';
    setReady(true);
    return () => {
      map.off('click', onClick);
      map.getCanvas().style.cursor = '';
    };
  }, [map, onPick]);
  return (
    <p className="staff-hint" data-ready={ready ? 'true' : 'false'}>
      {hint}
    </p>
  );
}

/**
 * While mounted, two clicks on the map draw the export box (terra-draw rectangle). Its hint says
 * "ready" (data-ready) only once the rectangle mode is live, so a click made before is not lost unseen.
 */
function BoxPicker({ onBox, hint }: { onBox: (b: BBox) => void; hint: string }) {
  const staff = useStaff();
  const draw = useTerraDraw(staff?.map ?? null, () => [new TerraDrawRectangleMode({ styles: { fillColor: SELECTION_COLOR, fillOpacity: 0.08, outlineColor: SELECTION_COLOR, outlineWidth: 2 } })]);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!draw) return;
    draw.setMode('rectangle');
    const onFinish = (id: string | number) => {
      const f = draw.getSnapshotFeature(id);
      if (f) onBox(turfBbox(f) as BBox);
    };
    draw.on('finish', onFinish);
    setReady(true);
    return () => {
      setReady(false);
      draw.off('finish', onFinish);
    };
  }, [draw, onBox]);
  return (
    <p className="staff-hint" data-ready={ready ? 'true' : 'false'}>
      {hint}
    </p>
  );
}

/** The export dialog: a layer, features picked on the map or a box, in a format and CRS, as a download. */
export function ExportDialog({ selectedId, onClaimMap }: { selectedId: string | null; onClaimMap: (claimed: boolean) => void }) {
  const { lang, t } = useI18n();
  const staff = useStaff()!;
  const id = useId();
  const layers = staff.layers ?? [];
  const [scope, setScope] = useState<Scope>(selectedId ? 'selection' : 'layer');
  const [layerId, setLayerId] = useState<string>(() => (selectedId ? (staff.index.get(selectedId)?.layer.id ?? '') : '') || 'parks');
  const [bboxLayer, setBboxLayer] = useState('');
  const [ids, setIds] = useState<string[]>(() => (selectedId ? [selectedId] : []));
  const [box, setBox] = useState<BBox | null>(null);
  const [format, setFormat] = useState<ExportFormat>('gpkg');
  const [crs, setCrs] = useState<ExportCrs>('EPSG:4549');
  const [picking, setPicking] = useState(false);

  useEffect(() => {
    onClaimMap(picking);
    return () => onClaimMap(false);
  }, [picking, onClaimMap]);
  useEffect(() => setPicking(false), [scope]);

  const toggleId = useCallback((fid: string) => setIds((now) => (now.includes(fid) ? now.filter((x) => x !== fid) : [...now, fid])), []);
  const onBox = useCallback((b: BBox) => {
    setBox(b);
    setPicking(false);
  }, []);

  const overlay = useMemo<GeoJSON.Feature[]>(() => {
    if (scope === 'selection') {
      return ids.flatMap((fid) => {
        const f = staff.index.get(fid)?.feature;
        return f?.geometry ? [{ type: 'Feature' as const, geometry: f.geometry, properties: { role: 'selected' } }] : [];
      });
    }
    if (scope === 'bbox' && box && !picking) {
      const [x0, y0, x1, y1] = box;
      return [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] }, properties: { role: 'bbox' } }];
    }
    return [];
  }, [scope, ids, box, picking, staff.index]);
  useMapOverlay(staff.map, 'export', overlay, OVERLAY);

  const url =
    scope === 'layer' && layerId
      ? exportUrl({ layer: layerId, format, crs })
      : scope === 'selection' && ids.length
        ? exportUrl({ ids, format, crs })
        : scope === 'bbox' && box
          ? exportUrl({ bbox: box, layer: bboxLayer || undefined, format, crs })
          : null;
  const name = (fid: string) => {
    const f = staff.index.get(fid)?.feature;
    return f ? pick(lang, f.properties.name_zh, f.properties.name_en) : fid;
  };

  return (
    <div className="export-dialog" data-scope={scope}>
      <fieldset className="scope-choice">
        <legend>{t.staff.exportScope}</legend>
        {(['layer', 'selection', 'bbox'] as const).map((s) => (
          <label key={s} className="check-row">
            <input type="radio" name={`${id}-scope`} value={s} checked={scope === s} onChange={() => setScope(s)} />
            {s === 'layer' ? t.staff.scopeLayer : s === 'selection' ? t.staff.scopeSelection : t.staff.scopeBbox}
          </label>
        ))}
      </fieldset>

      {scope === 'layer' && (
        <>
          <label htmlFor={`${id}-layer`}>{t.staff.layerFilter}</label>
          <select id={`${id}-layer`} value={layerId} onChange={(e) => setLayerId(e.target.value)}>
            {layers.map((l) => (
              <option key={l.id} value={l.id}>{pick(lang, l.title_zh, l.title_en)} ({l.feature_count})</option>
            ))}
          </select>
        </>
      )}

      {scope === 'selection' && (
        <div className="selection-box">
          <button type="button" className="staff-button" aria-pressed={picking} onClick={() => setPicking((v) => !v)}>
            {picking ? t.staff.stopPicking : t.staff.pickFeatures}
          </button>
          {picking && staff.map && <FeaturePicker map={staff.map} onPick={toggleId} hint={t.staff.picking} />}
          <p className="staff-note" data-count={ids.length}>{ids.length ? t.staff.selectedCount(ids.length) : t.staff.nothingSelected}</p>
          <ul className="selection-list">
            {ids.map((fid) => (
              <li key={fid}>
                <span>{name(fid)}</span>
                <button type="button" className="icon-button" onClick={() => toggleId(fid)} title={t.staff.removeFromSelection} aria-label={`${t.staff.removeFromSelection}: ${name(fid)}`}>×</button>
              </li>
            ))}
          </ul>
        </div>
      )}

      {scope === 'bbox' && (
        <div className="selection-box">
          <button type="button" className="staff-button" aria-pressed={picking} onClick={() => setPicking((v) => !v)}>
            {picking ? t.staff.stopPicking : t.staff.pickBbox}
          </button>
          {picking && <BoxPicker onBox={onBox} hint={t.staff.bboxHint} />}
          <p className="staff-note">{box ? box.map((v) => v.toFixed(5)).join(', ') : t.staff.nothingSelected}</p>
          <label htmlFor={`${id}-bbox-layer`}>{t.staff.layerFilter}</label>
          <select id={`${id}-bbox-layer`} value={bboxLayer} onChange={(e) => setBboxLayer(e.target.value)}>
            <option value="">{t.staff.allLayers}</option>
            {layers.map((l) => (
              <option key={l.id} value={l.id}>{pick(lang, l.title_zh, l.title_en)}</option>
            ))}
          </select>
        </div>
      )}

      <label htmlFor={`${id}-format`}>{t.staff.format}</label>
      <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
        {FORMATS.map((f) => (
          <option key={f} value={f}>{t.staff.formats[f]}</option>
        ))}
      </select>
      <label htmlFor={`${id}-crs`}>{t.staff.crs}</label>
      <select id={`${id}-crs`} value={crs} onChange={(e) => setCrs(e.target.value as ExportCrs)} disabled={format === 'kml'} title={t.staff.crsTips[crs]}>
        {CRS_CHOICES.map((c) => (
          <option key={c} value={c} title={t.staff.crsTips[c]}>{c} · {t.staff.crsNames[c]}</option>
        ))}
      </select>
      <p className="staff-note">{format === 'kml' ? t.staff.kmlNote : t.staff.crsTips[crs]}</p>
      <div className="staff-actions">
        {url ? (
          <a className="staff-button primary" href={url} download data-url={url}>{t.staff.download}</a>
        ) : (
          <button type="button" className="staff-button primary" disabled>{t.staff.download}</button>
        )}
      </div>
    </div>
  );
}
