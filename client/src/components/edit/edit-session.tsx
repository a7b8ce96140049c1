import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { kinks } from '@turf/turf';
import { TerraDrawLineStringMode, TerraDrawPointMode, TerraDrawPolygonMode, TerraDrawSelectMode } from 'terra-draw';
import type { AtlasFeature, FeaturePatch, InvalidGeometryProblem, VersionConflictProblem } from '@contract/api';
import { useI18n } from '../../hooks/use-i18n';
import { useStaff } from '../../hooks/use-staff';
import { useTerraDraw } from '../../hooks/use-terra-draw';
import { ApiError, fetchFeature, patchFeature, queryKeys } from '../../lib/api';
import { pick } from '../../lib/i18n';
import { formatArea, formatLength, geodesicAreaM2, geometryLengthM } from '../../lib/measure';
import { AttributeForm, attributeValues, type AttributeValues } from './attribute-form';
import { ConflictView } from './conflict-view';
import { joinParts, splitGeometry, type SplitGeometry } from './geometry-parts';

/** Colours of the geometry being edited: the app's accent, so it reads as "yours, live". */
const EDIT_COLOR = '#0b6680';
const VERTEX_STYLES = {
  selectedPolygonColor: EDIT_COLOR,
  selectedPolygonFillOpacity: 0.12,
  selectedPolygonOutlineColor: EDIT_COLOR,
  selectedPolygonOutlineWidth: 3,
  selectedLineStringColor: EDIT_COLOR,
  selectedLineStringWidth: 4,
  selectedPointColor: EDIT_COLOR,
  selectedPointWidth: 8,
  selectedPointOutlineColor: '#ffffff',
  selectedPointOutlineWidth: 2,
  selectionPointWidth: 6,
  selectionPointColor: '#ffffff',
  selectionPointOutlineColor: EDIT_COLOR,
  selectionPointOutlineWidth: 2,
  midPointWidth: 4,
  midPointColor: EDIT_COLOR,
  midPointOutlineColor: '#ffffff',
  midPointOutlineWidth: 1,
} as const;
const PART_STYLES = { fillColor: EDIT_COLOR, fillOpacity: 0.06, outlineColor: EDIT_COLOR, outlineWidth: 2 } as const;
const LINE_STYLES = { lineStringColor: EDIT_COLOR, lineStringWidth: 3 } as const;
const POINT_STYLES = { pointColor: EDIT_COLOR, pointWidth: 7, pointOutlineColor: '#ffffff', pointOutlineWidth: 2 } as const;

/**
 * Vertex editing: drag vertices, drag a midpoint to add one, right-click to delete; no whole-feature
 * moves except points. A vertex may be dragged across an edge: the form warns at once and the server's
 * 422 says why, rather than the vertex silently refusing to follow the pointer.
 */
function editModes() {
  const vertices = { draggable: true, midpoints: { draggable: true }, deletable: true };
  return [
    new TerraDrawSelectMode({
      flags: {
        polygon: { feature: { draggable: false, selfIntersectable: true, coordinates: vertices } },
        linestring: { feature: { draggable: false, selfIntersectable: true, coordinates: vertices } },
        point: { feature: { draggable: true } },
      },
      // Keys must not delete a whole part, and a click beside the shape keeps it selected.
      keyEvents: { deselect: null, delete: null, rotate: null, scale: null },
      allowManualDeselection: false,
      styles: VERTEX_STYLES,
    }),
    new TerraDrawPolygonMode({ styles: PART_STYLES }),
    new TerraDrawLineStringMode({ styles: LINE_STYLES }),
    new TerraDrawPointMode({ styles: POINT_STYLES }),
  ];
}

/** What changed against the version being edited: only those fields go into the PATCH. */
function diffPatch(base: AtlasFeature, values: AttributeValues, geometry: GeoJSON.Geometry | null): FeaturePatch {
  const p = base.properties;
  const patch: FeaturePatch = {};
  if (values.name_zh.trim() !== p.name_zh) patch.name_zh = values.name_zh.trim();
  if (values.name_en.trim() !== p.name_en) patch.name_en = values.name_en.trim();
  if (values.accuracy !== p.accuracy) patch.accuracy = values.accuracy;
  if (values.parent_id !== p.parent_id) patch.parent_id = values.parent_id;
  if (values.status !== null && values.status !== (typeof p.status === 'string' ? p.status : '')) patch.properties = { status: values.status };
  if (geometry) patch.geometry = geometry;
  return patch;
}

