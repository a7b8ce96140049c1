import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AtlasFeatureCollection } from '@contract/api';
import { useI18n } from '../../hooks/use-i18n';
import { useStaff } from '../../hooks/use-staff';
import { ApiError, deleteFeature, queryKeys } from '../../lib/api';
import { pick } from '../../lib/i18n';
import './delete-feature.css';

/**
 * 删除 / Delete for editors, with an inline confirmation naming the version: DELETE /api/features/:id
 * with If-Match. The history keeps the feature (its tombstone), so the history panel opens on it and
 * its "restore this version" brings it back.
 */
export function DeleteFeatureButton({ featureId }: { featureId: string }) {
  const { lang, t } = useI18n();
  const staff = useStaff()!;
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const feature = staff.index.get(featureId)?.feature;
  if (!feature) return null;
  const name = pick(lang, feature.properties.name_zh, feature.properties.name_en);
  const version = feature.properties.version;
  const layerId = feature.properties.layer_id;

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await deleteFeature(featureId, version, staff.auth.csrfToken);
      queryClient.setQueryData<AtlasFeatureCollection>(queryKeys.layer(layerId), (fc) => fc && { ...fc, features: fc.features.filter((f) => f.id !== featureId) });
      staff.selectFeature(null);
      staff.notify(t.io.deleted(name));
      staff.setTool({ kind: 'history', featureId });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.layer(layerId), exact: true }),
        queryClient.invalidateQueries({ queryKey: queryKeys.layers, exact: true }),
        queryClient.invalidateQueries({ queryKey: queryKeys.feature(featureId) }),
      ]);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        setError(t.io.deleteConflict);
        await queryClient.invalidateQueries({ queryKey: queryKeys.layer(layerId), exact: true });
      } else {
        if (err instanceof ApiError && (err.status === 401 || err.status === 403)) staff.auth.refresh();
        setError(err instanceof ApiError && err.problem?.detail ? err.problem.detail : (err as Error).message);
      }
      setBusy(false);
    }
  };

  if (!confirming) {
    return (
      <button type="button" className="staff-button small danger delete-feature" onClick={() => setConfirming(true)}>
        {t.io.deleteButton}
      </button>
    );
  }
  return (
    <div className="delete-confirm" role="alertdialog" aria-label={t.io.deleteButton}>
      <p>{t.io.deleteConfirm(name, version)}</p>
      {error && <p className="staff-error" role="alert">{error}</p>}
      <div className="staff-actions">
        <button type="button" className="staff-button small primary danger confirm-delete" disabled={busy} onClick={() => void remove()}>
          {busy ? t.io.deleting : t.io.confirmDelete}
        </button>
        <button type="button" className="staff-button small" disabled={busy} onClick={() => { setConfirming(false); setError(null); }}>
          {t.staff.cancel}
        </button>
      </div>
    </div>
  );
}
