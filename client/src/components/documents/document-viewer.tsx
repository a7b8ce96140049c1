import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { DocumentDetailV2, DocumentParagraph } from '@contract/api';
import { useAuth } from '../../hooks/use-auth';
import { useDocument } from '../../hooks/use-documents';
import { useI18n } from '../../hooks/use-i18n';
import { documentHash, useSources, type DocumentTarget } from '../../hooks/use-sources';
import { pick } from '../../lib/i18n';
import { findQuote, normaliseWithOrigin, stripWhitespace, type TextSpan } from '../../lib/quote-match';
import { TranslatedQuote } from '../feature/citation-quote';
import { Dialog } from './dialog';

/** A citation of the open document with where it stands in the paragraphs' text (null if it cannot be found). */
interface PlacedCitation {
  id: string;
  quote: string;
  /** The stored English translation (not the evidence), or null. */
  quoteEn: string | null;
  span: TextSpan | null;
}

/** What is highlighted: a known citation of the document, or a quote given without one. */
interface Active {
  citationId: string | null;
  quote: string | null;
}

/** The paragraphs joined by blank lines, with where each one starts and ends in that text. */
interface Layout {
  text: string;
  paras: Array<{ para: DocumentParagraph; start: number; end: number }>;
}

/** A run of text that is one paragraph's and has the same highlights throughout. */
interface Piece {
  start: number;
  end: number;
  /** Index into Layout.paras; -1 for the blank line between two paragraphs. */
  para: number;
  /** The first piece of its paragraph (it carries the anchor). */
  first: boolean;
  cited: boolean;
  active: boolean;
}

const SEPARATOR = '\n\n';

function shortQuote(q: string, max = 72): string {
  const one = q.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** The initial highlight: the citation by id, else the citation that says the same as the quote, else the bare quote. */
function initialActive(target: DocumentTarget, doc: DocumentDetailV2 | undefined): Active {
  if (!doc) return { citationId: target.citationId ?? null, quote: target.quote ?? null };
  if (target.citationId && doc.citations.some((c) => c.id === target.citationId)) return { citationId: target.citationId, quote: null };
  if (target.quote) {
    const wanted = stripWhitespace(target.quote);
    const same = doc.citations.find((c) => stripWhitespace(c.quote) === wanted);
    return same ? { citationId: same.id, quote: null } : { citationId: null, quote: target.quote };
  }
  return { citationId: null, quote: null };
}

function layoutOf(doc: DocumentDetailV2): Layout {
  // A document without stored paragraphs (a cited public source) is one paragraph of its text.
  const paragraphs = doc.paragraphs.length ? doc.paragraphs : [{ seq: 0, page: null, text: doc.text, en: null, en_is_translation: true as const }];
  let at = 0;
  const paras = paragraphs.map((para, i) => {
    const start = at + (i ? SEPARATOR.length : 0);
    at = start + para.text.length;
    return { para, start, end: at };
  });
  return { text: paras.map((p) => p.para.text).join(SEPARATOR), paras };
}

/** Cuts the text at every paragraph and highlight boundary. */
function piecesOf(layout: Layout, cited: TextSpan[], active: TextSpan | null): Piece[] {
  const cuts = new Set<number>([0, layout.text.length]);
  for (const p of layout.paras) cuts.add(p.start).add(p.end);
  for (const s of [...cited, ...(active ? [active] : [])]) cuts.add(s.start).add(s.end);
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  let para = 0;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [start, end] = [sorted[i], sorted[i + 1]];
    if (start === end) continue;
    while (para < layout.paras.length - 1 && start >= layout.paras[para].end) para++;
    const inside = start >= layout.paras[para].start && end <= layout.paras[para].end;
    out.push({
      start,
      end,
      para: inside ? para : -1,
      first: inside && start === layout.paras[para].start,
      cited: cited.some((s) => s.start < end && s.end > start),
      active: !!active && active.start < end && active.end > start,
    });
  }
  return out;
}

const CLOSE_ICON = (
  <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
    <path d="M3.5 3.5 L12.5 12.5 M12.5 3.5 L3.5 12.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
  </svg>
);

