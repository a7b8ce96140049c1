import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { DiscrepancyEntry, DiscrepancyKind } from '@contract/api';
import { useAuth } from '../../hooks/use-auth';
import { useI18n } from '../../hooks/use-i18n';
import { useSources } from '../../hooks/use-sources';
import { decideDiscrepancy, fetchDiscrepancies, queryKeys } from '../../lib/api';
import { problemText } from '../../lib/problem-text';
import { pick } from '../../lib/i18n';
import { formatQuantity } from '../../lib/figure-format';
import { CHECKS_PANEL_ID } from '../documents/sources-buttons';
import { MixedText } from '../common/mixed-text';
import { CitationQuote } from '../feature/citation-quote';

/** What a discrepancy subject id turned out to be, with a label to show for it. */
export interface ResolvedSubject {
  kind: 'feature' | 'chain' | 'figure' | 'unknown';
  label: string;
}

/** Groups in reading order: arithmetic first, wording last. */
const KIND_ORDER: DiscrepancyKind[] = ['sum', 'figure', 'growth', 'area', 'membership', 'name'];

/**
 * Whether a discrepancy is open or resolved (with the reason, who and when), its history, and for editors
 * the action that resolves it with a reason (or reopens it); the server keeps every decision.
 */
function Resolution({ item }: { item: DiscrepancyEntry }) {
  const { t } = useI18n();
  const d2 = t.documents2;
  const auth = useAuth();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const action = item.status === 'resolved' ? 'reopen' : 'resolve';
  const submit = async () => {
    if (action === 'resolve' && !reason.trim()) {
      setError(d2.reasonRequired);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const entry = await decideDiscrepancy(item.id, action, reason.trim(), auth.csrfToken);
      queryClient.setQueryData<DiscrepancyEntry[]>(queryKeys.discrepancies, (list) => list?.map((d) => (d.id === entry.id ? entry : d)));
      setEditing(false);
      setReason('');
    } catch (e) {
      setError(problemText(e, d2));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="discrepancy-resolution">
      <p className="discrepancy-state">
        <span className={`state-tag ${item.status}`}>{item.status === 'resolved' ? d2.resolved : d2.open}</span>
        {item.origin && <span className="muted">{item.origin === 'curated' ? d2.curatedTag : d2.computedTag}</span>}
        {item.resolution && <span className="resolution-reason">{item.resolution.reason} <span className="muted">— {item.resolution.by} · {item.resolution.at.slice(0, 10)}</span></span>}
        {auth.canEdit && !editing && (
          <button type="button" className="link-button decide-discrepancy" onClick={() => setEditing(true)}>{action === 'resolve' ? d2.markResolved : d2.reopen}</button>
        )}
      </p>
      {editing && (
        <div className="doc-form-actions">
          <textarea className="doc-reason" rows={2} maxLength={1000} aria-label={action === 'resolve' ? d2.resolutionReason : d2.reopenReason} placeholder={action === 'resolve' ? d2.resolutionReason : d2.reopenReason} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="button" className="doc-button primary confirm-decision" disabled={busy} onClick={() => void submit()}>{d2.confirm}</button>
          <button type="button" className="link-button" onClick={() => setEditing(false)}>{d2.cancel}</button>
        </div>
      )}
      {error && <p className="doc-error" role="alert">{error}</p>}
      {item.history?.length > 0 && (
        <details>
          <summary className="muted">{d2.history} ({item.history.length})</summary>
          <ol className="resolution-history">
            {item.history.map((h, i) => (
              <li key={i}>{h.at.slice(0, 16).replace('T', ' ')} · {h.by} · {d2.historyActions[h.action] ?? h.action}{h.reason ? `：${h.reason}` : ''}{h.current ? '' : ` ${d2.staleResolution}`}</li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

/** One discrepancy: title, explanation, computed value, subjects as links, and every claim with its source. */
function DiscrepancyItem({ item, resolve }: { item: DiscrepancyEntry; resolve: (id: string) => ResolvedSubject }) {
  const { lang, t } = useI18n();
  const sources = useSources();
  const open = (id: string, kind: ResolvedSubject['kind']) => {
    if (!sources) return;
    if (kind === 'feature') sources.selectFeature(id);
    else if (kind === 'chain') sources.openChain(id);
    else if (kind === 'figure') sources.openFigure(id);
  };
  return (
    <article className={`discrepancy${item.status === 'resolved' ? ' resolved' : ''}`} id={`check-${item.id}`} data-discrepancy-id={item.id} aria-labelledby={`check-${item.id}-title`}>
      <h4 id={`check-${item.id}-title`}><MixedText text={pick(lang, item.title_zh, item.title_en)} /></h4>
      <p className="discrepancy-explain"><MixedText text={pick(lang, item.explanation_zh, item.explanation_en)} /></p>
      <Resolution item={item} />
      {item.computed && (
        <p className="discrepancy-computed">
          <span className="derived-badge">{t.computed}</span>{' '}
          <strong>{formatQuantity(lang, item.computed.value, item.computed.unit)}</strong>{' '}
          <span className="muted">{pick(lang, item.computed.description_zh, item.computed.description)}</span>
        </p>
      )}
      {item.subjects.length > 0 && (
        <p className="discrepancy-subjects">
          <span className="muted">{t.subjects}</span>
          {item.subjects.map((id) => {
            const s = resolve(id);
            return s.kind === 'unknown' ? (
              <span key={id} className="subject-chip unknown" data-subject-id={id}>{s.label}</span>
            ) : (
              <button key={id} type="button" className={`subject-chip subject-${s.kind}`} data-subject-id={id} onClick={() => open(id, s.kind)}>
                <span className="subject-kind">{t.searchKinds[s.kind]}</span> {s.label}
              </button>
            );
          })}
        </p>
      )}
      <h5>{t.claims}{t.claimSummaryNote && <span className="muted"> {t.claimSummaryNote}</span>}</h5>
      <ol className="claim-list">
        {item.claims.map((c, i) => (
          <li key={`${c.citation.id}-${i}`} className="claim">
            <p className="claim-text" lang="en"><MixedText text={c.text} /></p>
            <CitationQuote citation={c.citation} />
          </li>
        ))}
      </ol>
    </article>
  );
}

/**
 * 数据核对 / Data checks: every discrepancy between the documents, grouped by kind, each side quoted
 * with its source. A side sheet, not a modal, so a subject picked here can be seen on the map.
 */
export function ChecksPanel({ onClose, resolve }: { onClose: () => void; resolve: (id: string) => ResolvedSubject }) {
  const { t } = useI18n();
  const list = useQuery({ queryKey: queryKeys.discrepancies, queryFn: ({ signal }) => fetchDiscrepancies(signal), staleTime: Infinity });
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    // Handled here so the app's Esc (which closes the feature panel) does not fire as well.
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      onClose();
    }
  };

  const items = list.data ?? [];
  const groups = KIND_ORDER.map((kind) => ({ kind, items: items.filter((d) => d.kind === kind) })).filter((g) => g.items.length > 0);
  // A kind the client does not know yet still shows, under its raw name.
  const unknown = items.filter((d) => !KIND_ORDER.includes(d.kind));
  if (unknown.length > 0) groups.push({ kind: unknown[0].kind, items: unknown });

  return (
    <aside id={CHECKS_PANEL_ID} className="checks-panel" aria-labelledby="checks-panel-title" onKeyDown={onKeyDown}>
      <header className="feature-panel-header">
        <div className="feature-panel-titles">
          <h2 id="checks-panel-title" ref={headingRef} tabIndex={-1}>{t.checks}</h2>
          {list.data && <p className="feature-secondary">{t.checksCount(items.length)}</p>}
        </div>
        <button type="button" className="icon-button close-button" onClick={onClose} title={`${t.close} (Esc)`}>
          <span className="visually-hidden">{t.close}</span>
          <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
            <path d="M3.5 3.5 L12.5 12.5 M12.5 3.5 L3.5 12.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
        </button>
      </header>
      <div className="feature-panel-body">
        <p className="checks-intro">{t.checksIntro}</p>
        {list.isPending && <p className="muted" aria-live="polite">{t.loading}</p>}
        {list.error && (
          <p className="layer-error" role="alert">
            {t.loadFailed}: {list.error.message}{' '}
            <button type="button" className="link-button" onClick={() => void list.refetch()}>{t.retry}</button>
          </p>
        )}
        {groups.map((g) => (
          <section key={g.kind} className="checks-group" aria-labelledby={`checks-kind-${g.kind}`}>
            <h3 id={`checks-kind-${g.kind}`}>
              {(t.checkKinds as Record<string, string>)[g.kind] ?? g.kind} <span className="muted">({g.items.length})</span>
            </h3>
            {g.items.map((d) => <DiscrepancyItem key={d.id} item={d} resolve={resolve} />)}
          </section>
        ))}
      </div>
    </aside>
  );
}
