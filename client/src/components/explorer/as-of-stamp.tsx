import type { DocumentInfo, Figure } from '@contract/api';
import { useI18n } from '../../hooks/use-i18n';
import { figureAsOf } from '../../lib/figure-format';

/** “数据截至 2025年 · 来源文件的数据年份”: the year a figure is current to, and which year that is. */
export function AsOfStamp({ figure, documents }: { figure: Pick<Figure, 'kind' | 'year' | 'citation'>; documents: Map<string, DocumentInfo> | undefined }) {
  const { t } = useI18n();
  const asOf = figureAsOf(figure, documents);
  if (!documents) return null;
  return (
    <p className="as-of-stamp" data-as-of={asOf.year ?? ''} data-basis={asOf.basis}>
      <span className="as-of-year">{asOf.year !== null ? t.inv.asOf(asOf.year) : t.inv.asOfUnknown}</span>
      <span className="as-of-basis"> · {t.inv.asOfBasis[asOf.basis]}</span>
    </p>
  );
}
