import type { ReactNode } from 'react';
import type { DocumentInfo, Figure } from '@contract/api';
import { useI18n } from '../../hooks/use-i18n';
import { figureValue, metricBeforeValue } from '../../lib/figure-format';
import { pick } from '../../lib/i18n';
import { CitationQuote } from '../feature/citation-quote';
import { AsOfStamp } from './as-of-stamp';

/** One cited figure: what it measures, its value (verbatim too in English), year, data-as-of stamp and source quote. */
export function FigureRow({ figure, documents, sameQuoteAsPrevious = false, children }: {
  figure: Figure;
  documents: Map<string, DocumentInfo> | undefined;
  /** The previous figure is quoted from the same sentence: name the source without repeating it. */
  sameQuoteAsPrevious?: boolean;
  children?: ReactNode;
}) {
  const { lang, t } = useI18n();
  const metric = metricBeforeValue(lang, figure);
  const showYear = figure.year !== null && !metric.includes(String(figure.year));
  return (
    <li className="figure-item inv-figure" data-figure-id={figure.id}>
      <div className="figure-head">
        <span className="figure-label">
          {metric}
          {showYear && <> · {t.year(figure.year!)}</>} · {t.figureKind[figure.kind]}
        </span>
        <span className="figure-value">{figureValue(lang, figure)}</span>
      </div>
      {lang === 'en' && figure.value !== null && (
        <p className="figure-verbatim">
          {t.inv.verbatim}: <span lang="zh-CN">{figure.value_text}{figure.unit && !figure.value_text.endsWith(figure.unit) ? ` ${figure.unit}` : ''}</span>
        </p>
      )}
      <AsOfStamp figure={figure} documents={documents} />
      {children}
      {sameQuoteAsPrevious ? (
        // The quote as a tooltip only in Chinese: a title cannot be marked lang="zh", and in English the quote is one click away.
        <p className="citation-same muted" title={lang === 'zh' ? figure.citation.quote.replace(/\s+/g, ' ') : figure.citation.quote_en ?? undefined}>
          {t.inv.sameQuote} — <cite>{pick(lang, figure.citation.document_title_zh, figure.citation.document_title_en)}</cite> ({figure.citation.document_id})
        </p>
      ) : (
        <CitationQuote citation={figure.citation} />
      )}
    </li>
  );
}
