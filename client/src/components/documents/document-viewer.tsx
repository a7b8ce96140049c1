import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { DocumentDetail } from '@contract/api';
import { useDocument } from '../../hooks/use-documents';
import { useI18n } from '../../hooks/use-i18n';
import type { DocumentTarget } from '../../hooks/use-sources';
import { pick } from '../../lib/i18n';
import { findQuote, normaliseWithOrigin, stripWhitespace, type TextSpan } from '../../lib/quote-match';
import { Dialog } from './dialog';

/** A citation of the open document with where it stands in the text (null if it cannot be found). */
interface PlacedCitation {
  id: string;
  quote: string;
  span: TextSpan | null;
}

/** What is highlighted: a known citation of the document, or a quote given without one. */
interface Active {
  citationId: string | null;
  quote: string | null;
}

function shortQuote(q: string, max = 72): string {
  const one = q.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** The initial highlight: the citation by id, else the citation that says the same as the quote, else the bare quote. */
function initialActive(target: DocumentTarget, doc: DocumentDetail | undefined): Active {
  if (!doc) return { citationId: target.citationId ?? null, quote: target.quote ?? null };
  if (target.citationId && doc.citations.some((c) => c.id === target.citationId)) return { citationId: target.citationId, quote: null };
  if (target.quote) {
    const wanted = stripWhitespace(target.quote);
    const same = doc.citations.find((c) => stripWhitespace(c.quote) === wanted);
    return same ? { citationId: same.id, quote: null } : { citationId: null, quote: target.quote };
  }
  return { citationId: null, quote: null };
}

const CLOSE_ICON = (
  <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
    <path d="M3.5 3.5 L12.5 12.5 M12.5 3.5 L3.5 12.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
  </svg>
);

/**
 * The whole text of a source document in a modal, with the cited passage marked (<mark>) and scrolled
 * into view, and the document's other citations as a list to jump between.
 */
export function DocumentViewer({ target, onClose }: { target: DocumentTarget; onClose: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  return (
    <Dialog onClose={onClose} labelledBy="document-viewer-title" className="document-viewer" initialFocus={headingRef}>
      <ViewerContent target={target} onClose={onClose} headingRef={headingRef} />
    </Dialog>
  );
}

/** The viewer's content; mounted by Dialog once the dialog is open, so its first layout effect can measure and scroll. */
function ViewerContent({ target, onClose, headingRef }: { target: DocumentTarget; onClose: () => void; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const { lang, t } = useI18n();
  const query = useDocument(target.documentId);
  const doc = query.data;
  const paneRef = useRef<HTMLDivElement>(null);
  const markRef = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  // null until the user jumps: until then the target decides (the document may still be loading).
  const [chosen, setChosen] = useState<Active | null>(null);
  const active = chosen ?? initialActive(target, doc);

  const normalised = useMemo(() => (doc ? normaliseWithOrigin(doc.text) : null), [doc]);
  const placed = useMemo<PlacedCitation[]>(() => {
    if (!doc || !normalised) return [];
    const list = doc.citations.map((c) => ({ ...c, span: findQuote(normalised, c.quote) }));
    // Reading order; a citation that cannot be placed goes last rather than disappearing.
    return list.sort((a, b) => (a.span?.start ?? Infinity) - (b.span?.start ?? Infinity) || a.id.localeCompare(b.id));
  }, [doc, normalised]);

  const activeIndex = active.citationId ? placed.findIndex((c) => c.id === active.citationId) : -1;
  const activeQuote = activeIndex >= 0 ? placed[activeIndex].quote : active.quote;
  const span = activeIndex >= 0 ? placed[activeIndex].span : activeQuote && normalised ? findQuote(normalised, activeQuote) : null;

  // Centre the mark in the text pane. The pane is scrolled by hand: scrollIntoView would also scroll the
  // dialog and the page behind it.
  useLayoutEffect(() => {
    const pane = paneRef.current;
    const mark = markRef.current;
    if (!pane) return;
    if (!mark) {
      pane.scrollTop = 0;
      return;
    }
    const p = pane.getBoundingClientRect();
    const m = mark.getBoundingClientRect();
    pane.scrollTop += m.top - p.top - Math.max(16, (p.height - m.height) / 2);
    // Keep the current entry of the citation list in sight as well.
    const list = listRef.current;
    const item = list?.querySelector<HTMLElement>('[aria-current="true"]');
    if (list && item) {
      const l = list.getBoundingClientRect();
      const r = item.getBoundingClientRect();
      if (r.top < l.top || r.bottom > l.bottom) list.scrollTop += r.top - l.top - (l.height - r.height) / 2;
    }
  }, [doc, span?.start, span?.end]);

  const jump = (index: number) => {
    const c = placed[index];
    if (c) setChosen({ citationId: c.id, quote: null });
  };

  const title = doc ? pick(lang, doc.title_zh, doc.title_en) : target.documentId;
  const otherTitle = doc ? (lang === 'zh' ? doc.title_en : doc.title_zh) : '';

  return (
    <div className="dialog-frame" data-document-id={target.documentId}>
      <header className="dialog-header">
        <div className="dialog-titles">
          <p className="dialog-kicker">{t.sources} · {target.documentId}</p>
          <h2 id="document-viewer-title" ref={headingRef} tabIndex={-1}>{title}</h2>
          {otherTitle && otherTitle !== title && <p className="dialog-secondary" lang={lang === 'zh' ? 'en' : 'zh-CN'}>{otherTitle}</p>}
          {doc && (
            <dl className="doc-meta">
              <div><dt>{t.docLevel}</dt><dd>{t.docLevels[doc.level] ?? doc.level}</dd></div>
              {doc.period && <div><dt>{t.docPeriod}</dt><dd>{doc.period}</dd></div>}
              {doc.as_of_year !== null && <div><dt>{t.docAsOf}</dt><dd>{t.year(doc.as_of_year)}</dd></div>}
              <div><dt>{t.documentText}</dt><dd>{t.docLength(doc.text.length)}</dd></div>
              {doc.url && (
                <div>
                  <dt>{t.openSourceUrl}</dt>
                  <dd>{/^https?:\/\//.test(doc.url) ? <a href={doc.url} target="_blank" rel="noopener noreferrer">{doc.url}</a> : doc.url}</dd>
                </div>
              )}
            </dl>
          )}
        </div>
        <button type="button" className="icon-button close-button" onClick={onClose} title={`${t.close} (Esc)`}>
          <span className="visually-hidden">{t.close}</span>
          {CLOSE_ICON}
        </button>
      </header>

      {query.isPending && <p className="dialog-status muted" aria-live="polite">{t.loading}</p>}
      {query.error && (
        <p className="dialog-status layer-error" role="alert">
          {t.loadFailed}: {query.error.message}{' '}
          <button type="button" className="link-button" onClick={() => void query.refetch()}>{t.retry}</button>
        </p>
      )}

      {doc && (
        <div className="doc-body">
          <section className="doc-text-column" aria-label={t.documentText}>
            {activeQuote && !span && (
              <div className="doc-missing" role="alert">
                {t.quoteNotFound}
                <blockquote lang="zh-CN">{shortQuote(activeQuote, 400)}</blockquote>
              </div>
            )}
            <div className="doc-text" ref={paneRef} tabIndex={0} lang="zh-CN" aria-label={`${t.documentText}: ${title}`}>
              {span ? (
                <>
                  {doc.text.slice(0, span.start)}
                  <mark ref={markRef} className="quote-mark" data-citation-id={activeIndex >= 0 ? placed[activeIndex].id : undefined}>
                    {doc.text.slice(span.start, span.end)}
                  </mark>
                  {doc.text.slice(span.end)}
                </>
              ) : (
                doc.text
              )}
            </div>
            <p className="doc-note muted">{t.quoteMatchNote}</p>
          </section>

          {placed.length > 0 && (
            <nav className="doc-citations" aria-labelledby="doc-citations-title">
              <div className="doc-citations-head">
                <h3 id="doc-citations-title">{t.citationsInDoc} <span className="muted">({placed.length})</span></h3>
                <div className="doc-stepper">
                  <button type="button" className="doc-step-button" disabled={activeIndex <= 0} onClick={() => jump(activeIndex - 1)}>
                    ‹ {t.prevCitation}
                  </button>
                  <span className="muted" aria-live="polite">{activeIndex >= 0 ? t.citationOf(activeIndex + 1, placed.length) : ''}</span>
                  <button type="button" className="doc-step-button" disabled={activeIndex >= placed.length - 1} onClick={() => jump(activeIndex + 1)}>
                    {t.nextCitation} ›
                  </button>
                </div>
              </div>
              <ol className="doc-citation-list" ref={listRef}>
                {placed.map((c, i) => (
                  <li key={c.id}>
                    <button
                      type="button"
                      className="doc-citation"
                      aria-current={i === activeIndex ? 'true' : undefined}
                      data-citation-id={c.id}
                      onClick={() => jump(i)}
                      lang="zh-CN"
                    >
                      {shortQuote(c.quote)}
                    </button>
                  </li>
                ))}
              </ol>
            </nav>
          )}
        </div>
      )}
    </div>
  );
}
