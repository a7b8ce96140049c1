import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { TerraDrawLineStringMode, TerraDrawPointMode, TerraDrawPolygonMode, TerraDrawSelectMode } from 'terra-draw';
import type { InvalidGeometryProblem, LayerInfo } from '@contract/api';
import { useI18n } from '../../hooks/use-i18n';
import { useStaff } from '../../hooks/use-staff';
import { useTerraDraw } from '../../hooks/use-terra-draw';
import { ApiError, createFeature } from '../../lib/api';
import { pick } from '../../lib/i18n';
import { AttributeForm, hasStatus, type AttributeValues } from './attribute-form';
import { modeForKind } from './geometry-parts';

const NEW_COLOR = '#0b6680';
const ID_RULE = /^[a-z0-9][a-z0-9_-]{0,79}$/;

function drawModes() {
  const vertices = { draggable: true, midpoints: { draggable: true }, deletable: true };
  return [
    new TerraDrawPolygonMode({ pointerDistance: 12, styles: { fillColor: NEW_COLOR, fillOpacity: 0.15, outlineColor: NEW_COLOR, outlineWidth: 2 } }),
    new TerraDrawLineStringMode({ pointerDistance: 12, styles: { lineStringColor: NEW_COLOR, lineStringWidth: 3 } }),
    new TerraDrawPointMode({ styles: { pointColor: NEW_COLOR, pointWidth: 7, pointOutlineColor: '#ffffff', pointOutlineWidth: 2 } }),
    // After drawing, the shape stays adjustable until it is created.
    new TerraDrawSelectMode({
      flags: {
        polygon: { feature: { draggable: false, coordinates: vertices } },
        linestring: { feature: { draggable: false, coordinates: vertices } },
        point: { feature: { draggable: true } },
      },
      keyEvents: { deselect: null, delete: null, rotate: null, scale: null },
      allowManualDeselection: false,
      styles: { selectedPolygonColor: NEW_COLOR, selectedPolygonOutlineColor: NEW_COLOR, selectedLineStringColor: NEW_COLOR, selectedPointColor: NEW_COLOR, selectionPointOutlineColor: NEW_COLOR, midPointColor: NEW_COLOR },
    }),
  ];
}

/** An id from the layer and the English name: "sites-new-lab". */
function suggestId(layer: LayerInfo | undefined, nameEn: string): string {
  const slug = nameEn.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50);
  return slug ? `${layer?.id ?? 'feature'}-${slug}`.slice(0, 80) : '';
}

/** Draws a new polygon, line or point into a chosen layer and creates it with its attributes (POST /api/features). */
export function DrawTool() {
  const { lang, t } = useI18n();
  const staff = useStaff()!;
  const draw = useTerraDraw(staff.map, drawModes);
  const formId = useId();
  const layers = useMemo(() => (staff.layers ?? []).filter((l) => l.theme !== 'basemap'), [staff.layers]);
  const [layerId, setLayerId] = useState<string>('');
  const layer = layers.find((l) => l.id === layerId);
  const [shapeId, setShapeId] = useState<string | number | null>(null);
  const [values, setValues] = useState<AttributeValues>({ name_zh: '', name_en: '', accuracy: 'digitised', parent_id: null, status: null });
  const [id, setId] = useState('');
  const [idTouched, setIdTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!layerId && layers.length) setLayerId((layers.find((l) => l.id === 'sites') ?? layers[0]).id);
  }, [layers, layerId]);

  // A layer choice starts a fresh drawing in that layer's geometry kind.
  useEffect(() => {
    if (!draw || !layer) return;
    draw.clear();
    setShapeId(null);
    draw.setMode(modeForKind(layer.geometry_type));
    setValues((v) => ({ ...v, status: hasStatus(layer) ? (v.status ?? 'planned') : null }));
    const onFinish = (fid: string | number) => {
      setShapeId(fid);
      // Points need no adjusting; other shapes stay editable before they are created.
      if (layer.geometry_type !== 'point') draw.selectFeature(fid);
      else draw.setMode('select');
    };
    draw.on('finish', onFinish);
    return () => draw.off('finish', onFinish);
  }, [draw, layer]);

  useEffect(() => {
    if (!idTouched) setId(suggestId(layer, values.name_en));
  }, [layer, values.name_en, idTouched]);

  const redraw = () => {
    if (!draw || !layer) return;
    draw.clear();
    setShapeId(null);
    draw.setMode(modeForKind(layer.geometry_type));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draw || !layer || shapeId === null) return;
    const shape = draw.getSnapshotFeature(shapeId);
    if (!shape) return;
    if (!ID_RULE.test(id)) {
      setError(`${t.staff.idLabel}: ${t.staff.idRule}`);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const created = await createFeature(
        {
          id,
          layer_id: layer.id,
          name_zh: values.name_zh.trim(),
          name_en: values.name_en.trim(),
          accuracy: values.accuracy,
          parent_id: values.parent_id,
          geometry: shape.geometry,
          properties: values.status ? { status: values.status } : {},
        },
        staff.auth.csrfToken,
      );
      await staff.afterWrite(created, [values.parent_id]);
      staff.showLayer(layer.id);
      staff.setTool(null);
      staff.selectFeature(created.id);
      staff.notify(t.staff.created(created.id));
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        const p = err.problem as InvalidGeometryProblem | null;
        setError(t.staff.invalidGeometry(p?.reason ?? p?.detail ?? err.message));
      } else if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
        staff.auth.refresh();
        setError(t.staff.sessionExpired);
      } else {
        setError(err instanceof ApiError && err.problem?.detail ? err.problem.detail : (err as Error).message);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="draw-tool" onSubmit={(e) => void submit(e)} data-state={shapeId === null ? 'drawing' : 'drawn'}>
      <label htmlFor={`${formId}-layer`}>{t.staff.chooseLayer}</label>
      <select id={`${formId}-layer`} value={layerId} onChange={(e) => setLayerId(e.target.value)} disabled={saving}>
        {layers.map((l) => (
          <option key={l.id} value={l.id}>{pick(lang, l.title_zh, l.title_en)} · {l.geometry_type}</option>
        ))}
      </select>
      {layer && <p className="staff-hint">{shapeId === null ? t.staff.drawHints[modeForKind(layer.geometry_type)] : t.staff.editHint}</p>}
      {shapeId !== null && (
        <>
          <button type="button" className="link-button" onClick={redraw}>{t.staff.redraw}</button>
          <label htmlFor={`${formId}-id`}>{t.staff.idLabel}</label>
          <input
            id={`${formId}-id`}
            name="id"
            required
            pattern="[a-z0-9][a-z0-9_\-]{0,79}"
            title={t.staff.idRule}
            value={id}
            onChange={(e) => {
              setIdTouched(true);
              setId(e.target.value);
            }}
          />
          <AttributeForm values={values} onChange={setValues} layer={layer} selfId={null} index={staff.index} disabled={saving} />
          {error && <p className="staff-error" role="alert">{error}</p>}
          <div className="staff-actions">
            <button type="submit" className="staff-button primary" disabled={saving}>{saving ? t.staff.saving : t.staff.create}</button>
            <button type="button" className="staff-button" onClick={() => staff.setTool(null)} disabled={saving}>{t.staff.cancel}</button>
          </div>
        </>
      )}
    </form>
  );
}
