import { useI18n } from '../../hooks/use-i18n';
import { AccountMenu } from '../auth/account-menu';
import { LangSwitch } from '../common/lang-switch';
import { SourcesButtons } from '../documents/sources-buttons';
import { SearchBox } from '../search/search-box';
import { CopyLinkButton } from '../share/copy-link-button';

/** Id of the title bar's place for the 汇报 button. */
export const BRIEFING_SLOT_ID = 'briefing-slot';

/** The app's title bar: bilingual title, the layer-panel toggle (phones), search, sources, data checks and the language switch. */
export function TitleBar({ panelId, panelOpen, onTogglePanel }: { panelId: string; panelOpen: boolean; onTogglePanel: () => void }) {
  const { lang, t } = useI18n();
  return (
    <header className="title-bar">
      <button
        type="button"
        className="icon-button panel-toggle"
        aria-controls={panelId}
        aria-expanded={panelOpen}
        onClick={onTogglePanel}
        title={panelOpen ? t.hideLayers : t.showLayers}
      >
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 18 18">
          <path d="M9 2 L16 5.5 L9 9 L2 5.5 Z M2 9 L9 12.5 L16 9 M2 12.5 L9 16 L16 12.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
        </svg>
        <span className="panel-toggle-label">{t.layers}</span>
      </button>
      <h1 className="title">
        <span className="title-main" lang={lang === 'zh' ? 'zh-CN' : 'en'}>{t.titleMain}</span>
        <span className="title-sub" lang={lang === 'zh' ? 'en' : 'zh-CN'}>{t.titleSub}</span>
      </h1>
      <div className="title-tools">
        <SearchBox />
        <SourcesButtons />
      </div>
      {/* The 汇报 button (components/briefing/briefing-launcher.tsx) renders here: in the bar it covers nothing. */}
      <div id={BRIEFING_SLOT_ID} className="briefing-slot" />
      <CopyLinkButton />
      <LangSwitch />
      <AccountMenu />
    </header>
  );
}
