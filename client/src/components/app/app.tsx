import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useAtlasMap, type ScreenPadding } from '../../hooks/use-atlas-map';
import { I18nContext, type I18n } from '../../hooks/use-i18n';
import { useLayerControls } from '../../hooks/use-layer-controls';
import { useLayerData } from '../../hooks/use-layer-data';
import { useLayers } from '../../hooks/use-layers';
import type { IndexedFeature } from '../../lib/atlas-data';
import { I18nextProvider } from 'react-i18next';
import { useFeatureDetail } from '../../hooks/use-feature-detail';
import { i18n as i18next, strings, type Lang } from '../../lib/i18n';
import type { OnlineBasemapState } from '../../lib/online-basemaps';
import { FeaturePanel } from '../feature/feature-panel';
import { SourcesProvider } from '../documents/sources-provider';
import { StaffProvider } from '../tools/staff-provider';
import { LayerPanel } from '../layers/layer-panel';
import { MapView } from '../map/map-view';
import { TitleBar } from './title-bar';
import { useExplorerState } from '../../hooks/use-explorer-state';
import { readUrlView, useUrlState } from '../../hooks/use-url-state';
import { SideDock } from '../explorer/side-dock';
import { BriefingLauncher } from '../briefing/briefing-launcher';
import { lazyComponent, preloadLazyChunks } from '../../lib/lazy-component';
import { isPhone } from '../../lib/viewport';
import { PlaceNamesContext } from '../../hooks/use-place-names';
import { placeNameMap } from '../../lib/mixed-text';

/** Opens when a park is picked: its own chunk, like the other panels not needed for the first view. */
const ParkProfile = lazyComponent(() => import('../explorer/park-profile').then((m) => m.ParkProfile));

const LAYER_PANEL_ID = 'layer-panel';
/** The left dock holding the layer panel and the investor tabs (components/explorer/side-dock.tsx). */
const DOCK_ID = 'side-dock';
const TIANDITU_KEY_STORAGE = 'atlas.tiandituKey';

/** Map picks while a staff tool owns the map's clicks. */
const ignorePick = () => {};

function storedKey(): string {
  try {
    return localStorage.getItem(TIANDITU_KEY_STORAGE) ?? '';
  } catch {
    return '';
  }
}

