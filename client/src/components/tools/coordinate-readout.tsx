import { useEffect, useId, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { ExportCrs } from '@contract/api';
import { useI18n } from '../../hooks/use-i18n';
import { useMapControl } from '../../hooks/use-map-control';
import { CRS_CHOICES, asWgs84, coordinateText, type LngLatWgs84 } from '../../lib/projections';

const CRS_STORAGE = 'atlas.coordinateCrs';

function storedCrs(): ExportCrs {
  try {
    const v = localStorage.getItem(CRS_STORAGE);
    return (CRS_CHOICES as readonly string[]).includes(v ?? '') ? (v as ExportCrs) : 'EPSG:4326';
  } catch {
    return 'EPSG:4326';
  }
}

/** The pointer's position on the map in WGS84, CGCS2000 or EPSG:4549 metres, with the CRS switch. */
export function CoordinateReadout({ map }: { map: MapLibreMap | null }) {
  const { t } = useI18n();
  const [crs, setCrs] = useState<ExportCrs>(storedCrs);
  const [at, setAt] = useState<LngLatWgs84 | null>(null);
  const selectId = useId();
  // Beside the scale bar, in the corner the app keeps clear of the layer panel.
  const host = useMapControl(map, 'bottom-left', 'staff-ctrl');

  useEffect(() => {
    if (!map) return;
    let frame = 0;
    let next: LngLatWgs84 | null = null;
    const flush = () => {
      frame = 0;
      setAt(next);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(flush);
    };
    const onMove = (e: MapMouseEvent) => {
      next = asWgs84(e.lngLat.lng, e.lngLat.lat);
      schedule();
    };
    const onOut = () => {
      next = null;
      schedule();
    };
    map.on('mousemove', onMove);
    map.on('mouseout', onOut);
    return () => {
      map.off('mousemove', onMove);
      map.off('mouseout', onOut);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [map]);

  const change = (value: ExportCrs) => {
    setCrs(value);
    try {
      localStorage.setItem(CRS_STORAGE, value);
    } catch {
      // Private mode: the choice is just not remembered.
    }
  };

  const text = at ? coordinateText(at, crs) : null;
  if (!host) return null;
  return createPortal(
    <div className="coord-readout" data-crs={crs}>
      <label htmlFor={selectId} className="visually-hidden">{t.staff.coordinateSystem}</label>
      <select id={selectId} value={crs} onChange={(e) => change(e.target.value as ExportCrs)} title={t.staff.crsTips[crs]}>
        {CRS_CHOICES.map((c) => (
          <option key={c} value={c} title={t.staff.crsTips[c]}>
            {c === 'EPSG:4326' ? `WGS84 · ${c}` : c === 'EPSG:4490' ? `CGCS2000 · ${c}` : `${c} · 3° GK 120°E`}
          </option>
        ))}
      </select>
      <span className="coord-info" title={t.staff.crsTips[crs]} aria-label={t.staff.crsTips[crs]} role="img">ⓘ</span>
      <output className="coord-value" aria-label={t.staff.coordinates} data-x={text?.x} data-y={text?.y}>
        {text ? (
          crs === 'EPSG:4549' ? (
            <>
              <span>{text.xLabel} {text.x} m</span>
              <span>{text.yLabel} {text.y} m</span>
            </>
          ) : (
            <>
              <span>{text.x}°E</span>
              <span>{text.y}°N</span>
            </>
          )
        ) : (
          <span className="muted">{t.staff.pointerOffMap}</span>
        )}
      </output>
    </div>,
    host,
  );
}