/**
 * The text of a source document in a modal, paragraph by paragraph with its page numbers: every cited
 * passage highlighted, the active one marked (<mark class="quote-mark">) and scrolled into view, a search
 * over the paragraphs, the stored English rendering beside the Chinese (marked as a translation), and the
 * place kept in the URL hash (#doc=…&cite=…) so a link reopens it.
 */
export function DocumentViewer({ target, onClose }: { target: DocumentTarget; onClose: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  return (
    <Dialog onClose={onClose} labelledBy="document-viewer-title" className="document-viewer" initialFocus={headingRef} sheetOnPhone>
      <ViewerContent target={target} onClose={onClose} headingRef={headingRef} />
    </Dialog>
  );
}

/** The viewer's content; mounted by Dialog once the dialog is open, so its first layout effect can measure and scroll. */
function ViewerContent({ target, onClose, headingRef }: { target: DocumentTarget; onClose: () => void; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const { lang, t } = useI18n();
  const d2 = t.documents2;
  const auth = useAuth();
  const sources = useSources();
  const query = useDocument(target.documentId);
  const doc = query.data;
  const paneRef = useRef<HTMLDivElement>(null);
  const markRef = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  // null until the user jumps: until then the target decides (the document may still be loading).
  const [chosen, setChosen] = useState<Active | null>(null);
  const [paragraph, setParagraph] = useState<number | null>(target.paragraph ?? null);
  const [search, setSearch] = useState('');
  const [bilingual, setBilingual] = useState(false);
  const active = chosen ?? initialActive(target, doc);

  const layout = useMemo(() => (doc ? layoutOf(doc) : null), [doc]);
  const normalised = useMemo(() => (layout ? normaliseWithOrigin(layout.text) : null), [layout]);
  const placed = useMemo<PlacedCitation[]>(() => {
    if (!doc || !normalised) return [];
    const list = doc.citations.map((c) => ({ id: c.id, quote: c.quote, quoteEn: c.quote_en, span: findQuote(normalised, c.quote) }));
    // Reading order; a citation that cannot be placed goes last rather than disappearing.
    return list.sort((a, b) => (a.span?.start ?? Infinity) - (b.span?.start ?? Infinity) || a.id.localeCompare(b.id));
  }, [doc, normalised]);

  const activeIndex = active.citationId ? placed.findIndex((c) => c.id === active.citationId) : -1;
  const activeQuote = activeIndex >= 0 ? placed[activeIndex].quote : active.quote;
  // English mode reads a quote in its translation; the Chinese original (the evidence) stays one click away.
  const activeEn = lang === 'en' && activeIndex >= 0 ? placed[activeIndex].quoteEn : null;
  const span = activeIndex >= 0 ? placed[activeIndex].span : activeQuote && normalised ? findQuote(normalised, activeQuote) : null;
  const pieces = useMemo(
    () => (layout ? piecesOf(layout, placed.flatMap((c) => (c.span ? [c.span] : [])), span) : []),
    [layout, placed, span?.start, span?.end],
  );

  const needle = stripWhitespace(search).toLowerCase();
  const hits = useMemo(
    () => (layout && needle ? layout.paras.filter((p) => stripWhitespace(p.para.text).toLowerCase().includes(needle)).map((p) => p.para.seq) : []),
    [layout, needle],
  );
  const hitSet = useMemo(() => new Set(hits), [hits]);
  const translated = doc?.paragraphs.some((p) => p.en) ?? false;

  // The place in the URL: a link to it reopens the viewer there; closing the viewer takes it away.
  const place: DocumentTarget = active.citationId
    ? { documentId: target.documentId, citationId: active.citationId }
    : paragraph !== null ? { documentId: target.documentId, paragraph } : { documentId: target.documentId };
  const hash = documentHash(place);
  useEffect(() => {
    if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
  }, [hash]);
  useEffect(
    () => () => {
      if (window.location.hash.startsWith('#doc=')) window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`);
    },
    [],
  );

  // Centre the mark (or the paragraph asked for) in the text pane. The pane is scrolled by hand:
  // scrollIntoView would also scroll the dialog and the page behind it.
  useLayoutEffect(() => {
    const pane = paneRef.current;
    if (!pane) return;
    const el = markRef.current ?? (paragraph !== null ? pane.querySelector<HTMLElement>(`[data-para-anchor="${paragraph}"]`) : null);
    if (!el) {
      pane.scrollTop = 0;
      return;
    }
    const p = pane.getBoundingClientRect();
    const m = el.getBoundingClientRect();
    pane.scrollTop += m.top - p.top - Math.max(16, (p.height - Math.min(m.height, p.height)) / 2);
    // Keep the current entry of the citation list in sight as well.
    const list = listRef.current;
    const item = list?.querySelector<HTMLElement>('[aria-current="true"]');
    if (list && item) {
      const l = list.getBoundingClientRect();
      const r = item.getBoundingClientRect();
      if (r.top < l.top || r.bottom > l.bottom) list.scrollTop += r.top - l.top - (l.height - r.height) / 2;
    }
  }, [doc, span?.start, span?.end, paragraph, bilingual]);

  const jump = (index: number) => {
    const c = placed[index];
    if (c) {
      setChosen({ citationId: c.id, quote: null });
      setParagraph(null);
    }
  };
  const goToParagraph = (seq: number) => {
    setChosen({ citationId: null, quote: null });
    setParagraph(seq);
  };

  const title = doc ? pick(lang, doc.title_zh, doc.title_en) : target.documentId;
  const otherTitle = doc ? (lang === 'zh' ? doc.title_en : doc.title_zh) : '';

  /** One piece of text with its highlights; the anchor of its paragraph and its page marker when it starts one. */
  const renderPiece = (k: Piece, inMark: boolean): ReactNode => {
    if (!layout) return null;
    const text = layout.text.slice(k.start, k.end);
    if (k.para < 0) return <span key={k.start}>{text}</span>;
    const { para } = layout.paras[k.para];
    const prevPage = k.para > 0 ? layout.paras[k.para - 1].para.page : null;
    const pageMarker = k.first && para.page !== null && para.page !== prevPage;
    const className = ['doc-para', hitSet.has(para.seq) ? 'doc-hit' : '', paragraph === para.seq ? 'doc-para-current' : ''].filter(Boolean).join(' ');
    return (
      <span
        key={k.start}
        className={className}
        data-seq={para.seq}
        data-para-anchor={k.first ? para.seq : undefined}
        id={k.first ? `doc-para-${para.seq}` : undefined}
      >
        {/* Page labels are drawn by CSS from the attribute, so the text (and a quote's mark) stays the document's. */}
        {pageMarker && <span className="doc-page" data-label={d2.page(para.page!)} aria-hidden="true" />}
        {k.cited && !inMark ? <mark className="cited-mark">{text}</mark> : text}
      </span>
    );
  };

  /** The pieces in reading order; those of the active quote inside one <mark>. */
  const renderRun = (run: Piece[]): ReactNode[] => {
    const out: ReactNode[] = [];
    for (let i = 0; i < run.length; ) {
      if (!run[i].active) {
        out.push(renderPiece(run[i], false));
        i++;
        continue;
      }
      const inside: Piece[] = [];
      while (i < run.length && run[i].active) inside.push(run[i++]);
      out.push(
        <mark key={`m${inside[0].start}`} ref={markRef} className="quote-mark" data-citation-id={activeIndex >= 0 ? placed[activeIndex].id : undefined}>
          {inside.map((k) => renderPiece(k, true))}
        </mark>,
      );
    }
    return out;
  };

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
              <div><dt>{d2.status}</dt><dd>{d2.statuses[doc.status] ?? doc.status}</dd></div>
              {doc.date && <div><dt>{d2.issuedOn}</dt><dd>{doc.date}</dd></div>}
              {doc.period && <div><dt>{t.docPeriod}</dt><dd>{doc.period}</dd></div>}
              {doc.as_of_year !== null && <div><dt>{t.docAsOf}</dt><dd>{t.year(doc.as_of_year)}</dd></div>}
              <div>
                <dt>{t.documentText}</dt>
                <dd>{[t.docLength(doc.text.length), d2.paragraphs(doc.paragraphs.length), doc.pages ? d2.pages(doc.pages) : null, doc.format?.toUpperCase()].filter(Boolean).join(' · ')}</dd>
              </div>
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

      {doc && layout && (
        <div className="doc-body">
          <section className="doc-text-column" aria-label={t.documentText}>
            <div className="doc-toolbar">
              <label className="doc-search">
                <span className="visually-hidden">{d2.searchLabel}</span>
                <input type="search" value={search} placeholder={`${d2.searchLabel}：${d2.searchPlaceholder}`} onChange={(e) => setSearch(e.target.value)} aria-describedby="doc-search-count" />
              </label>
              <span id="doc-search-count" className="muted doc-search-count" aria-live="polite">{needle ? (hits.length ? d2.searchHits(hits.length) : d2.noHits) : ''}</span>
              <label className="doc-toggle">
                <input type="checkbox" checked={bilingual} onChange={(e) => setBilingual(e.target.checked)} disabled={!translated} />
                <span>{d2.showEnglish}</span>
              </label>
              <a className="link-button doc-permalink" href={hash}>{d2.linkHere}</a>
              {auth.canEdit && sources && !doc.id.startsWith('ext:') && (
                <button type="button" className="link-button doc-review" onClick={() => sources.openSuggestions(doc.id)}>{d2.review}</button>
              )}
            </div>
            {needle && hits.length > 0 && (
              <ol className="doc-hits" aria-label={d2.searchHits(hits.length)}>
                {hits.slice(0, 50).map((seq) => (
                  <li key={seq}>
                    <button type="button" className="link-button doc-hit-button" data-seq={seq} onClick={() => goToParagraph(seq)}>{d2.place(seq)}</button>
                  </li>
                ))}
              </ol>
            )}
            {activeQuote && !span && (
              <div className="doc-missing" role="alert">
                {t.quoteNotFound}
                {activeEn ? <div className="citation"><TranslatedQuote en={activeEn} zh={shortQuote(activeQuote, 400)} /></div> : <blockquote lang="zh-CN">{shortQuote(activeQuote, 400)}</blockquote>}
              </div>
            )}
            {activeEn && span && (
              <section className="doc-active-quote" aria-label={d2.activeQuote} data-citation-id={placed[activeIndex].id}>
                <div className="citation"><TranslatedQuote en={activeEn} zh={shortQuote(placed[activeIndex].quote, 400)} /></div>
              </section>
            )}
            {bilingual ? (
              <div className="doc-text doc-bilingual" ref={paneRef} tabIndex={0} aria-label={`${t.documentText}: ${title}`}>
                <p className="doc-translation-note" lang={lang === 'zh' ? 'zh-CN' : 'en'}>{d2.englishHeading}</p>
                {layout.paras.map((p, i) => (
                  <div key={p.para.seq} className="doc-row">
                    <div className="doc-zh" lang="zh-CN">{renderRun(pieces.filter((k) => k.para === i))}</div>
                    <div className="doc-en" lang="en">
                      {p.para.en ? (
                        <>
                          <span className="translation-tag">{d2.translationTag}</span> {p.para.en}
                        </>
                      ) : (
                        <span className="muted">{d2.noEnglish}</span>
                      )}
                    </div>
                  </div>
                ))}
              </div>
            ) : (
              <div className="doc-text" ref={paneRef} tabIndex={0} lang="zh-CN" aria-label={`${t.documentText}: ${title}`}>
                {renderRun(pieces)}
              </div>
            )}
            <p className="doc-note muted">{d2.highlightLegend} {t.quoteMatchNote}{!translated && ` ${d2.noTranslations}`}</p>
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
                      lang={lang === 'en' && c.quoteEn ? 'en' : 'zh-CN'}
                    >
                      {shortQuote(lang === 'en' && c.quoteEn ? c.quoteEn : c.quote)}
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
