import type { Citation, CitationV2 } from '@contract/api';
import { useI18n } from '../../hooks/use-i18n';
import { documentHash, useSources } from '../../hooks/use-sources';
import { pick } from '../../lib/i18n';

/** A quote in English mode: its translation, and the Chinese original (the evidence, lang="zh-CN") behind one click. */
export function TranslatedQuote({ en, zh }: { en: string; zh: string }) {
  const { t } = useI18n();
  return (
    <>
      <blockquote lang="en" className="quote-translation">{en}</blockquote>
      {/* The Chinese is the evidence: one click away, marked as Chinese. */}
      <details className="quote-original">
        <summary>{t.quoteOriginal}</summary>
        <blockquote lang="zh-CN">{zh}</blockquote>
      </details>
    </>
  );
}

/**
 * Shows a quote as it stands in a document (whitespace runs from PDF extraction collapsed) and its title,
 * with an action opening the document at that passage (when a SourcesProvider is mounted) and a link to
 * that place (the URL hash the viewer opens at).
 */
export function CitationQuote({ citation }: { citation: Citation }) {
  const { lang, t } = useI18n();
  const sources = useSources();
  const title = pick(lang, citation.document_title_zh, citation.document_title_en);
  // Citations served since issue 15 carry the paragraph they start in.
  const place = (citation as Partial<CitationV2>).first_seq;
  const zh = citation.quote.replace(/\s+/g, ' ').trim();
  // English mode shows the stored translation first; the Chinese original stays the evidence.
  const english = lang === 'en' && !!citation.quote_en;
  return (
    <figure className="citation">
      {english ? (
        <TranslatedQuote en={citation.quote_en!} zh={zh} />
      ) : (
        <blockquote lang="zh-CN" title={lang === 'zh' ? citation.quote : undefined}>{zh}</blockquote>
      )}
      <figcaption>
        — <cite>{title}</cite>
        {!citation.document_id.startsWith('ext:') && <span className="muted"> ({citation.document_id})</span>}
        {sources && (
          <>
            {' '}
            <button
              type="button"
              className="link-button open-in-document"
              data-citation-id={citation.id}
              title={`${t.openInDocument}: ${title}`}
              onClick={() => sources.openDocument({ documentId: citation.document_id, citationId: citation.id, quote: citation.quote })}
            >
              {t.openInDocument}
            </button>
            {/* Its place as a link (#doc=…&cite=…): shareable, and followed by the viewer. */}
            <a className="citation-place muted" href={documentHash({ documentId: citation.document_id, citationId: citation.id })} title={t.documents2.linkHere}>
              {typeof place === 'number' ? t.documents2.place(place) : t.documents2.linkHere}
            </a>
          </>
        )}
      </figcaption>
    </figure>
  );
}
