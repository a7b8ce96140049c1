import type { DocumentInfo, Figure } from '@contract/api';
import { formatNumber, strings, type Lang } from './i18n';

/*
 * Formatting of the investor views' numbers. Money in the documents is in 亿元 (10^8 yuan);
 * English readers get the unit spelled out ("CNY 100 million") and a conversion to billions
 * (177.6亿元 = ¥17.76 bn), always from the same number, with Intl.NumberFormat per locale.
 */

/** 亿元 in billions of yuan: 1亿 = 10^8, 1 bn = 10^9. */
export function yiToBillions(yi: number): number {
  return yi / 10;
}

/** Short money label: zh “177.6亿元”, en “¥17.76 bn”. */
export function formatYi(lang: Lang, yi: number): string {
  if (lang === 'zh') return `${formatNumber('zh', yi, 1)}亿元`;
  return `¥${formatNumber('en', yiToBillions(yi), 2)} bn`;
}

/** Full money text for titles and tables: zh “177.6亿元”, en “177.6 × CNY 100 million = ¥17.76 bn”. */
export function formatYiLong(lang: Lang, yi: number): string {
  if (lang === 'zh') return formatYi('zh', yi);
  return `${formatNumber('en', yi, 1)} × CNY 100 million = ${formatYi('en', yi)}`;
}

/** A fraction as a percentage (0.0621 → “6.2%”). */
export function formatPercent(lang: Lang, fraction: number): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { style: 'percent', maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(fraction);
}

const SINGULAR: Record<string, string> = { firms: 'firm', people: 'person', years: 'year' };

/** A unit as the reader's language says it (亿元 → “CNY 100 million”); unknown units are shown as written. */
export function unitLabel(lang: Lang, unit: string): string {
  if (lang === 'zh') return unit;
  return strings('en').inv.units[unit] ?? unit;
}

/**
 * A figure's value for reading: zh keeps the document's words (“突破800 亿元”); en is built from the
 * parsed value, qualifier and unit (“over 800 CNY 100 million (¥80 bn)”). The verbatim text is shown
 * beside it by the caller.
 */
export function figureValue(lang: Lang, f: Pick<Figure, 'value_text' | 'value' | 'value_max' | 'qualifier' | 'unit'>): string {
  if (lang === 'zh' || f.value === null) {
    // value_text is verbatim and sometimes already carries the unit (“20家”).
    return f.unit && !f.value_text.endsWith(f.unit) ? `${f.value_text} ${f.unit}` : f.value_text;
  }
  const t = strings('en').inv;
  const q = t.qualifiers[f.qualifier] ?? '';
  const n = f.value_max !== null ? `${formatNumber('en', f.value)}–${formatNumber('en', f.value_max)}` : formatNumber('en', f.value);
  // “1 firm”, “2 firms”: English units are plural in the table, singular for exactly one.
  const one = f.value === 1 && f.value_max === null;
  const unit = one ? (SINGULAR[unitLabel('en', f.unit)] ?? unitLabel('en', f.unit)) : unitLabel('en', f.unit);
  const money = f.unit === '亿元' ? ` (${f.value_max !== null ? `${formatYi('en', f.value)}–${formatYi('en', f.value_max)}` : formatYi('en', f.value)})` : '';
  return `${q ? `${q} ` : ''}${n}${unit ? ` ${unit}` : ''}${money}`;
}

/** Where a figure's “data as of” year comes from. */
export type AsOfBasis = 'document' | 'value' | 'target';

/** The year a figure's data is current to, and which year that is. */
export interface AsOf {
  year: number | null;
  basis: AsOfBasis;
}

/**
 * The “data as of” year of a figure: the as_of_year of the document it is quoted from; when the
 * document has none, the year an actual value describes, or else the target year (flagged as such).
 */
export function figureAsOf(f: Pick<Figure, 'kind' | 'year' | 'citation'>, documents: Map<string, DocumentInfo> | undefined): AsOf {
  const docYear = documents?.get(f.citation.document_id)?.as_of_year ?? null;
  if (docYear !== null) return { year: docYear, basis: 'document' };
  if (f.kind !== 'target') return { year: f.year, basis: 'value' };
  return { year: f.year, basis: 'target' };
}
