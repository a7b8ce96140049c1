import { useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { AtlasFeatureCollection } from '@contract/api';
import type { ExplorerState } from '../../hooks/use-explorer-state';
import { useI18n } from '../../hooks/use-i18n';
import { useChains, useFeatureDetails } from '../../hooks/use-investor-data';
import { buildParkFacts } from '../../lib/park-facts';
import { DOCK_TABS, type DockTab } from '../../lib/url-state';
import { lazyComponent } from '../../lib/lazy-component';
import { isPhone } from '../../lib/viewport';
import './explorer.css';

// Tabs other than the first: chunks of their own, loaded when the tab opens.
const ChainCharts = lazyComponent(() => import('../charts/chain-charts').then((m) => m.ChainCharts));
const CompareView = lazyComponent(() => import('../compare/compare-view').then((m) => m.CompareView));
const ParkExplorer = lazyComponent(() => import('./park-explorer').then((m) => m.ParkExplorer));
const SiteInventory = lazyComponent(() => import('../sites/site-inventory').then((m) => m.SiteInventory));

/** Props of the side dock. */
export interface SideDockProps {
  id: string;
  explorer: ExplorerState;
  /** The layer panel, shown (and kept mounted) under the 图层 tab. */
  layerPanel: ReactNode;
  /** Every loaded layer's features. */
  byId: Record<string, AtlasFeatureCollection>;
  selectedId: string | null;
  /** Selects a feature, shows its layer and flies the map to it. */
  onSelectFeature: (featureId: string) => void;
}

/** Tabs that need the width of the screen rather than a side column. */
const WIDE_TABS: DockTab[] = ['compare', 'charts'];

/** The left dock: 图层 / 园区 / 载体 / 对比 / 图表 tabs (keyboard: arrows, Home, End), each tab's panel below. */
export function SideDock({ id, explorer, layerPanel, byId, selectedId, onSelectFeature }: SideDockProps) {
  const { t } = useI18n();
  const { tab, setTab } = explorer;
  const tabRefs = useRef(new Map<DockTab, HTMLButtonElement>());
  const chains = useChains();
  // The site whose card the Sites tab opens with (from a match result); else the selected feature, if a site.
  const [siteToOpen, setSiteToOpen] = useState<string | null>(null);

  // Every park's detail (its chains and targets) feeds the filters, the list and the comparison.
  const parkIds = useMemo(() => (byId.parks?.features ?? []).map((f) => String(f.id)), [byId.parks]);
  const details = useFeatureDetails(parkIds);
  // The parks first, 口岸街道 (a subdistrict the documents treat like one) last.
  const parks = useMemo(() => buildParkFacts(byId, details).sort((a, b) => Number(a.kind === 'subdistrict') - Number(b.kind === 'subdistrict')), [byId, details]);
  const detailsLoaded = parkIds.length > 0 && parkIds.every((p) => details.has(p));

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = DOCK_TABS.indexOf(tab);
    const next =
      e.key === 'ArrowRight' ? DOCK_TABS[(i + 1) % DOCK_TABS.length]
      : e.key === 'ArrowLeft' ? DOCK_TABS[(i + DOCK_TABS.length - 1) % DOCK_TABS.length]
      : e.key === 'Home' ? DOCK_TABS[0]
      : e.key === 'End' ? DOCK_TABS[DOCK_TABS.length - 1]
      : null;
    if (!next) return;
    e.preventDefault();
    setTab(next);
    tabRefs.current.get(next)?.focus();
  };

  // A pick in a wide tab goes back to the parks column so the map (and the profile) can be seen.
  const selectFromWide = (featureId: string) => {
    setTab('parks');
    onSelectFeature(featureId);
  };

  return (
    <div id={id} className={`side-dock${WIDE_TABS.includes(tab) ? ' is-wide' : ''}`} data-tab={tab}>
      <div className="dock-tabs" role="tablist" aria-label={t.inv.tabsLabel} onKeyDown={onKeyDown}>
        {DOCK_TABS.map((k) => (
          <button
            key={k}
            ref={(el) => {
              if (el) tabRefs.current.set(k, el);
              else tabRefs.current.delete(k);
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${k}`}
            aria-selected={tab === k}
            aria-controls={`${id}-panel-${k}`}
            tabIndex={tab === k ? 0 : -1}
            className="dock-tab"
            data-tab={k}
            onClick={() => setTab(k)}
          >
            {k === 'sites' ? t.sites.tab : t.inv.tabs[k]}
            {k === 'compare' && explorer.compare.length > 0 && <span className="tab-count" aria-label={t.inv.compareCount(explorer.compare.length)}>{explorer.compare.length}</span>}
          </button>
        ))}
      </div>
      {DOCK_TABS.map((k) => (
        <div
          key={k}
          id={`${id}-panel-${k}`}
          role="tabpanel"
          aria-labelledby={`${id}-tab-${k}`}
          className={`dock-panel dock-panel-${k}`}
          hidden={tab !== k}
          tabIndex={-1}
        >
          {k === 'layers' && layerPanel}
          {k === 'parks' && tab === k && (
            <ParkExplorer
              parks={parks}
              detailsLoaded={detailsLoaded}
              chains={chains.data}
              filters={explorer.filters}
              setFilters={explorer.setFilters}
              compare={explorer.compare}
              toggleCompare={explorer.toggleCompare}
              selectedId={selectedId}
              onSelectFeature={onSelectFeature}
              onOpenSite={(siteId) => {
                setSiteToOpen(siteId);
                // On a phone, selecting would close the drawer the card is in: the card's own button shows it on the map.
                if (!isPhone()) onSelectFeature(siteId);
                setTab('sites');
              }}
              byId={byId}
            />
          )}
          {k === 'sites' && tab === k && <SiteInventory byId={byId} chains={chains.data} onSelectFeature={onSelectFeature} openSiteId={siteToOpen ?? selectedId} />}
          {k === 'compare' && tab === k && (
            <CompareView parks={parks} compare={explorer.compare} toggleCompare={explorer.toggleCompare} onSelectPark={selectFromWide} />
          )}
          {k === 'charts' && tab === k && (
            <ChainCharts
              group={explorer.chartGroup}
              onGroup={explorer.setChartGroup}
              onFindParks={(chain) => {
                explorer.setFilters({ chain });
                setTab('parks');
              }}
            />
          )}
        </div>
      ))}
    </div>
  );
}
