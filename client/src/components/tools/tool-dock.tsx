import { createPortal } from 'react-dom';
import { useI18n } from '../../hooks/use-i18n';
import { useMapControl } from '../../hooks/use-map-control';
import { useStaff, type StaffTool } from '../../hooks/use-staff';
import { pick } from '../../lib/i18n';
import { FeatureStaffActions } from '../edit/feature-staff-actions';
import { lazyComponent } from '../../lib/lazy-component';

/** Loaded on first use: it brings terra-draw. */
const MeasureTool = lazyComponent(() => import('./measure-tool').then((m) => m.MeasureTool));

/**
 * The map toolbar: measure distance and area, export, and (for editors) a new feature; below it the
 * selected feature's history and edit buttons (whichever panel shows it), the measure readout and notices.
 */
export function ToolDock({ notice, selectedId }: { notice: string | null; selectedId: string | null }) {
  const { lang, t } = useI18n();
  const staff = useStaff();
  // A control in the map's top-left corner, which the app keeps beside the layer panel.
  const host = useMapControl(staff?.map ?? null, 'top-left', 'staff-ctrl');
  if (!staff || !host) return null;
  const { tool, setTool, auth } = staff;
  const toggle = (next: NonNullable<StaffTool>, on: boolean) => setTool(on ? null : next);
  const measuring = tool?.kind === 'measure' ? tool.shape : null;
  const selected = selectedId ? staff.index.get(selectedId)?.feature : undefined;
  return createPortal(
    <div className="tool-dock" role="toolbar" aria-label={t.staff.tools}>
      <div className="tool-buttons">
        <button type="button" className="tool-button" aria-pressed={measuring === 'line'} onClick={() => toggle({ kind: 'measure', shape: 'line' }, measuring === 'line')}>
          <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
            <path d="M1.5 11.5 L11.5 1.5 L14.5 4.5 L4.5 14.5 Z M4.5 8.5 L6 10 M6.5 6.5 L8.5 8.5 M8.5 4.5 L10 6" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
          </svg>
          <span className="tool-label">{t.staff.measureLine}</span>
        </button>
        <button type="button" className="tool-button" aria-pressed={measuring === 'polygon'} onClick={() => toggle({ kind: 'measure', shape: 'polygon' }, measuring === 'polygon')}>
          <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
            <path d="M2 4 L9 1.8 L14.2 7 L11 14 L3 12 Z" fill="currentColor" fillOpacity="0.15" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
          </svg>
          <span className="tool-label">{t.staff.measureArea}</span>
        </button>
        <button type="button" className="tool-button" aria-pressed={tool?.kind === 'export'} onClick={() => toggle({ kind: 'export' }, tool?.kind === 'export')}>
          <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
            <path d="M8 1.5 V10 M4.5 6.5 L8 10 L11.5 6.5 M2 11.5 V14.5 H14 V11.5" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <span className="tool-label">{t.staff.exportButton}</span>
        </button>
        <button type="button" className="tool-button compare-tool" aria-pressed={tool?.kind === 'compare'} onClick={() => toggle({ kind: 'compare' }, tool?.kind === 'compare')}>
          <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
            <path d="M8 1 V15 M2 3.5 H6 V12.5 H2 Z M10 3.5 H14 V12.5 H10 Z" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
          </svg>
          <span className="tool-label">{t.io.compareButton}</span>
        </button>
        {auth.canEdit && (
          <button type="button" className="tool-button import-tool" aria-pressed={tool?.kind === 'import'} onClick={() => toggle({ kind: 'import' }, tool?.kind === 'import')}>
            <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
              <path d="M8 10.5 V2 M4.5 5.5 L8 2 L11.5 5.5 M2 11.5 V14.5 H14 V11.5" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            <span className="tool-label">{t.io.importButton}</span>
          </button>
        )}
        {auth.canEdit && (
          <button type="button" className="tool-button" aria-pressed={tool?.kind === 'draw'} onClick={() => toggle({ kind: 'draw' }, tool?.kind === 'draw')}>
            <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
              <path d="M8 2.5 V13.5 M2.5 8 H13.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
            </svg>
            <span className="tool-label">{t.staff.newFeature}</span>
          </button>
        )}
      </div>
      {selected && tool === null && (
        <div className="selection-actions" data-feature-id={selectedId}>
          <span className="selection-name">{pick(lang, selected.properties.name_zh, selected.properties.name_en)}</span>
          <FeatureStaffActions featureId={selectedId!} />
        </div>
      )}
      {measuring && <MeasureTool key={measuring} shape={measuring} />}
      {notice && <p className="tool-notice" role="status">{notice}</p>}
    </div>,
    host,
  );
}
