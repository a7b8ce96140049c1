import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { AtlasFeatureCollection, Chain, MatchPark, MatchResult, SiteInfo } from '@contract/api';
import { MAX_COMPARE } from '../../hooks/use-explorer-state';
import { useI18n } from '../../hooks/use-i18n';
import { groupChains, useDebounced, useMatch } from '../../hooks/use-investor-data';
import { formatNumber, pick } from '../../lib/i18n';
import type { ParkFacts } from '../../lib/park-facts';
import { useSites } from '../../hooks/use-sites';
import { minAreaKm2, type ExplorerFilters } from '../../lib/url-state';
import { CitationQuote } from '../feature/citation-quote';
import { ChainGraphButton } from '../chains/chain-graph-button';
import { stageLabel } from '../chains/chain-graph-stage';
import { PART_COLORS, PART_ORDER, ScoreBar } from './score-bar';
import { formatArea, SiteFilters, siteFiltersOn, SiteItem } from './site-filters';

/** Props of the park explorer (the 园区 / Parks tab). */
export interface ParkExplorerProps {
  parks: ParkFacts[];
  /** False until every park's feature detail (its chains) has loaded. */
  detailsLoaded: boolean;
  chains: Chain[] | undefined;
  filters: ExplorerFilters;
  setFilters: (change: Partial<ExplorerFilters>) => void;
  compare: string[];
  toggleCompare: (parkId: string) => void;
  selectedId: string | null;
  onSelectFeature: (featureId: string) => void;
  /** Opens a site's card in the Sites tab (selecting it on the map too). */
  onOpenSite: (siteId: string) => void;
  /** Every loaded layer's features (names of the sites' parks and measured polygons). */
  byId: Record<string, AtlasFeatureCollection>;
}

/** Typing pauses this long before the query goes to the server. */
const TYPING_DEBOUNCE_MS = 400;

