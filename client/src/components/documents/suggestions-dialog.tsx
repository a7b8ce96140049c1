import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Suggestion } from '@contract/api';
import { useAuth } from '../../hooks/use-auth';
import { useDocument } from '../../hooks/use-documents';
import { invalidateFigureData, useSuggestions } from '../../hooks/use-figures';
import { useI18n } from '../../hooks/use-i18n';
import { useChains } from '../../hooks/use-investor-data';
import { useSources } from '../../hooks/use-sources';
import { acceptSuggestion, rejectSuggestion } from '../../lib/api';
import { pick } from '../../lib/i18n';
import { Dialog } from './dialog';
import { FigureForm } from './figure-form';
import { problemText } from '../../lib/problem-text';

/** One suggestion: what it proposes, its quote, and accept / reject while it is open. */
function SuggestionItem({ s, chainName }: { s: Suggestion; chainName: (id: string) => string | null }) {
  const { lang, t } = useI18n();
  const d2 = t.documents2;
  const auth = useAuth();
  const sources = useSources();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const p = s.proposal;
  const subject = p.subject_id ? (p.subject_type === 'chain' ? chainName(p.subject_id) ?? p.subject_id : p.subject_id) : d2.unmatchedSubject;
  const subjectType = p.subject_type ? d2.subjectTypes[p.subject_type] ?? p.subject_type : '';

  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      await invalidateFigureData(queryClient);
    } catch (e) {
      setError(problemText(e, d2));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="suggestion" data-suggestion-id={s.id} data-status={s.status}>
      <div className="suggestion-head">
        <span className={`suggestion-status ${s.status}`}>{d2.suggestionStatus[s.status] ?? s.status}</span>
        <span className="muted">{d2.patterns[s.pattern] ?? s.pattern}</span>
        <span>{subjectType} <strong>{subject}</strong></span>
        {s.type === 'figure' ? (
          <span>
            {p.metric_zh}
            {p.year !== null && ` · ${t.year(p.year)}`} · {t.figureKind[p.kind] ?? p.kind} ·{' '}
            <span className="suggestion-value">{p.value_text}</span> {p.unit}
          </span>
        ) : (
          <span>{d2.structure}: <strong>{p.name}</strong> <span className="muted">({p.system})</span></span>
        )}
      </div>
      <blockquote lang="zh-CN">{s.quote.replace(/\s+/g, ' ').trim()}</blockquote>
      <div className="doc-form-actions">
        <button type="button" className="link-button" onClick={() => sources?.openDocument({ documentId: s.document_id, quote: s.quote, paragraph: s.paragraph_seq })}>
          {d2.showInDocument} ({d2.place(s.paragraph_seq)})
        </button>
        {s.status === 'open' && auth.canEdit && !rejecting && (
          <>
            <button type="button" className="doc-button primary accept-suggestion" disabled={busy} onClick={() => void act(() => acceptSuggestion(s.document_id, s.id, auth.csrfToken))}>
              {d2.accept}
            </button>
            <button type="button" className="doc-button reject-suggestion" disabled={busy} onClick={() => setRejecting(true)}>{d2.reject}</button>
          </>
        )}
        {s.status !== 'open' && s.decided_by && <span className="muted">{s.decided_by} · {s.decided_at?.slice(0, 10)}{s.reason ? ` · ${s.reason}` : ''}</span>}
        {s.figure_id && <span className="muted accepted-figure" data-figure-id={s.figure_id}>{d2.acceptedFigure}: {s.figure_id}</span>}
      </div>
      {rejecting && (
        <div className="doc-form-actions">
          <input className="doc-reason" aria-label={d2.rejectReason} placeholder={d2.rejectReason} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          <button type="button" className="doc-button" disabled={busy} onClick={() => void act(() => rejectSuggestion(s.document_id, s.id, reason.trim(), auth.csrfToken))}>{d2.confirmReject}</button>
          <button type="button" className="link-button" onClick={() => setRejecting(false)}>{d2.cancel}</button>
        </div>
      )}
      {error && <p className="doc-error" role="alert" lang={lang === 'zh' ? 'zh-CN' : 'en'}>{error}</p>}
    </li>
  );
}

/**
 * 指标建议: after an upload (or from the library), each figure or structure the extractor proposes with
 * its quote, accepted (the server creates the figure and checks it again) or rejected; below, the form
 * to attach a figure by hand.
 */
export function SuggestionsDialog({ documentId, onClose }: { documentId: string; onClose: () => void }) {
  const { lang, t } = useI18n();
  const d2 = t.documents2;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const list = useSuggestions(documentId);
  const doc = useDocument(documentId);
  const chains = useChains();
  const chainName = (id: string) => {
    const c = chains.data?.find((x) => x.id === id);
    return c ? pick(lang, c.name_zh, c.name_en) : null;
  };
  const items = list.data ?? [];
  // Open ones first, then the decided ones in the document's order.
  const sorted = [...items].sort((a, b) => Number(a.status !== 'open') - Number(b.status !== 'open') || a.seq - b.seq);

  return (
    <Dialog onClose={onClose} labelledBy="suggestions-title" className="suggestions-dialog" initialFocus={headingRef}>
      <div className="dialog-frame" data-document-id={documentId}>
        <header className="dialog-header">
          <div className="dialog-titles">
            <p className="dialog-kicker">{t.sources} · {documentId}</p>
            <h2 id="suggestions-title" ref={headingRef} tabIndex={-1}>{d2.suggestionsTitle}</h2>
            {doc.data && <p className="dialog-secondary">{pick(lang, doc.data.title_zh, doc.data.title_en)}</p>}
          </div>
          <button type="button" className="icon-button close-button" onClick={onClose} title={`${t.close} (Esc)`}>
            <span className="visually-hidden">{t.close}</span>
            <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
              <path d="M3.5 3.5 L12.5 12.5 M12.5 3.5 L3.5 12.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            </svg>
          </button>
        </header>
        <div className="dialog-scroll">
          <p className="muted small-note">{d2.suggestionsIntro}</p>
          {list.isPending && <p className="muted" aria-live="polite">{t.loading}</p>}
          {list.error && <p className="layer-error" role="alert">{t.loadFailed}: {list.error.message}</p>}
          {list.data && items.length === 0 && <p className="muted">{d2.noSuggestions}</p>}
          <ol className="suggestion-list">
            {sorted.map((s) => <SuggestionItem key={s.id} s={s} chainName={chainName} />)}
          </ol>
          <FigureForm documentId={documentId} />
        </div>
      </div>
    </Dialog>
  );
}
