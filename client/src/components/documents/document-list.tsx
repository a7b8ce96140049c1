import { useRef } from 'react';
import { useAuth } from '../../hooks/use-auth';
import { useDocuments } from '../../hooks/use-documents';
import { useI18n } from '../../hooks/use-i18n';
import { useSources } from '../../hooks/use-sources';
import { pick } from '../../lib/i18n';
import { Dialog } from './dialog';
import { DocumentUpload } from './document-upload';

/**
 * 资料来源 / Sources: the document library (GET /api/documents), each entry opening in the viewer with its
 * status and paragraph counts; editors also upload here and open a document's suggestions to review.
 */
export function DocumentList({ onClose }: { onClose: () => void }) {
  const { lang, t } = useI18n();
  const d2 = t.documents2;
  const auth = useAuth();
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
          {auth.canEdit ? <DocumentUpload documents={docs.data ?? []} /> : auth.user === null && <p className="muted small-note">{d2.signInToUpload}</p>}
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
                <li key={d.id} className="document-entry-row">
                  <button type="button" className="document-entry" onClick={() => sources?.openDocument({ documentId: d.id })} data-document-id={d.id}>
                    <span className="document-entry-title">
                      {title}
                      {d.format && <span className={`status-tag ${d.status}`}>{d2.statuses[d.status] ?? d.status}</span>}
                    </span>
                    {other && other !== title && <span className="document-entry-other" lang={lang === 'zh' ? 'en' : 'zh-CN'}>{other}</span>}
                    <span className="document-entry-meta muted">
                      {[
                        d.id.startsWith('ext:') ? null : d.id,
                        t.docLevels[d.level] ?? d.level,
                        d.date,
                        d.period,
                        t.docLength(d.length),
                        d.paragraphs ? d2.paragraphs(d.paragraphs) : null,
                        d.pages ? d2.pages(d.pages) : null,
                        d.translated_paragraphs ? d2.translated(d.translated_paragraphs) : null,
                        t.docCitations(d.citations),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  </button>
                  {auth.canEdit && d.open_suggestions > 0 && (
                    <button type="button" className="doc-button open-suggestions" data-document-id={d.id} onClick={() => sources?.openSuggestions(d.id)}>
                      {d2.openSuggestions(d.open_suggestions)}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </Dialog>
  );
}
