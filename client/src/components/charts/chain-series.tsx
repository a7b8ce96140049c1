import { useId, useMemo, useState } from 'react';
import type { Chain, FigureSeries, FigureV2 } from '@contract/api';
import { useFigures } from '../../hooks/use-figures';
import { useI18n } from '../../hooks/use-i18n';
import { formatNumber, pick } from '../../lib/i18n';
import { figureValue, formatQuantity, unitLabel, valueAsWritten } from '../../lib/figure-format';
import { CitationQuote } from '../feature/citation-quote';

/** Colours of the time series: actuals as the 2024 bars, targets as the 2030 bars, superseded grey. */
export const SERIES_STYLE = { actual: '#a8530a', target: '#12324a', superseded: '#9aa5ae' } as const;
const W = 460;
const H = 190;
const PAD = { left: 44, right: 16, top: 18, bottom: 28 };
const METRIC = 'revenue';

/** The revenue series of a chain (current figures) and every revenue figure (superseded ones too). */
function pickSeries(series: FigureSeries[] | undefined, figures: FigureV2[] | undefined) {
  const s = series?.find((x) => x.metric === METRIC && x.segment === null) ?? series?.find((x) => x.metric === METRIC) ?? null;
  const all = (figures ?? []).filter((f) => f.metric === METRIC && f.value !== null && f.year !== null && (!s || f.unit === s.unit));
  return { series: s, figures: all.sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || Number(a.superseded_by === null) - Number(b.superseded_by === null)) };
}

/**
 * 实际值时间序列与目标进度: for one chain, its revenue actuals as a time series (2024 → 2025 → …) toward
 * the 2027 and 2030 targets with the derived progress, the figures newer documents superseded drawn grey
 * and listed with their sources, and every figure's quote one click from its place in the document.
 */
