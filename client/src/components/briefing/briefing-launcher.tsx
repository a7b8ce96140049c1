import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Briefing, LayerInfo, SavedView, ViewState } from '@contract/api';
import type { AtlasMapApi } from '../../hooks/use-atlas-map';
import type { ExplorerState } from '../../hooks/use-explorer-state';
import type { LayerControls } from '../../hooks/use-layer-controls';
import type { IndexedFeature } from '../../lib/atlas-data';
import type { Lang } from '../../lib/i18n';
import type { OnlineBasemapState } from '../../lib/online-basemaps';
import { ApiError, fetchBriefing, fetchView } from '../../lib/api';
import { lazyComponent, lazyModule } from '../../lib/lazy-component';
import type { PresenterHost, Slide } from '../present/presenter';
import { briefingStrings } from './briefing-strings';
import { BRIEFING_SLOT_ID } from '../app/title-bar';
import { captureViewState } from './capture';
import { download } from '../../lib/download';
import { isPhone } from '../../lib/viewport';

// The builder, present mode and the PNG export are chunks of their own, loaded on first use.
const BriefingPanel = lazyComponent(() => import('./briefing-panel').then((m) => m.BriefingPanel));
const loadPresenter = lazyModule(() => Promise.all([import('../present/presenter'), import('../present/features')]).then(([p, f]) => ({ ...p, ...f })));
const loadPngExport = lazyModule(() => import('./png-export'));

/** The app's state the briefing tools read and set. */
export interface BriefingLauncherProps {
  atlas: AtlasMapApi;
  layers: LayerInfo[] | undefined;
  controls: LayerControls;
  index: Map<string, IndexedFeature>;
  lang: Lang;
  setLang: (lang: Lang) => void;
  selectedId: string | null;
  select: (id: string | null) => void;
  explorer: ExplorerState;
  basemaps: OnlineBasemapState;
}

/** `/embed?briefing=…` or `/embed?view=…`: the map and the presenter only, for an iframe. */
export function isEmbed(): boolean {
  return window.location.pathname.replace(/\/+$/, '') === '/embed';
}

