import { useId, useMemo } from 'react';
import type { Chain, DocumentInfo, Figure } from '@contract/api';
import { MAX_COMPARE } from '../../hooks/use-explorer-state';
import { MixedText } from '../common/mixed-text';
import { useI18n } from '../../hooks/use-i18n';
import { useChains, useDocumentIndex } from '../../hooks/use-investor-data';
import { figureAsOf, figureValue, metricBeforeValue, unitLabel } from '../../lib/figure-format';
import { formatNumber, pick, type Lang } from '../../lib/i18n';
import { useSites } from '../../hooks/use-sites';
import type { ParkFacts } from '../../lib/park-facts';
import { BarChart, type BarDatum } from '../charts/bar-chart';

/** Props of the compare tab. */
export interface CompareViewProps {
  parks: ParkFacts[];
  compare: string[];
  toggleCompare: (parkId: string) => void;
  onSelectPark: (parkId: string) => void;
}

/** A numeric park metric drawn as one small bar chart. */
interface Metric {
  id: string;
  title: string;
  unit: string;
  values: Map<string, Figure | number | null>;
}

function metricNumber(v: Figure | number | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'number' ? v : v.value;
}

/** 2–4 parks side by side (targets, chains, leaders, land) with a small SVG bar chart per metric. */
export function CompareView({ parks, compare, toggleCompare, onSelectPark }: CompareViewProps) {
  const { lang, t } = useI18n();
  const uid = useId();
  const chains = useChains();
  const documents = useDocumentIndex();
  const chainById = useMemo(() => new Map((chains.data ?? []).map((c) => [c.id, c])), [chains.data]);
  const picked = compare.map((id) => parks.find((p) => p.id === id)).filter((p): p is ParkFacts => !!p);

  const metrics: Metric[] = useMemo(() => {
    const out: Metric[] = [
      { id: 'area', title: t.inv.metricArea, unit: 'km²', values: new Map(picked.map((p) => [p.id, p.area_km2])) },
      { id: 'focus-chains', title: t.inv.metricChains, unit: '', values: new Map(picked.map((p) => [p.id, p.detail ? p.focusChains.length : null])) },
      { id: 'enterprises', title: t.inv.metricEnterprises, unit: '', values: new Map(picked.map((p) => [p.id, p.enterprises.length])) },
      { id: 'open-sites', title: t.inv.metricSites, unit: '', values: new Map(picked.map((p) => [p.id, p.openSites.length])) },
    ];
    // Target metrics that at least two of the picked parks state, each with its unit and year.
    const byMetric = new Map<string, Map<string, Figure>>();
    for (const p of picked) {
      for (const f of p.detail?.targets ?? []) {
        if (f.value === null) continue;
        const key = `${f.metric}|${f.unit}|${f.year ?? ''}`;
        const m = byMetric.get(key) ?? new Map<string, Figure>();
        m.set(p.id, f);
        byMetric.set(key, m);
      }
    }
    for (const [key, m] of byMetric) {
      if (m.size < 2) continue;
      const f = [...m.values()][0];
      const title = `${pick(lang, f.metric_zh, f.metric_en)}${f.year ? ` (${t.year(f.year)})` : ''}`;
      out.push({ id: `target:${key}`, title, unit: f.unit, values: new Map(picked.map((p) => [p.id, m.get(p.id) ?? null])) });
    }
    return out;
  }, [picked, lang, t]);

  return (
    <section className="compare-view" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`} className="dock-heading">{t.inv.compareHeading}</h2>
      <fieldset className="compare-picker">
        <legend>{t.inv.comparePick}</legend>
        <ul>
          {parks.map((p) => {
            const on = compare.includes(p.id);
            return (
              <li key={p.id}>
                <label className="check-row">
                  <input type="checkbox" checked={on} disabled={!on && compare.length >= MAX_COMPARE} onChange={() => toggleCompare(p.id)} />
                  {pick(lang, p.name_zh, p.name_en)}
                </label>
              </li>
            );
          })}
        </ul>
        {compare.length >= MAX_COMPARE && <p className="muted small-note">{t.inv.compareMax}</p>}
      </fieldset>

      {picked.length < 2 ? (
        <p className="muted panel-pad" role="status">{t.inv.compareNeedTwo}</p>
      ) : (
        <>
          <div className="compare-columns" data-count={picked.length}>
            {picked.map((p) => (
              <CompareColumn key={p.id} park={p} chainById={chainById} documents={documents} onSelect={() => onSelectPark(p.id)} onRemove={() => toggleCompare(p.id)} />
            ))}
          </div>
          <h3 className="dock-subheading">{t.inv.metricCharts}</h3>
          <div className="compare-charts">
            {metrics.map((m) => (
              <BarChart
                key={m.id}
                title={m.unit && m.unit !== 'km²' ? `${m.title} · ${unitLabel(lang, m.unit)}` : m.title}
                data={picked.map((p): BarDatum => {
                  const v = m.values.get(p.id);
                  const n = metricNumber(v);
                  const display = v && typeof v !== 'number' ? shortFigure(lang, v) : undefined;
                  return { id: p.id, label: pick(lang, p.name_zh, p.name_en), value: n, display };
                })}
                format={(v) => (m.unit === 'km²' ? `${formatNumber(lang, v, 1)} km²` : formatNumber(lang, v, 1))}
                missing={t.inv.notStated}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

/** A target's value for a bar label: money converted in English, the document's wording in Chinese. */
function shortFigure(lang: Lang, f: Figure): string {
  if (f.value === null) return f.value_text;
  // The bar is short: no qualifier in English (the figure list beside it has the full reading).
  return figureValue(lang, lang === 'zh' ? f : { ...f, qualifier: 'exact' });
}

function CompareColumn({ park, chainById, documents, onSelect, onRemove }: {
  park: ParkFacts;
  chainById: Map<string, Chain>;
  documents: Map<string, DocumentInfo> | undefined;
  onSelect: () => void;
  onRemove: () => void;
}) {
  const { lang, t } = useI18n();
  // Site areas as GET /api/sites computes them (PostGIS, or stated with a quote), the same the match score uses.
  const siteInfo = useSites([], null).data?.sites;
  const name = pick(lang, park.name_zh, park.name_en);
  const chainName = (id: string) => {
    const c = chainById.get(id);
    return c ? pick(lang, c.name_zh, c.name_en) : id;
  };
  return (
    <article className="compare-column" data-park-id={park.id} aria-label={name}>
      <header className="compare-column-head">
        <button type="button" className="park-name-button" onClick={onSelect}>
          <span className="park-name">{name}</span>
        </button>
        <button type="button" className="icon-button" onClick={onRemove} title={t.inv.removeCompare(name)}>
          <span className="visually-hidden">{t.inv.removeCompare(name)}</span>
          <svg aria-hidden="true" width="12" height="12" viewBox="0 0 16 16">
            <path d="M3.5 3.5 L12.5 12.5 M12.5 3.5 L3.5 12.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
        </button>
      </header>
      <p className="muted compare-meta">
        {park.area_km2 !== null && `${formatNumber(lang, park.area_km2, 1)} km²`}
        {park.kind === 'subdistrict' && ` · ${t.inv.parkKinds.subdistrict}`}
      </p>

      <h4>{t.inv.targets}</h4>
      {!park.detail ? (
        <p className="muted">{t.loading}</p>
      ) : park.detail.targets.length === 0 ? (
        <p className="muted">{t.inv.noTargets}</p>
      ) : (
        <ul className="compare-figures">
          {park.detail.targets.map((f) => {
            const asOf = figureAsOf(f, documents);
            return (
              // The quote as a tooltip in Chinese only: a title cannot be marked lang="zh" (the profile shows it, marked).
              <li key={f.id} title={lang === 'zh' ? f.citation.quote.replace(/\s+/g, ' ') : f.citation.quote_en ?? undefined}>
                <span className="compare-figure-label"><MixedText text={metricBeforeValue(lang, f)} />{f.year ? ` · ${t.year(f.year)}` : ''}</span>
                <span className="compare-figure-value">{figureValue(lang, f)}</span>
                {asOf.year !== null && <span className="as-of-mini">{t.inv.asOf(asOf.year)} ({f.citation.document_id})</span>}
              </li>
            );
          })}
        </ul>
      )}

      <h4>{t.inv.chainsShort}</h4>
      {park.detail && (
        <ul className="compare-tags">
          {park.focusChains.map((c) => <li key={c} className="role-tag role-focus">{chainName(c)}</li>)}
          {park.leaderChains.map((c) => <li key={`l-${c}`} className="role-tag role-leader">{chainName(c)} · {t.chainRoles.leader}</li>)}
        </ul>
      )}

      <h4>{t.inv.enterprises}</h4>
      {park.enterprises.length === 0 ? (
        <p className="muted">{t.inv.notStated}</p>
      ) : (
        <ul className="compare-plain">
          {park.enterprises.map((n) => <li key={n.id}>{pick(lang, n.properties.name_zh, n.properties.name_en)}</li>)}
        </ul>
      )}

      <h4>{t.inv.availableLand}</h4>
      {park.sites.length === 0 ? (
        <p className="muted">{t.inv.noSites}</p>
      ) : (
        <ul className="compare-plain">
          {park.sites.map((s) => {
            const a = siteInfo?.find((x) => x.id === String(s.id))?.area;
            const status = typeof s.properties.status === 'string' ? s.properties.status : '';
            return (
              <li key={s.id}>
                {pick(lang, s.properties.name_zh, s.properties.name_en)}{' '}
                <span className={`status-tag status-${status}`}>{t.inv.siteStatus[status] ?? status}</span>
                {a && <span className="muted"> {a.km2 !== null ? `${formatNumber(lang, a.km2, 2)} km²` : t.inv.areaUnknown}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </article>
  );
}
