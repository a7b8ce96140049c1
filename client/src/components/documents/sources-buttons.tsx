import { useI18n } from '../../hooks/use-i18n';
import { useSources } from '../../hooks/use-sources';

/** Id of the data-checks side sheet, for aria-controls. */
export const CHECKS_PANEL_ID = 'checks-panel';

/** Title-bar buttons: 资料来源 / Sources (document list) and 数据核对 / Data checks (side sheet toggle). */
export function SourcesButtons() {
  const { t } = useI18n();
  const sources = useSources();
  if (!sources) return null;
  return (
    <div className="sources-buttons">
      <button type="button" className="bar-button" onClick={sources.openDocuments} title={t.sources}>
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
          <path d="M4 1.8 H9.5 L12.5 4.8 V14.2 H4 Z M9.3 2 V5 H12.3 M6 8 H10.5 M6 10.5 H10.5" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
        </svg>
        <span className="bar-button-label">{t.sources}</span>
      </button>
      <button
        type="button"
        className="bar-button"
        onClick={sources.toggleChecks}
        aria-expanded={sources.checksOpen}
        aria-controls={sources.checksOpen ? CHECKS_PANEL_ID : undefined}
        title={t.checks}
      >
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
          <path d="M8 1.8 L14.6 13.8 H1.4 Z M8 6.2 V9.6 M8 11.4 V11.9" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" strokeLinecap="round" />
        </svg>
        <span className="bar-button-label">{t.checks}</span>
      </button>
    </div>
  );
}
