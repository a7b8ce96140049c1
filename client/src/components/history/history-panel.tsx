import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { bbox } from '@turf/turf';
import type { HistoryEntry } from '@contract/api';
import { useI18n } from '../../hooks/use-i18n';
import { useMapOverlay, type OverlayStyle } from '../../hooks/use-map-overlay';
import { useStaff } from '../../hooks/use-staff';
import { ApiError, fetchHistory, queryKeys, revertFeature } from '../../lib/api';
import { formatAreaChange } from '../../lib/measure';

/** Diff colours: the older version dashed red, the newer solid green. */
export const DIFF_COLORS = { old: '#d7191c', new: '#1a9641' } as const;
// The new outline is drawn first and wider, the old one dashed on top, so both show where they coincide.
const OVERLAY: Record<string, OverlayStyle> = {
  new: { color: DIFF_COLORS.new, width: 4, fillOpacity: 0.1 },
  old: { color: DIFF_COLORS.old, width: 2.5, dash: [2, 1.5] },
};

/** Every version of a feature (who, when, what, area change), a map diff of two versions, and revert. */
export function HistoryPanel({ featureId }: { featureId: string }) {
  const { lang, t } = useI18n();
  const staff = useStaff()!;
  const history = useQuery({ queryKey: queryKeys.history(featureId), queryFn: ({ signal }) => fetchHistory(featureId, signal) });
  const entries = useMemo(() => [...(history.data ?? [])].reverse(), [history.data]);
  const current = history.data?.[history.data.length - 1];
  const [picked, setPicked] = useState<number[] | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  // Until the user picks, compare the last two versions.
  const compared = useMemo(() => {
    if (picked) return [...picked].sort((a, b) => a - b);
    const all = history.data ?? [];
    return all.length >= 2 ? [all[all.length - 2].version, all[all.length - 1].version] : all.map((h) => h.version);
  }, [picked, history.data]);
  useEffect(() => setPicked(null), [featureId]);

  const byVersion = useMemo(() => new Map((history.data ?? []).map((h) => [h.version, h])), [history.data]);
  const oldEntry = compared.length === 2 ? byVersion.get(compared[0]) : undefined;
  const newEntry = compared.length === 2 ? byVersion.get(compared[1]) : undefined;
  const overlay = useMemo<GeoJSON.Feature[]>(() => {
    const out: GeoJSON.Feature[] = [];
    if (newEntry?.geometry) out.push({ type: 'Feature', geometry: newEntry.geometry, properties: { role: 'new' } });
    if (oldEntry?.geometry) out.push({ type: 'Feature', geometry: oldEntry.geometry, properties: { role: 'old' } });
    return out;
  }, [oldEntry, newEntry]);
  useMapOverlay(staff.map, 'diff', overlay, OVERLAY);

  const toggle = (v: number) => {
    const now = picked ?? compared;
    if (now.includes(v)) setPicked(now.filter((x) => x !== v));
    else setPicked([...now, v].slice(-2));
  };

  const zoom = () => {
    if (!staff.map || !overlay.length) return;
    const [x0, y0, x1, y1] = bbox({ type: 'FeatureCollection', features: overlay });
    staff.map.fitBounds([[x0, y0], [x1, y1]], { padding: { top: 80, bottom: 60, left: 380, right: 440 }, maxZoom: 16, duration: 0 });
  };

  const revert = async (to: HistoryEntry) => {
    if (!current) return;
    setBusy(to.version);
    setMessage(null);
    try {
      const saved = await revertFeature(featureId, current.version, to.version, staff.auth.csrfToken);
      setPicked(null);
      await staff.afterWrite(saved);
      setMessage({ text: t.staff.reverted(to.version, saved.properties.version), error: false });
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        await history.refetch();
        setMessage({ text: t.staff.revertConflict, error: true });
      } else if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
        staff.auth.refresh();
        setMessage({ text: t.staff.sessionExpired, error: true });
      } else {
        setMessage({ text: (err as Error).message, error: true });
      }
    } finally {
      setBusy(null);
    }
  };

  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <div className="history-panel" data-versions={history.data?.length ?? 0} data-compared={compared.join(',')}>
      {history.isPending && <p className="muted">{t.loading}</p>}
      {history.error && <p className="staff-error" role="alert">{t.loadFailed}: {history.error.message}</p>}
      {message && <p className={message.error ? 'staff-error' : 'staff-ok'} role="status">{message.text}</p>}
      {entries.length > 0 && (
        <>
          <p className="staff-hint">{t.staff.compareHint}</p>
          {oldEntry && newEntry && (
            <div className="diff-legend">
              <ul className="overlay-legend">
                <li><span className="legend-line dashed" style={{ borderColor: DIFF_COLORS.old }} aria-hidden="true" />{t.staff.diffOld(oldEntry.version)}</li>
                <li><span className="legend-line" style={{ borderColor: DIFF_COLORS.new }} aria-hidden="true" />{t.staff.diffNew(newEntry.version)}</li>
              </ul>
              <button type="button" className="link-button" onClick={zoom}>{t.staff.zoomToDiff}</button>
              {oldEntry.op !== 'delete' && newEntry.op !== 'delete' && (
                <button type="button" className="link-button swipe-compare" onClick={() => staff.setTool({ kind: 'compare', featureId, a: oldEntry.version, b: newEntry.version })}>{t.io.compareVersions}</button>
              )}
            </div>
          )}
          <ol className="version-list">
            {entries.map((h) => {
              const isCurrent = h.version === current?.version;
              return (
                <li key={h.version} className="version-item" data-version={h.version}>
                  <div className="version-head">
                    <label className="version-pick">
                      <input type="checkbox" checked={compared.includes(h.version)} onChange={() => toggle(h.version)} aria-label={`${t.staff.compare} ${t.staff.version(h.version)}`} />
                      <strong>{t.staff.version(h.version)}</strong>
                    </label>
                    {isCurrent && <span className="current-tag">{t.staff.currentTag}</span>}
                    <span className="muted">{t.staff.ops[h.op] ?? h.op}</span>
                  </div>
                  <p className="version-meta">
                    {h.changed_by ?? t.staff.unknownUser} · <time dateTime={h.changed_at}>{when(h.changed_at)}</time>
                  </p>
                  {h.changed.length > 0 && (
                    <p className="version-changes">
                      {t.staff.changed}: {h.changed.map((c) => t.staff.fieldNames[c] ?? c).join(lang === 'zh' ? '、' : ', ')}
                    </p>
                  )}
                  {h.area_change_km2 !== null && h.area_change_km2 !== 0 && (
                    <p className="version-area" data-area-change={h.area_change_km2}>
                      {t.staff.areaChange}: <span className={h.area_change_km2 > 0 ? 'gain' : 'loss'}>{formatAreaChange(lang, h.area_change_km2)}</span>
                    </p>
                  )}
                  {staff.auth.canEdit && !isCurrent && h.op !== 'delete' && (
                    <button type="button" className="staff-button small" disabled={busy !== null} onClick={() => void revert(h)}>
                      {busy === h.version ? t.staff.saving : t.staff.revert}
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </div>
  );
}
