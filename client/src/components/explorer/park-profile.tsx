import { useEffect, useMemo, useRef } from 'react';
import type { AtlasFeature, AtlasFeatureCollection, Chain, DerivedGrowth, DocumentInfo, FeatureDetail, LayerInfo } from '@contract/api';
import { useFeatureDetail } from '../../hooks/use-feature-detail';
import { useI18n } from '../../hooks/use-i18n';
import { useChains, useDocumentIndex, useGrowthOf, useParkBrief } from '../../hooks/use-investor-data';
import { MAX_COMPARE } from '../../hooks/use-explorer-state';
import { parkBriefUrl } from '../../lib/api';
import { formatPercent, formatYi } from '../../lib/figure-format';
import { formatNumber, pick } from '../../lib/i18n';
import { useSites } from '../../hooks/use-sites';
import { buildParkFacts, nodeChains, type ParkFacts } from '../../lib/park-facts';
import { EMPTY_FILTERS, minAreaKm2, type ExplorerFilters } from '../../lib/url-state';
import { AccuracyBadge } from '../feature/accuracy-badge';
import { CitationQuote } from '../feature/citation-quote';
import { ChainGraphButton } from '../chains/chain-graph-button';
import { AsOfStamp } from './as-of-stamp';
import { FigureRow } from './figure-row';
import { siteFiltersOn, SiteItem } from './site-filters';
import './explorer.css';

/** Props of the park profile. */
export interface ParkProfileProps {
  featureId: string;
  layer: LayerInfo | undefined;
  /** Every loaded layer's features (zones, nodes and sites of the park come from here). */
  byId: Record<string, AtlasFeatureCollection>;
  compare: string[];
  toggleCompare: (parkId: string) => void;
  onClose: () => void;
  onSelectFeature: (featureId: string) => void;
  onZoomTo: (featureId: string) => void;
  /** The explorer's filters: the site filters apply to the profile's sites too. */
  filters?: ExplorerFilters;
  setFilters?: (change: Partial<ExplorerFilters>) => void;
}

/**
 * The profile of a park (or 口岸街道) for investors, in the feature panel's place: positioning, zones,
 * chains with their quotes, named enterprises, targets with progress context, sites; every figure
 * with its source and a “data as of” stamp.
 */
