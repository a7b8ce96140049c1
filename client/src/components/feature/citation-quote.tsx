import type { Citation } from '@contract/api';
import { useI18n } from '../../hooks/use-i18n';
import { pick } from '../../lib/i18n';

/** Shows a quote as it stands in a document (whitespace runs from PDF extraction collapsed) and its title. */
export function CitationQuote({ citation }: { citation: Citation }) {
  const { lang } = useI18n();
  const title = pick(lang, citation.document_title_zh, citation.document_title_en);
  return (
    <figure className="citation">
      <blockquote lang="zh-CN" title={citation.quote}>{citation.quote.replace(/\s+/g, ' ').trim()}</blockquote>
      <figcaption>
        — <cite>{title}</cite>
        {!citation.document_id.startsWith('ext:') && <span className="muted"> ({citation.document_id})</span>}
      </figcaption>
    </figure>
  );
}