export function ChainSeries({ chains }: { chains: Chain[] }) {
  const { lang, t } = useI18n();
  const d2 = t.documents2;
  const uid = useId();
  const [picked, setPicked] = useState<string | null>(null);
  const chainId = picked && chains.some((c) => c.id === picked) ? picked : chains[0]?.id ?? null;
  const query = useFigures('chain', chainId);
  const { series, figures } = useMemo(() => pickSeries(query.data?.series, query.data?.figures), [query.data]);
  const chain = chains.find((c) => c.id === chainId);
  const name = chain ? pick(lang, chain.name_zh, chain.name_en) : '';
  const num = (v: number) => formatNumber(lang, v, 2);
  const pct = (v: number) => Number((v * 100).toFixed(1));

  const years = figures.map((f) => f.year!);
  const y0 = Math.min(2024, ...years);
  const y1 = Math.max(2030, ...years);
  const vmax = Math.max(1, ...figures.map((f) => f.value ?? 0)) * 1.15;
  const x = (year: number) => PAD.left + ((year - y0) / Math.max(1, y1 - y0)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (v / vmax) * (H - PAD.top - PAD.bottom);
  const actuals = series?.actuals ?? [];
  const last = actuals[actuals.length - 1];
  const ticks = [0, vmax / 2 / 1.15, vmax / 1.15];

  return (
    <section className="chain-series chart-block" aria-labelledby={`${uid}-h`} data-chain-id={chainId ?? undefined}>
      <h3 id={`${uid}-h`} className="dock-subheading">{d2.seriesHeading}</h3>
      <p className="muted small-note">{d2.seriesIntro}</p>
      <label className="field">
        <span className="field-label">{d2.seriesChain}</span>
        <select value={chainId ?? ''} onChange={(e) => setPicked(e.target.value)} className="series-chain-select">
          {chains.map((c) => <option key={c.id} value={c.id}>{pick(lang, c.name_zh, c.name_en)}</option>)}
        </select>
      </label>
      {query.isPending && chainId && <p className="muted">{t.loading}</p>}
      {query.error && <p className="layer-error" role="alert">{t.loadFailed}: {query.error.message}</p>}
      {query.data && figures.length === 0 && <p className="muted">{d2.noSeries}</p>}
      {figures.length > 0 && (
        <>
          <div className="series-legend" aria-hidden="true">
            <span><svg width="12" height="12"><circle cx="6" cy="6" r="5" fill={SERIES_STYLE.actual} /></svg> {d2.actual}</span>
            <span><svg width="12" height="12"><circle cx="6" cy="6" r="4" fill="#fff" stroke={SERIES_STYLE.target} strokeWidth="2" /></svg> {d2.target}</span>
            <span><svg width="12" height="12"><circle cx="6" cy="6" r="4" fill={SERIES_STYLE.superseded} /></svg> {d2.supersededTag}</span>
          </div>
          <svg className="series-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${d2.seriesHeading}: ${name}${series?.unit ? ` (${unitLabel(lang, series.unit)})` : ''}`}>
            {ticks.map((v) => (
              <g key={v}>
                <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#e1e6ea" />
                <text x={PAD.left - 6} y={y(v) + 4} fontSize="10" textAnchor="end" fill="#5b6670">{formatNumber(lang, v, 0)}</text>
              </g>
            ))}
            {Array.from({ length: y1 - y0 + 1 }, (_, i) => y0 + i).map((yr) => (
              <text key={yr} x={x(yr)} y={H - 8} fontSize="10" textAnchor="middle" fill="#5b6670">{yr}</text>
            ))}
            {/* Progress toward each target from the latest actual: derived, dashed. */}
            {last && series?.targets.map((tg) => (
              <line key={`p${tg.year}`} x1={x(last.year)} y1={y(last.value)} x2={x(tg.year)} y2={y(tg.value)} stroke={SERIES_STYLE.target} strokeDasharray="4 3" strokeWidth="1.2" opacity="0.6" />
            ))}
            {actuals.length > 1 && (
              <polyline points={actuals.map((a) => `${x(a.year)},${y(a.value)}`).join(' ')} fill="none" stroke={SERIES_STYLE.actual} strokeWidth="2.5" />
            )}
            {figures.map((f) => {
              const old = f.superseded_by !== null;
              const target = f.kind === 'target';
              const cx = x(f.year!) + (old ? -7 : 0);
              const cy = y(f.value!);
              const color = old ? SERIES_STYLE.superseded : target ? SERIES_STYLE.target : SERIES_STYLE.actual;
              return (
                <g key={f.id} className="series-point" data-figure-id={f.id} data-year={f.year!} data-kind={f.kind} data-superseded={old ? 'true' : undefined} data-cx={cx} data-cy={cy}>
                  <title>{`${f.year} ${t.figureKind[f.kind] ?? f.kind} ${figureValue(lang, f)}${old ? ` (${d2.supersededTag})` : ''} — ${f.citation.document_id} ${pick(lang, f.citation.document_title_zh, f.citation.document_title_en)}`}</title>
                  {target && !old ? (
                    <circle cx={cx} cy={cy} r="5" fill="#fff" stroke={color} strokeWidth="2.5" />
                  ) : (
                    <circle cx={cx} cy={cy} r={old ? 4 : 6} fill={color} />
                  )}
                  <text x={cx} y={cy - 10} fontSize="10.5" textAnchor="middle" fill={old ? SERIES_STYLE.superseded : '#1f2b36'}>{num(f.value!)}</text>
                </g>
              );
            })}
          </svg>
          {series && series.targets.length > 0 && (
            <ul className="series-progress">
              {series.targets.map((tg) => (
                <li key={tg.year} data-target-year={tg.year}>
                  {t.year(tg.year)} {d2.target} {formatQuantity(lang, tg.value, series.unit)}
                  {tg.progress && (
                    <>
                      <span className="progress-bar" aria-hidden="true"><span style={{ width: `${Math.min(100, tg.progress.share_of_target * 100)}%` }} /></span>
                      {d2.progress(pct(tg.progress.share_of_target))}{lang === 'zh' ? `（${t.year(tg.progress.from_year)}）` : ` (${t.year(tg.progress.from_year)})`}
                      {tg.progress.required_annual_growth !== null && ` · ${d2.requiredGrowth(pct(tg.progress.required_annual_growth))}`}
                      {tg.progress.observed_annual_growth !== null && ` · ${d2.observedGrowth(pct(tg.progress.observed_annual_growth))}`}{' '}
                      <span className="derived-tag">{d2.derived}</span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          <details className="series-sources" open>
            <summary>{d2.figuresAndSources}</summary>
            <ul className="series-figures">
              {figures.map((f) => (
                <li key={f.id} className={f.superseded_by ? 'superseded' : undefined} data-figure-id={f.id}>
                  {t.year(f.year!)} · {t.figureKind[f.kind] ?? f.kind} · <span className="series-figure-value">{figureValue(lang, f)}</span>
                  {/* In English the document's own words stay beside the reading, marked as Chinese. */}
                  {lang === 'en' && <> (<span lang="zh-CN">{valueAsWritten(f)}</span>)</>}
                  {f.superseded_by && <span className="status-tag superseded-tag">{d2.supersededTag} → {f.superseded_by}</span>}
                  <CitationQuote citation={f.citation} />
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
    </section>
  );
}