/** The whole app: title bar, layer panel, map and feature panel, sharing language and selection. */
export function App() {
  // The URL carries the whole view (lib/url-state.ts); it is read once, before the first render.
  const [initialView] = useState(readUrlView);
  const [lang, setLang] = useState<Lang>(() => initialView.lang ?? 'zh');
  const [selectedId, setSelectedId] = useState<string | null>(() => initialView.selected);
  const [panelOpen, setPanelOpen] = useState(() => (initialView.panel ? initialView.panel !== 'none' : !isPhone()));
  const explorer = useExplorerState(initialView);
  const [graph, setGraph] = useState(() => initialView.graph);
  const [basemaps, setBasemaps] = useState<OnlineBasemapState>(() => ({ tianditu: false, osm: false, tiandituKey: storedKey() }));
  const containerRef = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  const layersQuery = useLayers();
  const layers = layersQuery.data;
  const data = useLayerData(layers);
  const controls = useLayerControls(layers);

  const index = useMemo(() => {
    const out = new Map<string, IndexedFeature>();
    for (const layer of layers ?? []) {
      for (const feature of data.byId[layer.id]?.features ?? []) out.set(String(feature.id), { layer, feature });
    }
    return out;
  }, [layers, data.byId]);

  // name_zh → name_en of every loaded feature, for English text that names places in Chinese (common/mixed-text.tsx).
  const placeNames = useMemo(() => placeNameMap([...index.values()].map((i) => i.feature)), [index]);

  const selectedRef = useRef(selectedId);
  selectedRef.current = selectedId;
  const panelOpenRef = useRef(panelOpen);
  panelOpenRef.current = panelOpen;
  const padding = useCallback((): ScreenPadding => {
    const open = selectedRef.current !== null;
    if (isPhone()) return { top: 72, bottom: open ? Math.round(window.innerHeight * 0.5) : 32, left: 24, right: 24 };
    return { top: 84, bottom: 40, left: panelOpenRef.current ? 364 : 40, right: open ? 424 : 40 };
  }, []);

  const select = useCallback((featureId: string | null) => {
    if (featureId && selectedRef.current === null) {
      const active = document.activeElement;
      returnFocus.current = active instanceof HTMLElement && active !== document.body ? active : null;
    }
    setSelectedId(featureId);
  }, []);

  const close = useCallback(() => {
    setSelectedId(null);
    const back = returnFocus.current;
    returnFocus.current = null;
    if (back?.isConnected) back.focus({ preventScroll: true });
  }, []);

  // While a staff tool (edit, draw, measure, export picking) owns map clicks, they do not pick features.
  const [mapBusy, setMapBusy] = useState(false);
  const atlas = useAtlasMap({ container: containerRef, layers, data, index, controls: controls.controls, lang, selectedId, basemaps, onSelect: mapBusy ? ignorePick : select, padding });
  useUrlState({ initial: initialView, atlas, layers, controls, lang, selectedId, panelOpen, explorer, graph });
  // Once the first view is on the map, the panels' chunks are fetched in the background.
  useEffect(() => {
    if (atlas.ready && atlas.map) atlas.map.once('idle', preloadLazyChunks);
  }, [atlas.ready, atlas.map]);
  // A park (or 口岸街道) opens the investor profile in the feature panel's place.
  // From the feature's detail too, so a shared link shows the profile before every layer has loaded.
  const selectedDetail = useFeatureDetail(selectedId);
  const detailLayer = layers?.find((l) => l.id === selectedDetail.data?.feature.properties.layer_id);
  const indexed = selectedId !== null ? index.get(selectedId) : undefined;
  const selectedPark = indexed?.layer.theme === 'parks' ? indexed : !indexed && detailLayer?.theme === 'parks' ? { layer: detailLayer } : undefined;

  // Picking from a list moves the camera to the feature; picking on the map does not.
  const { setVisible } = controls;
  const selectFromList = useCallback(
    (featureId: string) => {
      select(featureId);
      // Picking a feature of a hidden layer shows the layer: the selection should be visible.
      const hit = index.get(featureId);
      if (hit && controls.controls[hit.layer.id]?.visible === false) setVisible(hit.layer.id, true);
      if (isPhone()) setPanelOpen(false);
      // Wait a frame so the padding accounts for the panel that is about to open.
      requestAnimationFrame(() => atlas.zoomToFeature(featureId));
    },
    [select, atlas, index, controls.controls, setVisible],
  );
  // On a phone one sheet shows at a time: a feature picked (on the map, in search, from a quote) takes the
  // dock's place at the bottom. The first render keeps what the link asked for.
  const firstSelection = useRef(true);
  useEffect(() => {
    if (firstSelection.current) {
      firstSelection.current = false;
      return;
    }
    if (selectedId && isPhone()) setPanelOpen(false);
  }, [selectedId]);
  // Search and the sources panels switch layers on, never off.
  const showLayer = useCallback((layerId: string) => setVisible(layerId, true), [setVisible]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      if (selectedRef.current !== null) close();
      else if (isPhone()) setPanelOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [close]);

  useEffect(() => {
    void i18next.changeLanguage(lang);
    const t = strings(lang);
    document.documentElement.lang = t.htmlLang;
    document.title = `${t.titleMain} · ${t.titleSub}`;
  }, [lang]);

  const changeBasemaps = useCallback((next: OnlineBasemapState) => {
    setBasemaps(next);
    try {
      localStorage.setItem(TIANDITU_KEY_STORAGE, next.tiandituKey);
    } catch {
      // Private mode: the key just isn't remembered.
    }
  }, []);

  const i18n = useMemo<I18n>(() => ({ lang, t: strings(lang), setLang }), [lang]);

  return (
    <I18nextProvider i18n={i18next}>
    <I18nContext.Provider value={i18n}>
    <PlaceNamesContext.Provider value={placeNames}>
      {/* Document viewer, sources, data checks and chain cards, reachable from every citation. */}
      <SourcesProvider index={index} onSelectFeature={selectFromList} onShowLayer={showLayer} graph={graph} onGraph={setGraph}>
      {/* Sign-in, editing, history, measuring, coordinates and export (components/tools/staff-provider.tsx). */}
      <StaffProvider map={atlas.map} ready={atlas.ready} layers={layers} index={index} selectedId={selectedId} onSelect={select} onShowLayer={showLayer} onMapBusy={setMapBusy}>
      <div className={`app${panelOpen ? ' panel-open' : ''}${selectedId ? ' feature-open' : ''}`}>
        {/* First stop for keyboard users: straight to the parks and layers panel instead of ~30 map and tool controls. */}
        <a
          className="skip-link"
          href={`#${DOCK_ID}`}
          onClick={(e) => {
            e.preventDefault();
            setPanelOpen(true);
            requestAnimationFrame(() => document.querySelector<HTMLElement>(`#${DOCK_ID} [role="tab"][aria-selected="true"]`)?.focus());
          }}
        >
          {i18n.t.skipToPanel}
        </a>
        <TitleBar panelId={DOCK_ID} panelOpen={panelOpen} onTogglePanel={() => setPanelOpen((v) => !v)} />
        <MapView containerRef={containerRef} ready={atlas.ready} />
        {/* 汇报: saved views, briefings, present mode, exports, /embed (components/briefing, components/present). */}
        <BriefingLauncher atlas={atlas} layers={layers} controls={controls} index={index} lang={lang} setLang={setLang} selectedId={selectedId} select={select} explorer={explorer} basemaps={basemaps} />
        <SideDock
          id={DOCK_ID}
          explorer={explorer}
          byId={data.byId}
          selectedId={selectedId}
          onSelectFeature={selectFromList}
          layerPanel={
            <LayerPanel
              id={LAYER_PANEL_ID}
              layers={layers}
              layersError={layersQuery.error}
              data={data}
              controls={controls}
              basemaps={basemaps}
              onBasemapsChange={changeBasemaps}
              selectedId={selectedId}
              onSelectFeature={selectFromList}
              onRetryLayers={() => void layersQuery.refetch()}
            />
          }
        />
        {selectedId && selectedPark && (
          <ParkProfile
            featureId={selectedId}
            layer={selectedPark.layer}
            byId={data.byId}
            compare={explorer.compare}
            toggleCompare={explorer.toggleCompare}
            onClose={close}
            onSelectFeature={selectFromList}
            onZoomTo={atlas.zoomToFeature}
            filters={explorer.filters}
            setFilters={explorer.setFilters}
          />
        )}
        {selectedId && !selectedPark && (
          <FeaturePanel
            featureId={selectedId}
            known={index.get(selectedId)}
            onClose={close}
            onSelectFeature={selectFromList}
            onZoomTo={atlas.zoomToFeature}
          />
        )}
      </div>
      </StaffProvider>
      </SourcesProvider>
    </PlaceNamesContext.Provider>
    </I18nContext.Provider>
    </I18nextProvider>
  );
}
