import type { Citation } from '@contract/api';
import { useI18n } from '../../hooks/use-i18n';
import { useSources } from '../../hooks/use-sources';
import { pick } from '../../lib/i18n';

/**
 * Shows a quote as it stands in a document (whitespace runs from PDF extraction collapsed) and its title,
 * with an action opening the document at that passage (when a SourcesProvider is mounted).
 */
export function CitationQuote({ citation }: { citation: Citation }) {
  const { lang, t } = useI18n();
  const sources = useSources();
  const title = pick(lang, citation.document_title_zh, citation.document_title_en);
  return (
    <figure className="citation">
      <blockquote lang="zh-CN" title={citation.quote}>{citation.quote.replace(/\s+/g, ' ').trim()}</blockquote>
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
          </>
        )}
      </figcaption>
    </figure>
  );
}
