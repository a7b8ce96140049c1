import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { AtlasFeature, Chain, Figure, FeatureDetail, LayerInfo } from '@contract/api';
import { useFeatureDetail } from '../../hooks/use-feature-detail';
import { useI18n } from '../../hooks/use-i18n';
import { useSources } from '../../hooks/use-sources';
import { fetchChains, queryKeys } from '../../lib/api';
import { formatNumber, pick, type Lang, type Strings } from '../../lib/i18n';
import { figureValue, metricBeforeValue, valueAsWritten } from '../../lib/figure-format';
import { AccuracyBadge } from './accuracy-badge';
import { CitationQuote } from './citation-quote';
import { DerivedGrowthList } from '../checks/derived-growth';
import { SiteAreaFact } from '../explorer/site-filters';

/** Props of the feature panel. */
export interface FeaturePanelProps {
  featureId: string;
  /** What the map already knows (from the layer data), shown before the detail arrives. */
  known: { layer: LayerInfo; feature: AtlasFeature } | undefined;
  onClose: () => void;
  onSelectFeature: (featureId: string) => void;
  onZoomTo: (featureId: string) => void;
}

/** Layer-specific properties worth showing, in this order. */
const EXTRA_PROPS = ['kind', 'status', 'vintage', 'note'] as const;

function figureLine(f: Figure, lang: Lang, t: Strings): string {
  const metric = metricBeforeValue(lang, f);
  const parts = [metric];
  // Some metric names already say the year (“2024年销售收入”).
  if (f.year !== null && !metric.includes(String(f.year))) parts.push(t.year(f.year));
  parts.push(t.figureKind[f.kind]);
  return parts.join(' · ');
}

/** A figure: what it measures, the value exactly as written, its unit, and its source sentence. */
export function FigureItem({ figure }: { figure: Figure }) {
  const { lang, t } = useI18n();
  return (
    <li className="figure-item">
      <div className="figure-head">
        <span className="figure-label">{figureLine(figure, lang, t)}</span>
        {lang === 'zh' ? (
          <span className="figure-value">
            {figure.value_text}
            {/* value_text is verbatim and sometimes already carries the unit (“20家”). */}
            {figure.unit && !figure.value_text.endsWith(figure.unit) && <span className="figure-unit"> {figure.unit}</span>}
          </span>
        ) : (
          // English reads the value out from the parsed number (“over 100 firms a year”), as the explorer's rows do;
          // a value with no parsed number stays as written, marked Chinese.
          <span className="figure-value" lang={figure.value === null ? 'zh-CN' : undefined}>{figureValue(lang, figure)}</span>
        )}
      </div>
      {lang === 'en' && figure.value !== null && (
        <p className="figure-verbatim">
          {t.inv.verbatim}: <span lang="zh-CN">{valueAsWritten(figure)}</span>
        </p>
      )}
      <CitationQuote citation={figure.citation} />
    </li>
  );
}

function formatArea(lang: Lang, km2: number): string {
  return `${formatNumber(lang, km2, km2 < 1 ? 3 : 2)} km²`;
}

