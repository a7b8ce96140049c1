import { useMemo, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { AtlasFeature, FeaturePatch, LayerInfo, VersionConflictProblem } from '@contract/api';
import { useI18n } from '../../hooks/use-i18n';
import { useMapOverlay, type OverlayStyle } from '../../hooks/use-map-overlay';
import { useStaff } from '../../hooks/use-staff';
import { fetchHistory, queryKeys } from '../../lib/api';
import { formatArea, formatLength, geodesicAreaM2, geometryLengthM } from '../../lib/measure';
import { hasStatus, type AttributeValues } from './attribute-form';

/** Conflict colours: yours orange (dashed, on top), the current version purple. */
export const CONFLICT_COLORS = { mine: '#e66101', current: '#5e3c99' } as const;
const OVERLAY: Record<string, OverlayStyle> = {
  current: { color: CONFLICT_COLORS.current, width: 4, fillOpacity: 0.08 },
  mine: { color: CONFLICT_COLORS.mine, width: 2.5, dash: [2, 1.5] },
};

function measureText(lang: 'zh' | 'en', g: GeoJSON.Geometry): string {
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') return formatArea(lang, geodesicAreaM2(g));
  if (g.type === 'LineString' || g.type === 'MultiLineString') return formatLength(lang, geometryLengthM(g));
  if (g.type === 'Point') return g.coordinates.map((c) => c.toFixed(6)).join(', ');
  return g.type;
}

/**
 * A 412 on save: your version and the current one side by side (attributes in a table, outlines
 * overlaid on the map in two colours), and the choice to re-apply yours on top or discard it.
 */
export function ConflictView({
  base,
  problem,
  patch,
  mine,
  mineValues,
  layer,
  busy,
  onReapply,
  onDiscard,
}: {
  base: AtlasFeature;
  problem: VersionConflictProblem;
  patch: FeaturePatch;
  mine: GeoJSON.Geometry;
  mineValues: AttributeValues;
  layer: LayerInfo | undefined;
  busy: boolean;
  onReapply: () => void;
  onDiscard: () => void;
}) {
  const { lang, t } = useI18n();
  const staff = useStaff();
  const current = problem.current;
  const history = useQuery({ queryKey: queryKeys.history(current.id), queryFn: ({ signal }) => fetchHistory(current.id, signal) });
  const last = history.data?.find((h) => h.version === problem.current_version);

  const overlay = useMemo<GeoJSON.Feature[]>(
    () => [
      { type: 'Feature', geometry: current.geometry, properties: { role: 'current' } },
      { type: 'Feature', geometry: mine, properties: { role: 'mine' } },
    ],
    [current.geometry, mine],
  );
  useMapOverlay(staff?.map ?? null, 'conflict', overlay, OVERLAY);

  const parentName = (id: string | null) => {
    if (!id) return t.staff.noParent;
    const f = staff?.index.get(id)?.feature;
    return f ? (lang === 'zh' ? f.properties.name_zh : f.properties.name_en || f.properties.name_zh) : id;
  };
  const cp = current.properties;
  const rows: Array<{ key: string; label: string; mine: ReactNode; current: ReactNode; changed: boolean }> = [
    { key: 'name_zh', label: t.staff.nameZh, mine: mineValues.name_zh, current: cp.name_zh, changed: patch.name_zh !== undefined },
    { key: 'name_en', label: t.staff.nameEn, mine: mineValues.name_en, current: cp.name_en, changed: patch.name_en !== undefined },
    { key: 'accuracy', label: t.staff.accuracyLabel, mine: t.accuracy[mineValues.accuracy], current: t.accuracy[cp.accuracy], changed: patch.accuracy !== undefined },
    { key: 'parent_id', label: t.staff.parentLabel, mine: parentName(mineValues.parent_id), current: parentName(cp.parent_id), changed: patch.parent_id !== undefined },
  ];
  if (hasStatus(layer)) {
    const statusText = (v: unknown) => (typeof v === 'string' && v ? (t.staff.siteStatus[v] ? `${t.staff.siteStatus[v]} (${v})` : v) : '—');
    rows.push({ key: 'status', label: t.staff.statusLabel, mine: statusText(mineValues.status), current: statusText(cp.status), changed: patch.properties?.status !== undefined });
  }
  rows.push({ key: 'geometry', label: t.staff.geometryField, mine: measureText(lang, mine), current: measureText(lang, current.geometry), changed: patch.geometry !== undefined });

  return (
    <div className="conflict-view" role="alert" data-current-version={problem.current_version}>
      <h3 className="staff-heading danger">{t.staff.conflictTitle}</h3>
      <p>{t.staff.conflictExplain(base.properties.version, problem.current_version)}</p>
      {last && (
        <p className="staff-note">
          {t.staff.version(last.version)} · {last.changed_by ?? t.staff.unknownUser} · {new Date(last.changed_at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')}
        </p>
      )}
      <ul className="overlay-legend">
        <li><span className="legend-line dashed" style={{ borderColor: CONFLICT_COLORS.mine }} aria-hidden="true" />{t.staff.yours}</li>
        <li><span className="legend-line" style={{ borderColor: CONFLICT_COLORS.current }} aria-hidden="true" />{t.staff.currentVersion} ({t.staff.version(problem.current_version)})</li>
      </ul>
      <table className="conflict-table">
        <thead>
          <tr>
            <th scope="col">{t.staff.field}</th>
            <th scope="col">{t.staff.yours}</th>
            <th scope="col">{t.staff.currentVersion}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-field={r.key} className={r.changed ? 'changed' : undefined}>
              <th scope="row">{r.label}</th>
              <td>
                {r.mine}
                {r.changed && <span className="changed-tag"> ✎ {t.staff.changedByYou}</span>}
              </td>
              <td>{r.current}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="staff-actions vertical">
        <button type="button" className="staff-button primary" onClick={onReapply} disabled={busy}>{busy ? t.staff.saving : t.staff.reapply}</button>
        <button type="button" className="staff-button" onClick={onDiscard} disabled={busy}>{t.staff.discardMine}</button>
      </div>
    </div>
  );
}