function setUrlParam(key: string, value: string | null) {
  const p = new URLSearchParams(window.location.search);
  if (value) p.set(key, value);
  else p.delete(key);
  const q = p.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':');
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${q ? `?${q}` : ''}${window.location.hash}`);
}

/**
 * The 汇报 button and everything behind it: the builder panel, present mode over the app's own map,
 * the stable link `/?briefing=<id>` (add `&present=1` to start presenting) and the /embed route.
 */
export function BriefingLauncher(props: BriefingLauncherProps) {
  const { atlas, lang } = props;
  const embed = useMemo(isEmbed, []);
  const [initial] = useState(() => {
    const p = new URLSearchParams(window.location.search);
    const id = (v: string | null) => (v && /^[a-z0-9][a-z0-9_-]{0,79}$/.test(v) ? v : null);
    return { briefing: id(p.get('briefing')), view: id(p.get('view')), present: p.get('present') === '1' };
  });
  const [open, setOpen] = useState(!embed && initial.briefing !== null);
  const [briefingId, setBriefingIdState] = useState<string | null>(initial.briefing);
  const [show, setShow] = useState<{ slides: Slide[]; start: number } | null>(null);
  const [embedError, setEmbedError] = useState<string | null>(null);
  const s = briefingStrings(lang);
  // The button lives in the title bar (a floating button lay over the panels and their controls).
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  useLayoutEffect(() => setSlot(document.getElementById(BRIEFING_SLOT_ID)), []);

  const latest = useRef(props);
  /** How far the map is panned for the phone's builder sheet (0 when it is not). */
  const sheetShift = useRef(0);
  latest.current = props;

  const setBriefingId = useCallback((id: string | null) => {
    setBriefingIdState(id);
    if (!isEmbed()) setUrlParam('briefing', id);
  }, []);

  /** Applies what a view carries except the camera and the basemap (present mode stays offline). */
  const applyState = useCallback((state: ViewState) => {
    const { controls: c, setLang: sl, select: sel, explorer: ex, layers: ls } = latest.current;
    const known = new Set((ls ?? []).map((l) => l.id));
    for (const l of state.layers) {
      if (!known.has(l.id)) continue;
      c.setVisible(l.id, l.visible);
      c.setOpacity(l.id, l.opacity);
    }
    sl(state.lang);
    sel(state.selected);
    const f = state.filters;
    const str = (v: unknown) => (typeof v === 'string' ? v : null);
    ex.setFilters({ chain: str(f.chain), group: str(f.group), q: str(f.q) ?? '', available: f.available === true });
  }, []);

  const capture = useCallback(
    (highlightSelected: boolean): ViewState | null => {
      const { atlas: a, layers: ls, controls: c, lang: lg, selectedId: sel, explorer: ex, basemaps: bm } = latest.current;
      if (!a.map || !ls) return null;
      return captureViewState({ map: a.map, layers: ls, controls: c.controls, lang: lg, selectedId: sel, highlighted: highlightSelected && sel ? [sel] : [], filters: ex.filters, basemaps: bm, sheetShift: sheetShift.current });
    },
    [],
  );

  const showView = useCallback(
    (view: SavedView) => {
      applyState(view.state);
      const cam = view.state.camera;
      atlas.map?.flyTo({ center: cam.center, zoom: cam.zoom, bearing: cam.bearing, pitch: cam.pitch, essential: false });
    },
    [applyState, atlas.map],
  );

  const present = useCallback((b: Briefing, start = 0) => {
    void loadPresenter().then(({ slidesOf }) => {
      setOpen(false);
      setShow({ slides: slidesOf(b), start });
    });
  }, []);

  const onExportPng = useCallback(
    async (scale: 1 | 2 | 4, title: string) => {
      const { atlas: a, layers: ls, controls: c, lang: lg } = latest.current;
      if (!a.map || !ls) return;
      const { exportPng } = await loadPngExport();
      const blob = await exportPng(a.map, scale, { title, lang: lg, layers: ls, controls: c.controls });
      download(blob, `atlas-${scale}x.png`);
    },
    [],
  );

  const { ready, map } = atlas;
  // On a phone the builder is a bottom sheet over the lower half of the map: while it is open the map
  // shows what was in the middle of the screen above the sheet, and goes back when it closes.
  const builderOpen = open && !show;
  useEffect(() => {
    if (!builderOpen || !map || !isPhone()) return;
    const shift = Math.round(window.innerHeight * 0.275);
    const duration = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 0 : 300;
    map.panBy([0, shift], { duration });
    sheetShift.current = shift;
    return () => {
      sheetShift.current = 0;
      map.panBy([0, -shift], { duration: 0 });
    };
  }, [builderOpen, map]);

  // A link with ?present=1 or the /embed route: fetch what to show and start once the map is built.
  useEffect(() => {
    if (!ready || !map) return;
    if (!embed && !initial.present) return;
    let cancelled = false;
    (async () => {
      if (initial.briefing) {
        const [b, { slidesOf }] = await Promise.all([fetchBriefing(initial.briefing), loadPresenter()]);
        if (!cancelled) setShow({ slides: slidesOf(b), start: 0 });
      } else if (embed && initial.view) {
        const v = await fetchView(initial.view);
        if (!cancelled) setShow({ slides: [{ kind: 'step', heading: v.title, text: v.note, view: v }], start: 0 });
      } else if (embed) {
        setEmbedError('/embed?briefing=<id> | /embed?view=<id>');
      }
    })().catch((err: unknown) => !cancelled && setEmbedError(err instanceof ApiError ? err.message : String(err)));
    return () => {
      cancelled = true;
    };
  }, [ready, map, embed, initial]);

  // The presenter runs over the app's map; the chrome is hidden by a class on <body>.
  useEffect(() => {
    if (!show || !map || !ready) return;
    let cancelled = false;
    let stop: (() => void) | null = null;
    void loadPresenter().then(({ startPresenter, presenterFeatures }) => {
      if (cancelled) return;
      const host: PresenterHost = {
        map,
        applyState,
        features: (ids, lg) => presenterFeatures(ids, lg, (id) => latest.current.index.get(id)?.feature),
        onExit: () => setShow(null),
      };
      // Leaving the presentation puts the screen back as it was before it.
      const before = embed ? null : capture(false);
      document.body.classList.add('atlas-presenting');
      const w = briefingStrings(latest.current.lang);
      const labels = { region: w.presentRegion, prev: w.presentPrev, next: w.presentNext, fullscreen: w.presentFullscreen, exit: w.presentExit };
      const p = startPresenter(document.body, show.slides, host, { start: show.start, fullscreen: !embed, exitable: !embed, labels });
      stop = () => {
        p.destroy();
        document.body.classList.remove('atlas-presenting');
        if (before) {
          applyState(before);
          map.jumpTo({ center: before.camera.center, zoom: before.camera.zoom, bearing: before.camera.bearing, pitch: before.camera.pitch });
        }
      };
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [show, map, ready, applyState, capture, embed]);

  useEffect(() => {
    if (embed) document.body.classList.add('atlas-embed');
  }, [embed]);

  if (embed) {
    return embedError ? (
      <p className="embed-error" role="alert">
        {embedError}
      </p>
    ) : null;
  }
  return (
    <>
      {!show && slot && createPortal(
        <button type="button" className="bar-button briefing-launch" aria-expanded={open} onClick={() => setOpen((v) => !v)} title={s.open} data-testid="briefing-launch">
          <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
            <path d="M1.5 2.5 H14.5 M2.5 2.5 V10.5 H13.5 V2.5 M8 10.5 V13 M5.5 14.5 L8 13 L10.5 14.5 M5 8 L7 6 L9 7.5 L11 5" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <span className="bar-button-label">{s.open}</span>
        </button>,
        slot,
      )}
      {open && !show && (
        <BriefingPanel
          briefingId={briefingId}
          onBriefingId={setBriefingId}
          onClose={() => setOpen(false)}
          capture={capture}
          onShowView={showView}
          onPresent={(b) => present(b)}
          onExportPng={onExportPng}
        />
      )}
    </>
  );
}
