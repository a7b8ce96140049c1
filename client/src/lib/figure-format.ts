import type { DocumentInfo, Figure } from '@contract/api';
import { formatNumber, pick, strings, type Lang } from './i18n';

/*
 * Formatting of the investor views' numbers, through the ICU messages of the `fmt` section of the
 * locale files (Intl.NumberFormat underneath). Money in the documents is in 亿元 (10^8 yuan): English
 * readers get billions (215亿元 = “CNY 21.5 bn”); 亩 is also given in hectares; 平方公里 reads km².
 */

/** 亿元 in billions of yuan: 1亿 = 10^8, 1 bn = 10^9. */
export function yiToBillions(yi: number): number {
  return yi / 10;
}

/** 1 亩 = 10000/15 m², so 15 亩 make a hectare. */
const MU_PER_HA = 15;

/** Short money label: zh “177.6亿元”, en “CNY 17.76 bn”. */
export function formatYi(lang: Lang, yi: number): string {
  return strings(lang).fmt.yi(yi, yiToBillions(yi));
}

/** Full money text for titles and tables: zh “177.6亿元”, en “177.6 × CNY 100 million = CNY 17.76 bn”. */
export function formatYiLong(lang: Lang, yi: number): string {
  return strings(lang).fmt.yiLong(yi, yiToBillions(yi));
}

/** A fraction as a percentage (0.0621 → “6.2%”). */
export function formatPercent(lang: Lang, fraction: number): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { style: 'percent', maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(fraction);
}

/** 万-units whose English reading multiplies by 10,000 into a base unit the `count` message names (5.5万人 → “55,000 people”). */
const WAN_UNITS: Record<string, string> = { 万人: '人', 万辆: '辆', 万吨: '吨', 万平方米: '平方米' };

/**
 * A number in a document unit, as the reader's language says it: 亿元 → “CNY 21.5 bn”, 亩 → “300 mu
 * (20 ha)”, 平方公里 → “3.29 km²”, 家 → “1 firm” / “20 firms”, 家/年 → “100 firms a year”, 万人 →
 * “55,000 people”; units it does not know are kept as written.
 */
export function formatQuantity(lang: Lang, value: number, unit: string): string {
  const f = strings(lang).fmt;
  // A rate per year (家/年, 亿美元/年): the quantity in its own unit, then “a year” (zh: “/年”, as written).
  if (unit.endsWith('/年') && unit.length > 2) return f.perYear(formatQuantity(lang, value, unit.slice(0, -2)));
  if (lang === 'en' && WAN_UNITS[unit]) return f.count(value * 10000, WAN_UNITS[unit]);
  switch (unit) {
    case 'fraction':
      return f.fraction(value);
    case '亿元':
      return f.yi(value, yiToBillions(value));
    case '亿美元':
      return f.usdYi(value, yiToBillions(value));
    case '万元':
      return f.wan(value, value * 10);
    case 'km²':
    case '平方公里':
    case '平方千米':
      return f.km2(value);
    case '公顷':
      return f.ha(value);
    case '亩':
      return f.mu(value, value / MU_PER_HA);
    case '%':
      return `${formatNumber(lang, value)}%`;
    case '':
      return formatNumber(lang, value);
    default:
      return f.count(value, unit);
  }
}

/**
 * A figure's metric name for a line where its value follows (“label: value”). In English a per-year unit
 * already reads “a year” after the value, so the name's own “per year” is left out there: “New high-tech
 * enterprises: over 100 firms a year”, not “… per year: over 100 firms a year”. Chinese keeps the name as
 * the document's wording has it; a name shown without its value keeps its “per year” (the callers use pick).
 */
export function metricBeforeValue(lang: Lang, f: Pick<Figure, 'metric_zh' | 'metric_en' | 'unit' | 'value'>): string {
  const name = pick(lang, f.metric_zh, f.metric_en);
  // Only when the value is read out from the unit (figureValue's English): a value kept as written has no “a year”.
  if (lang === 'zh' || !f.metric_en || f.value === null || !(f.unit.endsWith('/年') && f.unit.length > 2)) return name;
  const cut = name
    .replace(/\s*\(per year\)/, '')
    .replace(/\(per year,\s*/, '(')
    .replace(/\s+per year(?=$|\s*\()/, '');
  return cut.trim() || name;
}

/** A unit as the reader's language says it (亿元 → “CNY 100 million”, 家/年 → “firms per year”); unknown units are shown as written. */
export function unitLabel(lang: Lang, unit: string): string {
  if (lang === 'zh') return unit;
  if (unit.endsWith('/年') && unit.length > 2) {
    const base = unitLabel('en', unit.slice(0, -2));
    return base ? `${base} per year` : 'per year';
  }
  return strings('en').inv.units[unit] ?? unit;
}

/** The document's value text with its unit, unless the text already contains it (“10家以上”, not “10家以上 家”). */
export function valueAsWritten(f: Pick<Figure, 'value_text' | 'unit'>): string {
  return !f.unit || f.value_text.includes(f.unit) ? f.value_text : `${f.value_text} ${f.unit}`;
}

/**
 * A figure's value for reading: zh keeps the document's words (“突破800亿元”); en is built from the
 * parsed value, qualifier and unit (“over CNY 80 bn”). The verbatim text is shown beside it by the caller.
 */
export function figureValue(lang: Lang, f: Pick<Figure, 'value_text' | 'value' | 'value_max' | 'qualifier' | 'unit'>): string {
  if (lang === 'zh' || f.value === null) return valueAsWritten(f);
  const t = strings('en');
  const q = t.inv.qualifiers[f.qualifier] ?? '';
  const value = f.value_max !== null ? t.fmt.range(formatQuantity('en', f.value, f.unit), formatQuantity('en', f.value_max, f.unit)) : formatQuantity('en', f.value, f.unit);
  return q ? t.fmt.qualified(q, value) : value;
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