/** The parks (and 口岸街道) with chain, group, industry-text and land filters; ranked by /api/match when a chain or industry is given. */
export function ParkExplorer(props: ParkExplorerProps) {
  const { parks, detailsLoaded, chains, filters, setFilters, compare, toggleCompare, selectedId, onSelectFeature, onOpenSite, byId } = props;
  const { lang, t } = useI18n();
  const uid = useId();
  const groups = useMemo(() => groupChains(chains), [chains]);
  const chainById = useMemo(() => new Map((chains ?? []).map((c) => [c.id, c])), [chains]);

  // The text box is local so typing stays instant; the query follows it after a pause.
  const [text, setText] = useState(filters.q);
  const pushed = useRef(filters.q);
  const debounced = useDebounced(text, TYPING_DEBOUNCE_MS);
  useEffect(() => {
    if (debounced.trim() === pushed.current.trim()) return;
    pushed.current = debounced;
    setFilters({ q: debounced });
  }, [debounced, setFilters]);
  useEffect(() => {
    // Changed from outside (a chain was picked, filters cleared, a link opened): show it.
    if (filters.q !== pushed.current) {
      pushed.current = filters.q;
      setText(filters.q);
    }
  }, [filters.q]);

  const match = useMatch(filters.chain, filters.q);
  const sites = useSites(filters.siteStatus, minAreaKm2(filters));
  const matching = filters.chain !== null || filters.q.trim().length >= 2;

  const passes = (p: ParkFacts) => {
    if (filters.available && p.openSites.length === 0) return false;
    if (filters.group && ![...p.focusChains, ...p.leaderChains].some((c) => chainById.get(c)?.group_id === filters.group)) return false;
    return true;
  };
  const visibleParks = parks.filter(passes);
  const parkById = new Map(parks.map((p) => [p.id, p]));
  const groupChoices = filters.group ? groups.filter((g) => g.id === filters.group) : groups;
  const anyFilter = filters.chain !== null || filters.group !== null || filters.q.trim() !== '' || filters.available || siteFiltersOn(filters);

  const siteList = (
    <SiteResults result={sites.data} pending={sites.isPending} error={sites.error} filters={filters} byId={byId} selectedId={selectedId} onSelectFeature={onSelectFeature} />
  );

  return (
    <section className="park-explorer" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`} className="dock-heading">{t.inv.explorerHeading}</h2>
      <form
        className="explorer-filters"
        role="search"
        aria-label={t.inv.filtersLabel}
        onSubmit={(e) => {
          e.preventDefault();
          pushed.current = text;
          setFilters({ q: text });
        }}
      >
        <label className="field">
          <span className="field-label">{t.inv.filterKeyword}</span>
          <span className="field-row">
            <input
              type="search"
              value={text}
              maxLength={200}
              placeholder={t.inv.keywordPlaceholder}
              onChange={(e) => setText(e.target.value)}
              aria-describedby={`${uid}-kw-hint`}
              name="q"
              autoComplete="off"
            />
            <button type="submit" className="button">{t.inv.matchButton}</button>
          </span>
          <span id={`${uid}-kw-hint`} className="field-hint">{t.inv.keywordHint}</span>
        </label>
        <div className="field-pair">
          <label className="field">
            <span className="field-label">{t.inv.filterChain}</span>
            <select value={filters.chain ?? ''} onChange={(e) => setFilters({ chain: e.target.value || null })} name="chain">
              <option value="">{t.inv.anyChain}</option>
              {groupChoices.map((g) => (
                <optgroup key={g.id} label={pick(lang, g.name_zh, g.name_en)}>
                  {g.chains.map((c) => (
                    <option key={c.id} value={c.id}>{pick(lang, c.name_zh, c.name_en)}</option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t.inv.filterGroup}</span>
            <select
              value={filters.group ?? ''}
              onChange={(e) => {
                const group = e.target.value || null;
                // A chain outside the new group would hide every result: drop it.
                const keepChain = !group || !filters.chain || chainById.get(filters.chain)?.group_id === group;
                setFilters(keepChain ? { group } : { group, chain: null });
              }}
              name="group"
            >
              <option value="">{t.inv.anyGroup}</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>{pick(lang, g.name_zh, g.name_en)}</option>
              ))}
            </select>
          </label>
        </div>
        <label className="check-row">
          <input type="checkbox" checked={filters.available} onChange={(e) => setFilters({ available: e.target.checked })} name="avail" />
          {t.inv.onlyAvailable}
        </label>
        <SiteFilters filters={filters} setFilters={setFilters} />
        {anyFilter && (
          <button
            type="button"
            className="link-button clear-filters"
            onClick={() => {
              pushed.current = '';
              setText('');
              setFilters({ chain: null, group: null, q: '', available: false, siteStatus: [], minArea: null });
            }}
          >
            {t.inv.clearFilters}
          </button>
        )}
      </form>

      {matching ? (
        <MatchResults
          result={match.data}
          pending={match.isPending || match.isFetching}
          error={match.error}
          onRetry={() => void match.refetch()}
          passes={(id) => {
            const p = parkById.get(id);
            return p ? passes(p) : true;
          }}
          parkById={parkById}
          chainById={chainById}
          compare={compare}
          toggleCompare={toggleCompare}
          selectedId={selectedId}
          onSelectFeature={onSelectFeature}
          onPickChain={(chain) => setFilters({ chain })}
          onOpenSite={onOpenSite}
          siteResult={sites.data}
          byId={byId}
          filters={filters}
        />
      ) : (
        <div className="explorer-results" aria-live="polite">
          {/* With a site filter on, the sites it finds come first; otherwise after the parks. */}
          {siteFiltersOn(filters) && siteList}
          <p className="result-count muted">
            {filters.group && !detailsLoaded ? t.loading : t.inv.parkCount(visibleParks.length)}
          </p>
          {visibleParks.length === 0 && detailsLoaded && <p className="muted panel-pad">{t.inv.noParks}</p>}
          <ol className="park-list">
            {visibleParks.map((p) => (
              <ParkRow
                key={p.id}
                park={p}
                chainById={chainById}
                selected={selectedId === p.id}
                compared={compare.includes(p.id)}
                compareFull={compare.length >= MAX_COMPARE}
                onSelect={() => onSelectFeature(p.id)}
                onToggleCompare={() => toggleCompare(p.id)}
              />
            ))}
          </ol>
          {!siteFiltersOn(filters) && siteList}
        </div>
      )}
    </section>
  );
}

/** The sites passing the site filters (GET /api/sites), then — with a minimum area on — those whose area is not stated. */
function SiteResults({ result, pending, error, filters, byId, selectedId, onSelectFeature }: {
  result: { sites: SiteInfo[]; unknown_area: SiteInfo[] } | undefined;
  pending: boolean;
  error: Error | null;
  filters: ExplorerFilters;
  byId: Record<string, AtlasFeatureCollection>;
  selectedId: string | null;
  onSelectFeature: (featureId: string) => void;
}) {
  const { t } = useI18n();
  const s = t.inv.siteFilter;
  return (
    <section className="site-results" aria-labelledby="explorer-sites-h">
      <h3 id="explorer-sites-h" className="dock-subheading">{s.heading}</h3>
      {error && <p className="layer-error" role="alert">{t.loadFailed}: {error.message}</p>}
      {!result && pending && <p className="muted">{s.loading}</p>}
      {result && (
        <>
          <p className="result-count muted site-count">{result.sites.length === 0 ? s.none : s.count(result.sites.length)}</p>
          <ol className="site-list site-matches">
            {result.sites.map((x) => (
              <SiteItem key={x.id} site={x} byId={byId} unit={filters.areaUnit} selected={selectedId === x.id} onSelect={() => onSelectFeature(x.id)} />
            ))}
          </ol>
          {result.unknown_area.length > 0 && (
            <>
              <h4 className="profile-subheading unknown-area-heading">{s.unknownHeading(result.unknown_area.length)}</h4>
              <ol className="site-list site-unknown-area">
                {result.unknown_area.map((x) => (
                  <SiteItem key={x.id} site={x} byId={byId} unit={filters.areaUnit} selected={selectedId === x.id} onSelect={() => onSelectFeature(x.id)} />
                ))}
              </ol>
            </>
          )}
        </>
      )}
    </section>
  );
}

/** The park's name as a button that selects it, its other-language name and the compare checkbox. */
function ParkName({ park, selected, compared, compareFull, onSelect, onToggleCompare, rank }: {
  park: { id: string; name_zh: string; name_en: string };
  selected: boolean;
  compared: boolean;
  compareFull: boolean;
  onSelect: () => void;
  onToggleCompare: () => void;
  rank?: number;
}) {
  const { lang, t } = useI18n();
  const name = pick(lang, park.name_zh, park.name_en);
  const other = lang === 'zh' ? park.name_en : park.name_zh;
  return (
    <div className="park-row-head">
      {rank !== undefined && <span className="park-rank" aria-hidden="true">{rank}</span>}
      <button type="button" className={`park-name-button${selected ? ' is-selected' : ''}`} aria-current={selected ? 'true' : undefined} onClick={onSelect}>
        <span className="park-name">{name}</span>
        {other && other !== name && <span className="park-other-name" lang={lang === 'zh' ? 'en' : 'zh-CN'}>{other}</span>}
      </button>
      <label className="compare-check" title={t.inv.compareCheck(name)}>
        <input type="checkbox" checked={compared} disabled={!compared && compareFull} onChange={onToggleCompare} aria-label={t.inv.compareCheck(name)} />
        <span aria-hidden="true">{t.inv.compareShort}</span>
      </label>
    </div>
  );
}

function ParkRow({ park, chainById, selected, compared, compareFull, onSelect, onToggleCompare }: {
  park: ParkFacts;
  chainById: Map<string, Chain>;
  selected: boolean;
  compared: boolean;
  compareFull: boolean;
  onSelect: () => void;
  onToggleCompare: () => void;
}) {
  const { lang, t } = useI18n();
  const chainNames = park.focusChains.map((c) => chainById.get(c)).filter((c): c is Chain => !!c).map((c) => pick(lang, c.name_zh, c.name_en));
  return (
    <li className={`park-row${selected ? ' is-selected' : ''}`} data-park-id={park.id}>
      <ParkName park={park} selected={selected} compared={compared} compareFull={compareFull} onSelect={onSelect} onToggleCompare={onToggleCompare} />
      <p className="park-facts muted">
        {park.kind === 'subdistrict' && <span className="kind-tag">{t.inv.parkKinds.subdistrict}</span>}
        {park.area_km2 !== null && <span>{formatNumber(lang, park.area_km2, 1)} km²</span>}
        {park.detail && <span>{t.inv.chainsCount(park.focusChains.length)}</span>}
        <span className={park.openSites.length ? 'has-land' : undefined}>{t.inv.openSitesCount(park.openSites.length)}</span>
      </p>
      {chainNames.length > 0 && <p className="park-chains">{chainNames.join(lang === 'zh' ? '、' : ', ')}</p>}
    </li>
  );
}

/** Ranked parks and sites of one /api/match answer, with the chains the query matched and why. */
function MatchResults(props: {
  result: MatchResult | undefined;
  pending: boolean;
  error: Error | null;
  onRetry: () => void;
  passes: (parkId: string) => boolean;
  parkById: Map<string, ParkFacts>;
  chainById: Map<string, Chain>;
  compare: string[];
  toggleCompare: (parkId: string) => void;
  selectedId: string | null;
  onSelectFeature: (featureId: string) => void;
  onPickChain: (chainId: string) => void;
  onOpenSite: (siteId: string) => void;
  /** GET /api/sites with the site filters: which ranked sites pass them. */
  siteResult: { sites: SiteInfo[]; unknown_area: SiteInfo[] } | undefined;
  byId: Record<string, AtlasFeatureCollection>;
  filters: ExplorerFilters;
}) {
  const { result, pending, error, onRetry, passes, parkById, chainById, compare, toggleCompare, selectedId, onSelectFeature, onPickChain, onOpenSite, siteResult, byId, filters } = props;
  const { lang, t } = useI18n();
  if (error) {
    return (
      <p className="layer-error panel-pad" role="alert">
        {t.loadFailed}: {error.message} <button type="button" className="link-button" onClick={onRetry}>{t.retry}</button>
      </p>
    );
  }
  if (!result) return <p className="muted panel-pad" aria-live="polite">{t.loading}</p>;
  const parks = result.parks.filter((p) => passes(p.park_id));
  // The same site filters as the site list: ranked sites that pass, and those of unstated area apart.
  const siteOn = siteFiltersOn(filters) && siteResult !== undefined;
  const passIds = new Set(siteResult?.sites.map((x) => x.id));
  const unknownIds = new Set(siteResult?.unknown_area.map((x) => x.id));
  const rankedSites = siteOn ? result.sites.filter((x) => passIds.has(x.id)) : result.sites;
  const unknownSites = siteOn ? (siteResult?.unknown_area ?? []).filter((x) => unknownIds.has(x.id) && result.sites.some((r) => r.id === x.id)) : [];
  const relevance = new Map(result.chains.map((c) => [c.id, c.relevance]));
  return (
    <div className={`explorer-results match-results${pending ? ' is-updating' : ''}`} aria-live="polite" aria-busy={pending}>
      <section className="matched-chains" aria-label={t.inv.matchedChains}>
        <h3 className="dock-subheading">{t.inv.matchedChains}</h3>
        {result.no_fit ? (
          <NoFit result={result} chainCount={chainById.size} onPickChain={onPickChain} />
        ) : result.chains.length === 0 ? (
          <p className="muted">{t.inv.noMatch(result.query.q ?? '')}</p>
        ) : (
          <ul className="chip-list">
            {result.chains.map((c) => (
              <li key={c.id} className="chain-chip" data-chain-id={c.id}>
                <button type="button" className="chip-button" onClick={() => onPickChain(c.id)} disabled={result.query.chain === c.id} title={t.inv.pickChain}>
                  <strong>{pick(lang, c.name_zh, c.name_en)}</strong>
                  <span className="chip-meta">
                    {t.inv.relevance} {formatNumber(lang, c.relevance * 100, 0)}%
                    {result.query.q && c.matched.length > 0 && <> · {t.inv.matchedWords(c.matched.join(lang === 'zh' ? '、' : ', '))}</>}
                  </span>
                </button>
                <ChainGraphButton chainId={c.id} name={pick(lang, c.name_zh, c.name_en)} />
              </li>
            ))}
          </ul>
        )}
        {result.segments.length > 0 && <MatchedSegments result={result} />}
        {result.chains.length > 0 && (
          <p className="weights muted">
            {t.inv.weights}: {PART_ORDER.map((p) => `${t.inv.scoreParts[p]} ${result.weights[p]}`).join(' + ')} = 100
          </p>
        )}
      </section>

      {result.chains.length > 0 && (
        <section aria-label={t.inv.rankedParks}>
          <h3 className="dock-subheading">{t.inv.rankedParks}</h3>
          {parks.length === 0 && <p className="muted">{t.inv.noParks}</p>}
          <ol className="park-list is-ranked">
            {parks.map((p, i) => (
              <RankedPark
                key={p.park_id}
                rank={i + 1}
                match={p}
                relevance={relevance.get(p.best_chain) ?? 1}
                bestChain={chainById.get(p.best_chain)}
                facts={parkById.get(p.park_id)}
                selected={selectedId === p.park_id}
                compared={compare.includes(p.park_id)}
                compareFull={compare.length >= MAX_COMPARE}
                onSelect={() => onSelectFeature(p.park_id)}
                onToggleCompare={() => toggleCompare(p.park_id)}
              />
            ))}
          </ol>
        </section>
      )}

      {(rankedSites.length > 0 || unknownSites.length > 0) && (
        <section aria-label={t.inv.rankedSites}>
          <h3 className="dock-subheading">{t.inv.rankedSites}</h3>
          <ol className="site-list">
            {rankedSites.map((s) => {
              const park = s.park_id ? parkById.get(s.park_id) : undefined;
              return (
                <li key={s.id} className={`site-row${selectedId === s.id ? ' is-selected' : ''}`} data-site-id={s.id}>
                  <div className="site-row-head">
                    <button type="button" className="park-name-button" onClick={() => onSelectFeature(s.id)} aria-current={selectedId === s.id ? 'true' : undefined}>
                      <span className="park-name">{pick(lang, s.name_zh, s.name_en)}</span>
                      {park && <span className="park-other-name">{pick(lang, park.name_zh, park.name_en)}</span>}
                    </button>
                    <span className="site-score">{t.inv.points(formatNumber(lang, s.score, 1))}</span>
                  </div>
                  <button type="button" className="site-card-button" onClick={() => onOpenSite(s.id)}>{t.inv.siteCard}</button>
                  <p className="site-meta">
                    {s.status && <span className={`status-tag status-${s.status}`}>{t.inv.siteStatus[s.status] ?? s.status}</span>}
                    <span className="muted">{(lang === 'zh' ? s.reasons_zh : s.reasons_en).join(lang === 'zh' ? '；' : '; ')}</span>
                  </p>
                  <p className="site-meta site-area">
                    {s.area.km2 !== null ? formatArea(lang, s.area.km2, filters.areaUnit, t.inv.siteFilter.units) : t.inv.areaUnknown}
                  </p>
                </li>
              );
            })}
          </ol>
          {unknownSites.length > 0 && (
            <>
              <h4 className="profile-subheading unknown-area-heading">{t.inv.siteFilter.unknownHeading(unknownSites.length)}</h4>
              <ol className="site-list site-unknown-area">
                {unknownSites.map((x) => (
                  <SiteItem key={x.id} site={x} byId={byId} unit={filters.areaUnit} selected={selectedId === x.id} onSelect={() => onSelectFeature(x.id)} />
                ))}
              </ol>
            </>
          )}
        </section>
      )}
    </div>
  );
}

function RankedPark({ rank, match, relevance, bestChain, facts, selected, compared, compareFull, onSelect, onToggleCompare }: {
  rank: number;
  match: MatchPark;
  relevance: number;
  bestChain: Chain | undefined;
  facts: ParkFacts | undefined;
  selected: boolean;
  compared: boolean;
  compareFull: boolean;
  onSelect: () => void;
  onToggleCompare: () => void;
}) {
  const { lang, t } = useI18n();
  const sum = match.parts.reduce((s, p) => s + p.points, 0);
  const ordered = PART_ORDER.map((p) => match.parts.find((x) => x.part === p)).filter((x) => !!x);
  return (
    <li className={`park-row ranked-park${selected ? ' is-selected' : ''}`} data-park-id={match.park_id}>
      <ParkName
        park={{ id: match.park_id, name_zh: match.name_zh, name_en: match.name_en }}
        rank={rank}
        selected={selected}
        compared={compared}
        compareFull={compareFull}
        onSelect={onSelect}
        onToggleCompare={onToggleCompare}
      />
      <div className="score-line">
        <span className="score-total">
          <span className="visually-hidden">{t.inv.score}: </span>
          <strong>{formatNumber(lang, match.score, 1)}</strong>
          <span className="muted"> / 100</span>
        </span>
        {bestChain && <span className="muted best-chain">{t.inv.bestChain}: {pick(lang, bestChain.name_zh, bestChain.name_en)}</span>}
      </div>
      <ScoreBar parts={match.parts} />
      <details className="score-details">
        <summary>{t.inv.scoreDetails}</summary>
        <ul className="score-part-list">
          {ordered.map((p) => (
            <li key={p.part} data-part={p.part}>
              <p className="score-part-head">
                <span className="score-part-name" style={{ color: PART_COLORS[p.part].fill }}>{t.inv.scoreParts[p.part]}</span>
                <span className="score-part-points">{formatNumber(lang, p.points, 1)} / {p.max}</span>
              </p>
              <p className="score-part-detail">{pick(lang, p.detail_zh, p.detail_en)}</p>
              {p.citations.map((c) => <CitationQuote key={c.id} citation={c} />)}
            </li>
          ))}
        </ul>
        <p className="muted score-formula">{t.inv.scoreFormula(formatNumber(lang, sum, 1), formatNumber(lang, relevance, 2), formatNumber(lang, match.score, 1))}</p>
        {facts && facts.area_km2 !== null && <p className="muted">{t.area}: {formatNumber(lang, facts.area_km2, 1)} km²</p>}
      </details>
    </li>
  );
}

/** The segments the query named, each with its stage and a link into the chain graph at that segment. */
function MatchedSegments({ result }: { result: MatchResult }) {
  const { lang, t } = useI18n();
  const chainName = new Map(result.chains.map((c) => [c.id, pick(lang, c.name_zh, c.name_en)]));
  return (
    <>
      <h4 className="profile-subheading">{t.chainGraph.matchedSegments}</h4>
      <ul className="matched-segments">
        {result.segments.map((s) => (
          <li key={`${s.chain_id}:${s.segment}`} className="matched-segment" data-chain-id={s.chain_id} data-segment={s.segment}>
            <span className={`cg-tag cg-stage-${s.stage}`}>{stageLabel(t, s.stage)}</span>
            <span>
              <strong>{pick(lang, s.name_zh, s.name_en)}</strong>
              <span className="muted"> · {chainName.get(s.chain_id) ?? s.chain_id}</span>
              {s.matched.length > 0 && <span className="muted"> · {t.chainGraph.matchedBy}: {s.matched.join(lang === 'zh' ? '、' : ', ')}</span>}
            </span>
            <ChainGraphButton chainId={s.chain_id} segment={s.segment} name={`${chainName.get(s.chain_id) ?? s.chain_id} · ${pick(lang, s.name_zh, s.name_en)}`} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** A query that fits no chain: said plainly, with the nearest chains labelled as such (never ranked as matches). */
function NoFit({ result, chainCount, onPickChain }: { result: MatchResult; chainCount: number; onPickChain: (chainId: string) => void }) {
  const { lang, t } = useI18n();
  const q = result.query.q ?? result.query.code ?? '';
  return (
    <div className="no-fit-block">
      <p className="no-fit" role="status">
        {q && <strong>{lang === 'zh' ? `“${q}”：` : `“${q}”: `}</strong>}
        {/* The count only once the chain list is here: never “none of the 0 chains”. */}
        {chainCount > 0 ? t.chainGraph.noFit(chainCount) : t.chainGraph.noFitPlain}
      </p>
      {result.nearest.length > 0 && (
        <>
          <h4 className="profile-subheading">{t.chainGraph.nearest}</h4>
          <ul className="nearest-chains">
            {result.nearest.map((c) => (
              <li key={c.id} className="nearest-chain" data-chain-id={c.id}>
                <strong>{pick(lang, c.name_zh, c.name_en)}</strong>
                <span className="muted">
                  {t.chainGraph.similarity} {formatNumber(lang, c.similarity * 100, 0)}% · {t.chainGraph.closestTerm}: {c.closest_term}
                </span>
                <button type="button" className="link-button cg-open" onClick={() => onPickChain(c.id)}>{t.inv.pickChain}</button>
                <ChainGraphButton chainId={c.id} name={pick(lang, c.name_zh, c.name_en)} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
