import { useId, useMemo } from 'react';
import type { Chain, Figure } from '@contract/api';
import { useI18n } from '../../hooks/use-i18n';
import { groupChains, useChains, useDocumentIndex, type ChainGroup } from '../../hooks/use-investor-data';
import { figureAsOf, formatYi, formatYiLong } from '../../lib/figure-format';
import { formatNumber, pick } from '../../lib/i18n';
import { ChainSeries } from './chain-series';
import { ChartLegend, GroupedBarChart, type ChartRow, type ChartSeries } from './grouped-bar-chart';

/** The three columns of the chains table in 001: 2024 actual, 2027 and 2030 targets. */
const YEARS = [2024, 2027, 2030] as const;
const SERIES_COLORS = ['#a8530a', '#4f87a0', '#12324a'];

/** Props of the charts tab. */
export interface ChainChartsProps {
  group: string | null;
  onGroup: (groupId: string | null) => void;
  /** Ranks parks for a chain (switches to the parks tab). */
  onFindParks: (chainId: string) => void;
}

function revenue(c: Chain, year: number): Figure | undefined {
  return c.figures.find((f) => f.year === year && f.unit === '亿元' && f.value !== null);
}

/** Chain revenue 2024 against the 2027 and 2030 targets, per chain and per chain group, as grouped SVG bars; then one chain's actuals over time toward its targets. */
export function ChainCharts({ group, onGroup, onFindParks }: ChainChartsProps) {
  const { lang, t } = useI18n();
  const uid = useId();
  const chains = useChains();
  const documents = useDocumentIndex();
  const groups = useMemo(() => groupChains(chains.data), [chains.data]);
  const shown: ChainGroup[] = group ? groups.filter((g) => g.id === group) : groups;

  const series: ChartSeries[] = YEARS.map((y, i) => ({ key: String(y), label: t.inv.series[i], color: SERIES_COLORS[i] }));
  const short = (v: number) => (lang === 'zh' ? formatNumber('zh', v, 1) : formatYi('en', v));
  const long = (v: number) => formatYiLong(lang, v);

  // The as-of year and source of the chain figures (all from one table of one document).
  const sample = chains.data?.[0]?.figures.find((f) => f.kind === 'actual');
  const asOf = sample ? figureAsOf(sample, documents) : null;
  const sourceTitle = sample ? pick(lang, sample.citation.document_title_zh, sample.citation.document_title_en) : '';
  const note = sample && asOf?.year ? `${t.inv.asOf(asOf.year)} · ${sample.citation.document_id}` : undefined;

  // One scale for every per-chain chart, so a bar in one group compares with a bar in another.
  const chainMax = Math.max(1, ...shown.flatMap((g) => g.chains.flatMap((c) => YEARS.map((y) => revenue(c, y)?.value ?? 0))));
  const chainRows = (g: ChainGroup): ChartRow[] =>
    g.chains.map((c) => ({ id: c.id, label: pick(lang, c.name_zh, c.name_en), values: YEARS.map((y) => revenue(c, y)?.value ?? null), note }));
  const groupRows: ChartRow[] = groups.map((g) => ({
    id: g.id,
    label: pick(lang, g.name_zh, g.name_en),
    values: YEARS.map((y) => {
      const vs = g.chains.map((c) => revenue(c, y)?.value ?? null);
      return vs.every((v) => v !== null) ? vs.reduce<number>((s, v) => s + (v ?? 0), 0) : null;
    }),
    note: t.inv.derived,
  }));

  return (
    <section className="chain-charts" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`} className="dock-heading">{t.inv.chartsHeading}</h2>
      <div className="chart-toolbar">
        <label className="field">
          <span className="field-label">{t.inv.filterGroup}</span>
          <select value={group ?? ''} onChange={(e) => onGroup(e.target.value || null)}>
            <option value="">{t.inv.anyGroup}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>{pick(lang, g.name_zh, g.name_en)}</option>
            ))}
          </select>
        </label>
        <p className="unit-note">{t.inv.unitNote}</p>
      </div>
      <ChartLegend series={series} />
      {chains.isPending && <p className="muted">{t.loading}</p>}
      {chains.error && <p className="layer-error" role="alert">{t.loadFailed}: {chains.error.message}</p>}

      <h3 className="dock-subheading">{t.inv.perChain}</h3>
      {shown.map((g) => (
        <div key={g.id} className="chart-block" data-group={g.id}>
          <h4 className="chart-group-title">{pick(lang, g.name_zh, g.name_en)}</h4>
          <GroupedBarChart title={`${t.inv.perChain}: ${pick(lang, g.name_zh, g.name_en)}`} series={series} rows={chainRows(g)} format={short} formatLong={long} max={chainMax} />
        </div>
      ))}

      {groups.length > 0 && (
        <div className="chart-block" data-group="all-groups">
          <h3 className="dock-subheading">
            {t.inv.perGroup} <span className="derived-tag" title={t.inv.groupSumNote}>{t.inv.derived}</span>
          </h3>
          <p className="muted small-note">{t.inv.groupSumNote}</p>
          <GroupedBarChart title={t.inv.perGroup} series={series} rows={groupRows} format={short} formatLong={long} barHeight={9} />
        </div>
      )}

      {shown.length > 0 && <ChainSeries chains={shown.flatMap((g) => g.chains)} />}

      {sample && (
        <p className="chart-source muted">
          {t.sources}: <cite>{sourceTitle}</cite> ({sample.citation.document_id})
          {asOf?.year ? ` · ${t.inv.asOf(asOf.year)} · ${t.inv.asOfBasis[asOf.basis]}` : ''}
        </p>
      )}

      <details className="chart-table">
        <summary>{t.inv.showTable}</summary>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t.inv.chartsHeading}</caption>
            <thead>
              <tr>
                <th scope="col">{t.inv.filterChain}</th>
                {series.map((s) => <th key={s.key} scope="col">{s.label}</th>)}
                <th scope="col"><span className="visually-hidden">{t.inv.findParks}</span></th>
              </tr>
            </thead>
            <tbody>
              {shown.flatMap((g) => g.chains).map((c) => (
                <tr key={c.id}>
                  <th scope="row">{pick(lang, c.name_zh, c.name_en)}</th>
                  {YEARS.map((y) => {
                    const f = revenue(c, y);
                    return <td key={y}>{f?.value != null ? long(f.value) : '—'}</td>;
                  })}
                  <td>
                    <button type="button" className="link-button" onClick={() => onFindParks(c.id)}>{t.inv.findParks}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
