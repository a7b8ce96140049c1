import { useRef } from 'react';
import { useDocuments } from '../../hooks/use-documents';
import { useI18n } from '../../hooks/use-i18n';
import { useSources } from '../../hooks/use-sources';
import { pick } from '../../lib/i18n';
import { Dialog } from './dialog';

/** 资料来源 / Sources: every document the atlas cites (GET /api/documents); each opens in the viewer. */
export function DocumentList({ onClose }: { onClose: () => void }) {
  const { lang, t } = useI18n();
  const sources = useSources();
  const docs = useDocuments();
  const headingRef = useRef<HTMLHeadingElement>(null);

  return (
    <Dialog onClose={onClose} labelledBy="document-list-title" className="document-list" initialFocus={headingRef}>
      <div className="dialog-frame">
        <header className="dialog-header">
          <div className="dialog-titles">
            <h2 id="document-list-title" ref={headingRef} tabIndex={-1}>{t.sources}</h2>
            <p className="dialog-secondary">{t.documentsIntro}</p>
          </div>
          <button type="button" className="icon-button close-button" onClick={onClose} title={`${t.close} (Esc)`}>
            <span className="visually-hidden">{t.close}</span>
            <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
              <path d="M3.5 3.5 L12.5 12.5 M12.5 3.5 L3.5 12.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            </svg>
          </button>
        </header>
        <div className="dialog-scroll">
          {docs.isPending && <p className="muted" aria-live="polite">{t.loading}</p>}
          {docs.error && (
            <p className="layer-error" role="alert">
              {t.loadFailed}: {docs.error.message}{' '}
              <button type="button" className="link-button" onClick={() => void docs.refetch()}>{t.retry}</button>
            </p>
          )}
          <ul className="document-entries">
            {(docs.data ?? []).map((d) => {
              const title = pick(lang, d.title_zh, d.title_en);
              const other = lang === 'zh' ? d.title_en : d.title_zh;
              return (
                <li key={d.id}>
                  <button type="button" className="document-entry" onClick={() => sources?.openDocument({ documentId: d.id })} data-document-id={d.id}>
                    <span className="document-entry-title">{title}</span>
                    {other !== title && <span className="document-entry-other" lang={lang === 'zh' ? 'en' : 'zh-CN'}>{other}</span>}
                    <span className="document-entry-meta muted">
                      {[d.id.startsWith('ext:') ? null : d.id, t.docLevels[d.level] ?? d.level, d.period, t.docLength(d.length), t.docCitations(d.citations)]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </Dialog>
  );
}
