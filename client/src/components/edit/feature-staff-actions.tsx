import { useI18n } from '../../hooks/use-i18n';
import { useStaff } from '../../hooks/use-staff';
import { DeleteFeatureButton } from './delete-feature';

/** Staff buttons for a feature: 历史版本 / History for everyone, 编辑 / Edit and 删除 / Delete for editors and admins. */
export function FeatureStaffActions({ featureId }: { featureId: string }) {
  const { t } = useI18n();
  const staff = useStaff();
  if (!staff) return null;
  return (
    <div className="feature-staff-actions">
      <button type="button" className="staff-button small" onClick={() => staff.setTool({ kind: 'history', featureId })}>
        {t.staff.history}
      </button>
      {staff.auth.canEdit && (
        <button type="button" className="staff-button small primary" onClick={() => staff.setTool({ kind: 'edit', featureId })}>
          {t.staff.edit}
        </button>
      )}
      {staff.auth.canEdit && <DeleteFeatureButton key={featureId} featureId={featureId} />}
    </div>
  );
}