/** Where a save ended: a conflict to resolve, or a message (error or not). */
type Outcome = { kind: 'conflict'; problem: VersionConflictProblem; patch: FeaturePatch; mine: GeoJSON.Geometry } | { kind: 'error'; text: string } | null;

/** Editing one feature: its geometry on the map with terra-draw and its attributes in a form; saves with If-Match. */
export function EditSession({ featureId }: { featureId: string }) {
  const { lang, t } = useI18n();
  const staff = useStaff()!;
  const queryClient = useQueryClient();
  const draw = useTerraDraw(staff.map, editModes);
  const [base, setBase] = useState<AtlasFeature | null>(null);
  const [values, setValues] = useState<AttributeValues | null>(null);
  const [geometry, setGeometry] = useState<GeoJSON.Geometry | null>(null);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const split = useRef<SplitGeometry | null>(null);
  const partIds = useRef<Array<string | number>>([]);
  const baseline = useRef('');
  const layer = staff.layers?.find((l) => l.id === (base?.properties.layer_id ?? staff.index.get(featureId)?.layer.id));

  // The version edited is the one the server has when editing starts, not whatever the cache holds.
  useEffect(() => {
    let cancelled = false;
    queryClient
      .fetchQuery({ queryKey: queryKeys.feature(featureId), queryFn: ({ signal }) => fetchFeature(featureId, signal), staleTime: 0 })
      .then((detail) => {
        if (cancelled) return;
        setBase(detail.feature);
      })
      .catch((err: Error) => !cancelled && setOutcome({ kind: 'error', text: err.message }));
    return () => {
      cancelled = true;
    };
  }, [featureId, queryClient]);

  useEffect(() => {
    if (base && values === null) setValues(attributeValues(base, layer));
  }, [base, layer, values]);

  const readGeometry = useCallback((): GeoJSON.Geometry | null => {
    if (!draw || !split.current) return null;
    const parts = split.current.parts.map((part, i) => {
      const f = draw.getSnapshotFeature(partIds.current[i]);
      return { ...part, geometry: (f?.geometry ?? part.geometry) as typeof part.geometry };
    });
    return joinParts(split.current.type, parts);
  }, [draw]);

  const load = useCallback(
    (g: GeoJSON.Geometry) => {
      if (!draw) return;
      draw.clear();
      const s = splitGeometry(g);
      const features = s.parts.map((part) => ({ id: draw.getFeatureId(), type: 'Feature' as const, geometry: part.geometry, properties: { mode: part.mode } }));
      const results = draw.addFeatures(features);
      const bad = results.find((r) => !r.valid);
      if (bad) setOutcome({ kind: 'error', text: `terra-draw: ${bad.reason ?? 'invalid geometry'}` });
      split.current = s;
      partIds.current = features.map((f) => f.id);
      draw.setMode('select');
      if (features.length) draw.selectFeature(features[0].id);
      const now = readGeometry();
      baseline.current = JSON.stringify(now);
      setGeometry(now);
      setDirty(false);
    },
    [draw, readGeometry],
  );

  // Put the feature on the editing layer once both it and terra-draw are there.
  useEffect(() => {
    if (draw && base) load(base.geometry);
  }, [draw, base, load]);

  // Follow every drag, one read per frame.
  useEffect(() => {
    if (!draw) return;
    let frame = 0;
    const onChange = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const now = readGeometry();
        setGeometry(now);
        setDirty(JSON.stringify(now) !== baseline.current);
      });
    };
    draw.on('change', onChange);
    return () => {
      draw.off('change', onChange);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [draw, readGeometry]);

  const send = async (version: number, patch: FeaturePatch, mine: GeoJSON.Geometry) => {
    setSaving(true);
    setOutcome(null);
    try {
      const saved = await patchFeature(featureId, version, patch, staff.auth.csrfToken);
      await staff.afterWrite(saved, [base?.properties.parent_id, saved.properties.parent_id]);
      staff.setTool(null);
      staff.selectFeature(featureId);
      staff.notify(t.staff.saved(saved.properties.version));
    } catch (err) {
      if (err instanceof ApiError && err.status === 412 && err.problem) {
        setOutcome({ kind: 'conflict', problem: err.problem as VersionConflictProblem, patch, mine });
      } else if (err instanceof ApiError && err.status === 422) {
        const problem = err.problem as InvalidGeometryProblem | null;
        setOutcome({ kind: 'error', text: t.staff.invalidGeometry(problem?.reason ?? problem?.detail ?? err.message) });
      } else if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
        staff.auth.refresh();
        setOutcome({ kind: 'error', text: t.staff.sessionExpired });
      } else {
        setOutcome({ kind: 'error', text: (err as Error).message });
      }
    } finally {
      setSaving(false);
    }
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!base || !values) return;
    const patch = diffPatch(base, values, dirty ? geometry : null);
    if (Object.keys(patch).length === 0) {
      setOutcome({ kind: 'error', text: t.staff.nothingChanged });
      return;
    }
    void send(base.properties.version, patch, geometry ?? base.geometry);
  };

  const close = () => {
    staff.setTool(null);
    staff.selectFeature(featureId);
  };

  if (outcome?.kind === 'conflict' && base && values) {
    return (
      <ConflictView
        base={base}
        problem={outcome.problem}
        patch={outcome.patch}
        mine={outcome.mine}
        mineValues={values}
        layer={layer}
        busy={saving}
        onReapply={() => void send(outcome.problem.current_version, outcome.patch, outcome.mine)}
        onDiscard={() => {
          void staff.afterWrite(outcome.problem.current);
          close();
        }}
      />
    );
  }

  const kind = base?.geometry.type ?? '';
  const crosses = !!geometry && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') && kinks(geometry).features.length > 0;
  const baseArea = typeof base?.properties.area_km2 === 'number' ? base.properties.area_km2 : null;
  return (
    <form className="edit-session" onSubmit={save} data-feature-id={featureId} data-version={base?.properties.version} data-dirty={dirty}>
      {base && (
        <p className="staff-note">
          {pick(lang, layer?.title_zh, layer?.title_en)} · <code>{featureId}</code> · {t.staff.version(base.properties.version)}
        </p>
      )}
      <p className="staff-hint">{/Point/.test(kind) ? t.staff.editPointHint : t.staff.editHint}</p>
      <div className="geometry-status" data-dirty={dirty}>
        <span>{dirty ? t.staff.geometryEdited : t.staff.geometryUnchanged}</span>
        {geometry && /Polygon/.test(geometry.type) && (
          <span className="geometry-measure">
            {t.staff.areaLabel} {baseArea !== null && dirty ? `${formatArea(lang, baseArea * 1e6)} → ` : ''}
            {formatArea(lang, geodesicAreaM2(geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon))}
          </span>
        )}
        {geometry && /LineString/.test(geometry.type) && (
          <span className="geometry-measure">{t.length} {formatLength(lang, geometryLengthM(geometry))}</span>
        )}
        <button type="button" className="link-button" disabled={!dirty || !base} onClick={() => base && load(base.geometry)}>
          {t.staff.resetGeometry}
        </button>
      </div>
      {crosses && <p className="staff-warning" role="status">{t.staff.selfIntersects}</p>}
      {values && <AttributeForm values={values} onChange={setValues} layer={layer} selfId={featureId} index={staff.index} disabled={saving} />}
      {outcome?.kind === 'error' && <p className="staff-error" role="alert">{outcome.text}</p>}
      <div className="staff-actions">
        <button type="submit" className="staff-button primary" disabled={saving || !base}>{saving ? t.staff.saving : t.staff.save}</button>
        <button type="button" className="staff-button" onClick={close} disabled={saving}>{t.staff.cancel}</button>
      </div>
    </form>
  );
}