export function ParkProfile({ featureId, layer, byId, compare, toggleCompare, onClose, onSelectFeature, onZoomTo, filters = EMPTY_FILTERS, setFilters }: ParkProfileProps) {
  const { lang, t } = useI18n();
  const detail = useFeatureDetail(featureId);
  const chains = useChains();
  const documents = useDocumentIndex();
  const brief = useParkBrief(featureId, lang);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, [featureId]);

  const facts: ParkFacts | undefined = useMemo(() => {
    const details = new Map<string, FeatureDetail>(detail.data ? [[featureId, detail.data]] : []);
    return buildParkFacts(byId, details).find((p) => p.id === featureId);
  }, [byId, detail.data, featureId]);
  const chainById = useMemo(() => new Map((chains.data ?? []).map((c) => [c.id, c])), [chains.data]);
  const parkChains = useMemo(() => [...new Set([...(facts?.focusChains ?? []), ...(facts?.leaderChains ?? [])])], [facts]);
  const growth = useGrowthOf(parkChains);

  const feature = detail.data?.feature ?? facts?.feature;
  const p = feature?.properties;
  const primary = p ? pick(lang, p.name_zh, p.name_en) : featureId;
  const secondary = p ? (lang === 'zh' ? p.name_en : p.name_zh) : '';
  const parent = p?.parent_id ? findFeature(byId, p.parent_id) : undefined;
  const compared = compare.includes(featureId);

  return (
    <aside className="feature-panel park-profile" aria-labelledby="feature-panel-title" data-feature-id={featureId}>
      <header className="feature-panel-header">
        <div className="feature-panel-titles">
          <p className="feature-layer">{t.inv.profileLabel}{layer ? ` · ${pick(lang, layer.title_zh, layer.title_en)}` : ''}</p>
          <h2 id="feature-panel-title" ref={headingRef} tabIndex={-1}>{primary}</h2>
          {secondary && secondary !== primary && <p className="feature-secondary" lang={lang === 'zh' ? 'en' : 'zh-CN'}>{secondary}</p>}
        </div>
        <button type="button" className="icon-button close-button" onClick={onClose} title={`${t.close} (Esc)`}>
          <span className="visually-hidden">{t.close}</span>
          <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
            <path d="M3.5 3.5 L12.5 12.5 M12.5 3.5 L3.5 12.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
        </button>
      </header>

      <div className="feature-panel-body">
        <div className="profile-actions">
          <button type="button" className="button button-quiet" onClick={() => onZoomTo(featureId)}>{t.zoomTo}</button>
          <button
            type="button"
            className="button button-quiet"
            aria-pressed={compared}
            disabled={!compared && compare.length >= MAX_COMPARE}
            onClick={() => toggleCompare(featureId)}
          >
            {compared ? t.inv.inCompare : t.inv.addCompare}
          </button>
          {brief.data === true && (
            <a className="button button-quiet" href={parkBriefUrl(featureId, lang)} download>{t.inv.pdf}</a>
          )}
        </div>

        {p && (
          <section className="feature-section" aria-labelledby="profile-positioning">
            <h3 id="profile-positioning">{t.inv.positioning}</h3>
            <dl className="feature-facts">
              <div><dt>{t.kind}</dt><dd>{t.inv.parkKinds[facts?.kind ?? 'park'] ?? facts?.kind}</dd></div>
              {parent && <div><dt>{t.inv.parent}</dt><dd>{pick(lang, parent.properties.name_zh, parent.properties.name_en)}</dd></div>}
              {typeof p.area_km2 === 'number' && (
                <div><dt>{t.area}</dt><dd>{formatNumber(lang, p.area_km2, 2)} km²</dd></div>
              )}
              {Array.isArray(p.aliases) && p.aliases.length > 0 && (
                <div className="fact-wide"><dt>{t.aliases}</dt><dd lang="zh-CN">{p.aliases.map(String).join('、')}</dd></div>
              )}
            </dl>
            {typeof p.area_km2 === 'number' && <p className="muted small-note">{t.inv.areaNote}</p>}
            <AccuracyBadge accuracy={p.accuracy} method={typeof p.method === 'string' ? p.method : null} />
            {p.sources?.length > 0 && (
              <details className="profile-sources">
                <summary>{t.inv.positioningSources(p.sources.length)}</summary>
                {p.sources.map((c) => <CitationQuote key={c.id} citation={c} />)}
              </details>
            )}
          </section>
        )}

        {detail.isPending && <p className="muted" aria-live="polite">{t.loading}</p>}
        {detail.error && (
          <p className="layer-error" role="alert">
            {t.loadFailed}: {detail.error.message}{' '}
            <button type="button" className="link-button" onClick={() => void detail.refetch()}>{t.retry}</button>
          </p>
        )}

        {facts && (
          <>
            <section className="feature-section" aria-labelledby="profile-zones">
              <h3 id="profile-zones">{t.inv.zones}</h3>
              {facts.zones.length === 0 ? (
                <p className="muted">{t.inv.noZones}</p>
              ) : (
                <ul className="children-list">
                  {facts.zones.map((z) => (
                    <li key={z.id}>
                      <button type="button" className="feature-button" onClick={() => onSelectFeature(String(z.id))}>
                        <span>{pick(lang, z.properties.name_zh, z.properties.name_en)}</span>
                        {typeof z.properties.area_km2 === 'number' && <span className="muted">{formatNumber(lang, z.properties.area_km2, 2)} km²</span>}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>

            {detail.data && <ChainSection detail={detail.data} />}

            <section className="feature-section" aria-labelledby="profile-enterprises">
              <h3 id="profile-enterprises">{t.inv.enterprises}</h3>
              {facts.enterprises.length === 0 ? (
                <p className="muted">{t.inv.noEnterprises}</p>
              ) : (
                <ul className="children-list enterprise-list">
                  {facts.enterprises.map((n) => (
                    <NodeItem key={n.id} node={n} chainById={chainById} onSelect={() => onSelectFeature(String(n.id))} />
                  ))}
                </ul>
              )}
              {facts.otherNodes.length > 0 && (
                <>
                  <h4 className="profile-subheading">{t.inv.otherPlaces}</h4>
                  <ul className="children-list">
                    {facts.otherNodes.map((n) => (
                      <NodeItem key={n.id} node={n} chainById={chainById} onSelect={() => onSelectFeature(String(n.id))} />
                    ))}
                  </ul>
                </>
              )}
            </section>

            {detail.data && (
              <TargetSection detail={detail.data} chains={parkChains} chainById={chainById} growth={growth} documents={documents} />
            )}

            <ProfileSites parkId={featureId} byId={byId} filters={filters} setFilters={setFilters} onSelectFeature={onSelectFeature} />
          </>
        )}
      </div>
    </aside>
  );
}

/** The park's sites with their areas (GET /api/sites), under the explorer's site filters; what they hide is counted. */
function ProfileSites({ parkId, byId, filters, setFilters, onSelectFeature }: {
  parkId: string;
  byId: Record<string, AtlasFeatureCollection>;
  filters: ExplorerFilters;
  setFilters?: (change: Partial<ExplorerFilters>) => void;
  onSelectFeature: (featureId: string) => void;
}) {
  const { t } = useI18n();
  const s = t.inv.siteFilter;
  const all = useSites([], null);
  const filtered = useSites(filters.siteStatus, minAreaKm2(filters));
  const on = siteFiltersOn(filters);
  const mine = (all.data?.sites ?? []).filter((x) => x.park_id === parkId);
  const shown = (on ? filtered.data?.sites ?? [] : mine).filter((x) => x.park_id === parkId);
  const unknown = on ? (filtered.data?.unknown_area ?? []).filter((x) => x.park_id === parkId) : [];
  const hidden = mine.length - shown.length - unknown.length;
  const item = (x: (typeof mine)[number]) => (
    <SiteItem key={x.id} site={x} byId={byId} unit={filters.areaUnit} selected={false} onSelect={() => onSelectFeature(x.id)} showPark={false} />
  );
  return (
    <section className="feature-section profile-sites" aria-labelledby="profile-sites">
      <h3 id="profile-sites">{t.inv.sites}</h3>
      {all.error && <p className="layer-error" role="alert">{t.loadFailed}: {all.error.message}</p>}
      {!all.data || (on && !filtered.data) ? (
        !all.error && <p className="muted">{s.loading}</p>
      ) : mine.length === 0 ? (
        <p className="muted">{t.inv.noSites}</p>
      ) : (
        <>
          {shown.length > 0 && <ul className="site-list">{shown.map(item)}</ul>}
          {unknown.length > 0 && (
            <>
              <h4 className="profile-subheading unknown-area-heading">{s.unknownHeading(unknown.length)}</h4>
              <ul className="site-list site-unknown-area">{unknown.map(item)}</ul>
            </>
          )}
          {hidden > 0 && (
            <p className="muted small-note sites-hidden">
              {s.hidden(hidden)}
              {setFilters && (
                <>
                  {' '}
                  <button type="button" className="link-button" onClick={() => setFilters({ siteStatus: [], minArea: null })}>{s.showAll}</button>
                </>
              )}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function findFeature(byId: Record<string, AtlasFeatureCollection>, id: string): AtlasFeature | undefined {
  for (const fc of Object.values(byId)) {
    const f = fc.features.find((x) => String(x.id) === id);
    if (f) return f;
  }
  return undefined;
}

function NodeItem({ node, chainById, onSelect }: { node: AtlasFeature; chainById: Map<string, Chain>; onSelect: () => void }) {
  const { lang } = useI18n();
  const chains = nodeChains(node).map((c) => chainById.get(c)).filter((c): c is Chain => !!c);
  return (
    <li>
      <button type="button" className="feature-button" onClick={onSelect}>
        <span>{pick(lang, node.properties.name_zh, node.properties.name_en)}</span>
        {chains.length > 0 && <span className="muted node-chains">{chains.map((c) => pick(lang, c.name_zh, c.name_en)).join(lang === 'zh' ? '、' : ', ')}</span>}
      </button>
    </li>
  );
}

/** The park's chains grouped by chain group, each role (focus / leader) with the quote that says so. */
function ChainSection({ detail }: { detail: FeatureDetail }) {
  const { lang, t } = useI18n();
  const byChain = new Map<string, FeatureDetail['chains']>();
  for (const c of detail.chains) byChain.set(c.id, [...(byChain.get(c.id) ?? []), c]);
  const groups = new Map<string, { name: string; chains: string[] }>();
  for (const [id, links] of byChain) {
    const g = pick(lang, links[0].group_zh, links[0].group_en);
    const entry = groups.get(g) ?? { name: g, chains: [] };
    entry.chains.push(id);
    groups.set(g, entry);
  }
  if (detail.chains.length === 0) return null;
  return (
    <section className="feature-section" aria-labelledby="profile-chains">
      <h3 id="profile-chains">{t.inv.industries}</h3>
      {[...groups.values()].map((g) => (
        <div key={g.name} className="chain-group-block">
          <h4 className="profile-subheading">{g.name}</h4>
          <ul className="chain-list">
            {g.chains.map((id) => {
              const links = byChain.get(id)!;
              return (
                <li key={id} className="chain-item" data-chain-id={id}>
                  <div className="chain-head">
                    <strong>{pick(lang, links[0].name_zh, links[0].name_en)}</strong>{' '}
                    {links.map((l) => (
                      <span key={l.role} className={`role-tag role-${l.role}`}>{t.chainRoles[l.role] ?? l.role}</span>
                    ))}{' '}
                    <ChainGraphButton chainId={id} name={pick(lang, links[0].name_zh, links[0].name_en)} />
                  </div>
                  {links.map((l) =>
                    l.citation ? (
                      <div key={l.role} className="role-quote">
                        <span className="muted role-quote-label">{t.chainRoles[l.role] ?? l.role}:</span>
                        <CitationQuote citation={l.citation} />
                      </div>
                    ) : null,
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** The park's targets (quoted), then the growth its focus chains' targets imply (derived, and marked so). */
function TargetSection({ detail, chains, chainById, growth, documents }: {
  detail: FeatureDetail;
  /** The park's chains (focus and leader roles). */
  chains: string[];
  chainById: Map<string, Chain>;
  growth: Map<string, DerivedGrowth[]>;
  documents: Map<string, DocumentInfo> | undefined;
}) {
  const { lang, t } = useI18n();
  return (
    <section className="feature-section profile-targets" aria-labelledby="profile-targets">
      <h3 id="profile-targets">{t.inv.targets}</h3>
      {detail.targets.length === 0 ? (
        <p className="muted">{t.inv.noTargets}</p>
      ) : (
        <>
          <ul className="figure-list">
            {detail.targets.map((f, i) => (
              // One sentence often states several targets: quote it once, then point back to it.
              <FigureRow key={f.id} figure={f} documents={documents} sameQuoteAsPrevious={i > 0 && detail.targets[i - 1].citation.id === f.citation.id} />
            ))}
          </ul>
          <p className="muted small-note">{t.inv.noParkBase}</p>
        </>
      )}
      {chains.length > 0 && (
        <div className="chain-progress">
          <h4 className="profile-subheading">
            {t.inv.chainProgress} <span className="derived-tag" title={t.inv.derivedNote}>{t.inv.derived}</span>
          </h4>
          <p className="muted small-note">{t.inv.derivedNote}</p>
          <ul className="progress-list">
            {chains.map((id) => {
              const chain = chainById.get(id);
              const rows = (growth.get(id) ?? []).filter((g) => g.metric === 'revenue').sort((a, b) => a.target_year - b.target_year);
              if (!chain) return null;
              return (
                <li key={id} className="progress-item" data-chain-id={id}>
                  <strong>{pick(lang, chain.name_zh, chain.name_en)}</strong>
                  {rows.length === 0 && <p className="muted">{t.loading}</p>}
                  {rows.map((g) => (
                    <p key={`${g.base_year}-${g.target_year}`} className="progress-row">
                      {t.inv.growthRow(g.base_year, formatYi(lang, g.base_value), g.target_year, formatYi(lang, g.target_value), formatPercent(lang, g.implied_annual_growth))}
                      {g.stated_annual_growth !== null && (
                        <span className="muted"> · {t.inv.statedGrowth(formatPercent(lang, g.stated_annual_growth))}</span>
                      )}
                    </p>
                  ))}
                  {rows[0] && (
                    <>
                      <AsOfStamp figure={rows[0].from[0]} documents={documents} />
                      <CitationQuote citation={rows[0].from[0].citation} />
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
