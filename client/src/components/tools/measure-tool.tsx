import { useEffect, useState } from 'react';
import { TerraDrawLineStringMode, TerraDrawPolygonMode } from 'terra-draw';
import { useI18n } from '../../hooks/use-i18n';
import { useStaff } from '../../hooks/use-staff';
import { useTerraDraw } from '../../hooks/use-terra-draw';
import { formatArea, formatLength, geodesicAreaM2, geodesicLengthM } from '../../lib/measure';

/** Measure colours: amber, apart from every layer colour and from the edit and diff colours. */
const MEASURE_STYLES = {
  fillColor: '#ffb000',
  fillOpacity: 0.18,
  outlineColor: '#9a4d00',
  outlineWidth: 2,
  lineStringColor: '#9a4d00',
  lineStringWidth: 3,
  closingPointColor: '#ffffff',
  closingPointOutlineColor: '#9a4d00',
  closingPointWidth: 5,
  closingPointOutlineWidth: 2,
} as const;

/** What is measured now: the shape being drawn (live) or the last one finished. */
interface Reading {
  kind: 'line' | 'polygon';
  lengthM: number;
  areaM2: number;
  vertices: number;
  done: boolean;
}

/** Distance or area measuring with a live geodesic readout; one measurement at a time. */
export function MeasureTool({ shape }: { shape: 'line' | 'polygon' }) {
  const { lang, t } = useI18n();
  const staff = useStaff();
  const map = staff?.map ?? null;
  const draw = useTerraDraw(map, () => [
    // A small closing distance: clicking a vertex near the first one must add it, not close the ring.
    new TerraDrawPolygonMode({ pointerDistance: 10, styles: MEASURE_STYLES }),
    new TerraDrawLineStringMode({ pointerDistance: 10, styles: MEASURE_STYLES }),
  ]);
  const [reading, setReading] = useState<Reading | null>(null);
  /** True once the mode is set and the readout listens: the first click counts. */
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (!draw) return;
    draw.setMode(shape === 'polygon' ? 'polygon' : 'linestring');
    const measured = () =>
      draw.getSnapshot().filter((f) => (f.geometry.type === 'Polygon' || f.geometry.type === 'LineString') && (f.properties.mode === 'polygon' || f.properties.mode === 'linestring'));
    let finished: string | number | null = null;
    const read = () => {
      const shapes = measured();
      const current = shapes[shapes.length - 1];
      if (!current) {
        setReading(null);
        return;
      }
      if (current.geometry.type === 'Polygon') {
        const ring = current.geometry.coordinates[0] ?? [];
        setReading({
          kind: 'polygon',
          areaM2: geodesicAreaM2(current.geometry),
          lengthM: geodesicLengthM(ring),
          vertices: Math.max(0, ring.length - 1),
          done: current.id === finished,
        });
      } else if (current.geometry.type === 'LineString') {
        setReading({ kind: 'line', areaM2: 0, lengthM: geodesicLengthM(current.geometry.coordinates), vertices: current.geometry.coordinates.length, done: current.id === finished });
      }
    };
    const onChange = (ids: Array<string | number>, type: string) => {
      // A new measurement replaces the finished one.
      if (type === 'create' && finished !== null && !ids.includes(finished) && draw.hasFeature(finished)) {
        const old = finished;
        finished = null;
        queueMicrotask(() => {
          if (draw.enabled && draw.hasFeature(old)) draw.removeFeatures([old]);
        });
      }
      read();
    };
    const onFinish = (id: string | number) => {
      finished = id;
      read();
    };
    draw.on('change', onChange);
    draw.on('finish', onFinish);
    setReady(true);
    return () => {
      setReady(false);
      draw.off('change', onChange);
      draw.off('finish', onFinish);
    };
  }, [draw, shape]);

  const clear = () => {
    draw?.clear();
    setReading(null);
  };

  return (
    <div
      className="measure-readout"
      role="status"
      aria-live="polite"
      data-kind={shape}
      data-ready={ready ? 'true' : 'false'}
      data-state={reading ? (reading.done ? 'done' : 'drawing') : 'empty'}
      data-length-m={reading ? reading.lengthM.toFixed(3) : undefined}
      data-area-m2={reading && reading.kind === 'polygon' ? reading.areaM2.toFixed(2) : undefined}
    >
      <p className="measure-hint">{shape === 'polygon' ? t.staff.measureAreaHint : t.staff.measureLineHint}</p>
      {reading && reading.kind === 'polygon' && (
        <dl className="measure-values">
          <div><dt>{t.staff.areaLabel}</dt><dd className="measure-area">{formatArea(lang, reading.areaM2)}</dd></div>
          <div><dt>{t.staff.perimeter}</dt><dd>{formatLength(lang, reading.lengthM)}</dd></div>
        </dl>
      )}
      {reading && reading.kind === 'line' && (
        <dl className="measure-values">
          <div><dt>{t.staff.distance}</dt><dd className="measure-length">{formatLength(lang, reading.lengthM)}</dd></div>
        </dl>
      )}
      <p className="staff-note">{t.staff.geodesicNote}</p>
      <div className="staff-actions">
        <button type="button" className="staff-button" onClick={clear} disabled={!reading}>{t.staff.clear}</button>
        <button type="button" className="staff-button" onClick={() => staff?.setTool(null)}>{t.staff.closeTool}</button>
      </div>
    </div>
  );
}