/** The side panel (bottom sheet on phones) with everything known about one feature. */
export function FeaturePanel({ featureId, known, onClose, onSelectFeature, onZoomTo }: FeaturePanelProps) {
  const { lang, t } = useI18n();
  const detail = useFeatureDetail(featureId);
  const chains = useQuery({ queryKey: queryKeys.chains, queryFn: ({ signal }) => fetchChains(signal), staleTime: Infinity, enabled: (detail.data?.chains.length ?? 0) > 0 });
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Move focus into the panel when it opens or shows another feature, so keyboard and screen-reader
  // users land on what they asked for.
  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, [featureId]);

  const feature: AtlasFeature | undefined = detail.data?.feature ?? known?.feature;
  const p = feature?.properties;
  const layer = known?.layer;
  const primary = p ? pick(lang, p.name_zh, p.name_en) : featureId;
  const secondary = p ? (lang === 'zh' ? p.name_en : p.name_zh) : '';
  const chainById = new Map<string, Chain>((chains.data ?? []).map((c) => [c.id, c]));

  return (
    <aside className="feature-panel" aria-labelledby="feature-panel-title" data-feature-id={featureId}>
      <header className="feature-panel-header">
        <div className="feature-panel-titles">
          {layer && <p className="feature-layer">{pick(lang, layer.title_zh, layer.title_en)}</p>}
          <h2 id="feature-panel-title" ref={headingRef} tabIndex={-1}>
            {primary}
          </h2>
          {secondary && secondary !== primary && (
            <p className="feature-secondary" lang={lang === 'zh' ? 'en' : 'zh-CN'}>{secondary}</p>
          )}
        </div>
        <button type="button" className="icon-button close-button" onClick={onClose} title={`${t.close} (Esc)`}>
          <span className="visually-hidden">{t.close}</span>
          <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
            <path d="M3.5 3.5 L12.5 12.5 M12.5 3.5 L3.5 12.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
        </button>
      </header>

      <div className="feature-panel-body">
        {p && (
          <>
            <dl className="feature-facts">
              {typeof p.area_km2 === 'number' && (
                <div><dt>{t.area}</dt><dd>{formatArea(lang, p.area_km2)}</dd></div>
              )}
              {typeof p.length_km === 'number' && (
                <div><dt>{t.length}</dt><dd>{`${formatNumber(lang, p.length_km, 1)} km`}</dd></div>
              )}
              {Array.isArray(p.aliases) && p.aliases.length > 0 && (
                <div className="fact-wide"><dt>{t.aliases}</dt><dd lang="zh-CN">{p.aliases.map(String).join('、')}</dd></div>
              )}
              {EXTRA_PROPS.map((key) => {
                const value = p[key];
                if (value === undefined || value === null || value === '' || typeof value === 'object') return null;
                // Coded values (status, kind) in the UI language; free text (vintage, note) as written.
                const v = String(value);
                const shown = key === 'status' ? (t.inv.siteStatus[v] ?? v) : key === 'kind' ? ((p.layer_id === 'sites' ? t.sites.kinds[v] : undefined) ?? t.featureKinds[v] ?? v) : v;
                return <div key={key}><dt>{t[key]}</dt><dd>{shown}</dd></div>;
              })}
              {p.layer_id === 'sites' && <SiteAreaFact siteId={featureId} />}
            </dl>
            <AccuracyBadge accuracy={p.accuracy} method={typeof p.method === 'string' ? p.method : null} />
            <button type="button" className="link-button zoom-button" onClick={() => onZoomTo(featureId)}>
              {t.zoomTo}
            </button>
          </>
        )}

        {detail.isPending && <p className="muted" aria-live="polite">{t.loading}</p>}
        {detail.error && (
          <p className="layer-error" role="alert">
            {t.loadFailed}: {detail.error.message}{' '}
            <button type="button" className="link-button" onClick={() => void detail.refetch()}>{t.retry}</button>
          </p>
        )}
        {detail.data && <DetailSections detail={detail.data} chainById={chainById} onSelectFeature={onSelectFeature} />}
        {/* Derived (推算), not quoted: the growth each target implies from its base, with any contradiction. */}
        <DerivedGrowthList subject={featureId} />

        {p && p.sources?.length > 0 && (
          <section className="feature-section">
            <h3>{t.sources}</h3>
            {p.sources.map((c) => <CitationQuote key={c.id} citation={c} />)}
          </section>
        )}
      </div>
    </aside>
  );
}

/** Chains, targets and children of a feature. */
function DetailSections({ detail, chainById, onSelectFeature }: { detail: FeatureDetail; chainById: Map<string, Chain>; onSelectFeature: (id: string) => void }) {
  const { lang, t } = useI18n();
  const sources = useSources();
  return (
    <>
      {detail.targets.length > 0 && (
        <section className="feature-section">
          <h3>{t.targets}</h3>
          <ul className="figure-list">
            {detail.targets.map((f) => <FigureItem key={f.id} figure={f} />)}
          </ul>
        </section>
      )}
      {detail.chains.length > 0 && (
        <section className="feature-section">
          <h3>{t.chains}</h3>
          <ul className="chain-list">
            {detail.chains.map((c) => {
              const full = chainById.get(c.id);
              return (
                <li key={c.id} className="chain-item">
                  <div className="chain-head">
                    {sources ? (
                      <button type="button" className="link-button chain-open" onClick={() => sources.openChain(c.id)} title={t.openChain}>
                        <strong>{pick(lang, c.name_zh, c.name_en)}</strong>
                      </button>
                    ) : (
                      <strong>{pick(lang, c.name_zh, c.name_en)}</strong>
                    )}
                    <span className="muted"> · {pick(lang, c.group_zh, c.group_en)}</span>
                  </div>
                  {c.role && <p className="chain-role"><span className="muted">{t.role}:</span> {t.chainRoles[c.role] ?? c.role}</p>}
                  {c.citation && <CitationQuote citation={c.citation} />}
                  <DerivedGrowthList subject={c.id} compact />
                  {full && full.figures.length > 0 && (
                    <details className="chain-figures">
                      <summary>
                        {full.figures.map((f) => `${f.year ?? ''} ${f.value_text}`).join(' → ')}
                        {full.figures[0].unit && !full.figures[0].value_text.endsWith(full.figures[0].unit) ? ` ${full.figures[0].unit}` : ''}
                      </summary>
                      <ul className="figure-list">
                        {full.figures.map((f) => <FigureItem key={f.id} figure={f} />)}
                      </ul>
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {detail.children.length > 0 && (
        <section className="feature-section">
          <h3>{t.children}</h3>
          <ul className="children-list">
            {detail.children.map((c) => (
              <li key={c.id}>
                <button type="button" className="feature-button" onClick={() => onSelectFeature(c.id)}>
                  {pick(lang, c.name_zh, c.name_en)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
