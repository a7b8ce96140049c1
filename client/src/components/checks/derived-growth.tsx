import type { DerivedGrowth } from '@contract/api';
import { useGrowth } from '../../hooks/use-growth';
import { useI18n } from '../../hooks/use-i18n';
import { formatNumber, pick, type Lang } from '../../lib/i18n';
import { CitationQuote } from '../feature/citation-quote';

/** A growth rate (fraction per year) as a percentage with one decimal at most. */
export function formatRate(lang: Lang, rate: number): string {
  return `${formatNumber(lang, rate * 100, 1)}%`;
}

/** The metric's name without the year or the word "target", so rows of one metric share one heading. */
function metricName(row: DerivedGrowth, lang: Lang): string {
  const target = row.from[1];
  const raw = pick(lang, target.metric_zh, target.metric_en);
  const cleaned = lang === 'zh'
    ? raw.replace(/（\d{4}年）|\d{4}年/g, '').replace(/目标$/, '')
    : raw.replace(/,?\s*target\s*\d{4}$/i, '').replace(/\s*\d{4}$/, '');
  return cleaned.trim() || raw;
}

/** Rows with the same end points say the same thing twice (the documents repeat figures); keep the first. */
function dedupe(rows: DerivedGrowth[]): DerivedGrowth[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = [r.metric, r.segment, r.base_year, r.base_value, r.target_year, r.target_value].join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One derived rate; with `detailed`, the end points and the figures (with sources) it comes from. */
function GrowthRow({ row, detailed }: { row: DerivedGrowth; detailed: boolean }) {
  const { lang, t } = useI18n();
  const implied = formatRate(lang, row.implied_annual_growth);
  return (
    <li className={`growth-row${row.disagrees ? ' disagrees' : ''}`} data-disagrees={row.disagrees || undefined}>
      <div className="growth-line">
        <span>{t.growthLine(row.base_year, row.target_year, implied)}</span>
        {detailed && (
          <span className="growth-ends muted">
            {formatNumber(lang, row.base_value)} → {formatNumber(lang, row.target_value)} {row.unit}
          </span>
        )}
      </div>
      {row.disagrees && row.stated_annual_growth !== null && (
        <div className="growth-warning" role="note">
          <span aria-hidden="true">⚠ </span>
          {t.growthDisagrees(formatRate(lang, row.stated_annual_growth), implied)}
          {detailed && row.stated && <CitationQuote citation={row.stated.citation} />}
        </div>
      )}
      {detailed && (
        <details className="growth-basis">
          <summary>{t.growthBasis}</summary>
          {row.from.map((f) => (
            <div key={f.id} className="growth-basis-item">
              <p className="growth-basis-figure">
                {pick(lang, f.metric_zh, f.metric_en)}: <strong>{f.value_text}</strong>
                {f.unit && !f.value_text.endsWith(f.unit) ? ` ${f.unit}` : ''}
              </p>
              <CitationQuote citation={f.citation} />
            </div>
          ))}
        </details>
      )}
    </li>
  );
}

/**
 * Derived growth of a subject (GET /api/analytics/growth), labelled 推算 / Derived: the annual rate its
 * end points imply, and a warning where a document states a rate that the end points contradict.
 * Renders nothing when the subject has no rows. `compact` drops headings, end points and sources.
 */
export function DerivedGrowthList({ subject, compact = false }: { subject: string; compact?: boolean }) {
  const { lang, t } = useI18n();
  const growth = useGrowth(subject);
  const rows = dedupe(growth.data ?? []);
  if (rows.length === 0) return null;

  if (compact) {
    return (
      <ul className="growth-list compact" aria-label={t.derivedGrowth}>
        {rows.map((r, i) => <GrowthRow key={i} row={r} detailed={false} />)}
      </ul>
    );
  }

  const groups = new Map<string, DerivedGrowth[]>();
  for (const r of rows) {
    const name = metricName(r, lang);
    groups.set(name, [...(groups.get(name) ?? []), r]);
  }
  // Contradictions first: a warning at the bottom of a long list would go unseen.
  const ordered = [...groups].sort(([, a], [, b]) => Number(b.some((r) => r.disagrees)) - Number(a.some((r) => r.disagrees)));
  return (
    <section className="feature-section growth-section">
      <h3>{t.derivedGrowth} <span className="derived-badge">{t.derivedTag}</span></h3>
      <p className="growth-explain muted">{t.growthExplain}</p>
      {ordered.map(([name, list]) => (
        <div key={name} className="growth-group">
          <h4>{name}</h4>
          <ul className="growth-list">
            {list.map((r, i) => <GrowthRow key={i} row={r} detailed />)}
          </ul>
        </div>
      ))}
    </section>
  );
}
