import * as maplibregl from 'maplibre-gl';
import type { Briefing, SavedView, ViewState } from '@contract/api';
import './present.css';

/*
 * The presenter, without React: the app's present mode, the /embed route and the portable HTML file
 * all run this one module over a MapLibre map. It owns the overlay (title slide, caption, counter,
 * buttons), the keys, the camera flights and the highlight of the features a step names; the host
 * applies everything else a view carries (layers, opacity, language, selection).
 */

/** A feature a step names, as the host knows it: geometry (WGS84) and a label point. */
export interface PresenterFeature {
  id: string;
  name: string;
  geometry: GeoJSON.Geometry;
  label: [number, number];
}

/** What the presenter needs from the page it runs in. */
export interface PresenterHost {
  map: maplibregl.Map;
  /** Applies a step's layers, opacities, language and selection (never the camera). */
  applyState: (state: ViewState) => void;
  /** The features among `ids` the host has, named in `lang`. */
  features: (ids: string[], lang: 'zh' | 'en') => PresenterFeature[];
  /** Called once when the presenter is left (Esc, the close button, or leaving full screen). */
  onExit?: () => void;
}

/** Options of a presenter run. */
export interface PresenterOptions {
  /** 0 is the title slide; 1..n the steps. */
  start?: number;
  /** Ask for full screen (it needs a user gesture; a refusal is ignored). */
  fullscreen?: boolean;
  /** Hide the leave button (the /embed route and the portable file have nowhere to go back to). */
  exitable?: boolean;
  /** Show a full-screen button (the portable file: opening a file gives no gesture to ask with). */
  fullscreenButton?: boolean;
  /** Called after each change of slide with its index. */
  onSlide?: (index: number) => void;
  /** The overlay's and buttons' accessible names in the page's language (default: both languages, for the portable file). */
  labels?: PresenterLabels;
}

/** Accessible names of the overlay and its buttons. */
export interface PresenterLabels {
  region: string;
  prev: string;
  next: string;
  fullscreen: string;
  exit: string;
}

const BILINGUAL_LABELS: PresenterLabels = { region: '汇报 Briefing', prev: '上一页 Previous', next: '下一页 Next', fullscreen: '全屏 Full screen', exit: '退出汇报 Leave (Esc)' };

/** One slide: the title slide (no view of its own: it shows the first step's map) or a step. */
export interface Slide {
  kind: 'title' | 'step';
  heading: string;
  text: string;
  view: SavedView | null;
}

/** The running presenter. */
export interface Presenter {
  readonly index: number;
  readonly count: number;
  go: (index: number) => void;
  next: () => void;
  prev: () => void;
  destroy: () => void;
}

/** The slides of a briefing: a title slide, then one per step (a step whose view was deleted keeps its caption). */
export function slidesOf(b: Briefing): Slide[] {
  const views = new Map((b.views ?? []).map((v) => [v.id, v]));
  const first = b.steps.map((s) => views.get(s.view_id)).find(Boolean) ?? null;
  return [
    { kind: 'title', heading: b.title, text: b.subtitle, view: first },
    ...b.steps.map((s): Slide => {
      const view = views.get(s.view_id) ?? null;
      return { kind: 'step', heading: view?.title ?? '', text: s.caption || view?.note || '', view };
    }),
  ];
}

/** The keys a presenter (or a clicker, which sends them) uses, mapped to a move. */
export function keyAction(key: string, shift = false): 'next' | 'prev' | 'first' | 'last' | 'exit' | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case 'Enter':
      return 'next';
    case ' ':
    case 'Spacebar':
      return shift ? 'prev' : 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'Backspace':
      return 'prev';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
      return 'exit';
    default:
      return null;
  }
}

function reducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

const SOURCE = 'present:highlight';
const LAYERS = ['present:glow', 'present:outline', 'present:point'] as const;
/** A strong orange that reads on the pale basemap and on a washed-out projector. */
const HIGHLIGHT = '#ff6a00';
const PULSE_PERIOD_MS = 1400;
const PULSES = 3;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Starts presenting `slides` over `host.map` inside `root` (the overlay is appended to it). */
export function startPresenter(root: HTMLElement, slides: Slide[], host: PresenterHost, opts: PresenterOptions = {}): Presenter {
  const { map } = host;
  const labels = opts.labels ?? BILINGUAL_LABELS;
  const overlay = el('div', 'present-overlay');
  overlay.setAttribute('role', 'region');
  overlay.setAttribute('aria-roledescription', 'slides');
  overlay.setAttribute('aria-label', labels.region);
  overlay.dataset.testid = 'present';

  const titleCard = el('div', 'present-title-card');
  const titleH = el('h1', 'present-title');
  const titleSub = el('p', 'present-subtitle');
  titleCard.append(titleH, titleSub);

  const caption = el('div', 'present-caption');
  caption.setAttribute('aria-live', 'polite');
  const captionH = el('h2', 'present-caption-title');
  const captionP = el('p', 'present-caption-text');
  caption.append(captionH, captionP);

  const counter = el('div', 'present-counter');
  counter.setAttribute('aria-live', 'off');

  const bar = el('div', 'present-bar');
  const prevBtn = el('button', 'present-btn', '‹');
  prevBtn.type = 'button';
  prevBtn.setAttribute('aria-label', labels.prev);
  const nextBtn = el('button', 'present-btn', '›');
  nextBtn.type = 'button';
  nextBtn.setAttribute('aria-label', labels.next);
  bar.append(prevBtn, counter, nextBtn);
  if (opts.fullscreenButton && document.fullscreenEnabled) {
    const fsBtn = el('button', 'present-btn present-fullscreen');
    fsBtn.type = 'button';
    // Drawn, not a character: the portable file carries only the font files its text needs.
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '26');
    svg.setAttribute('height', '26');
    svg.setAttribute('aria-hidden', 'true');
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', 'M3 9V3h6M15 3h6v6M21 15v6h-6M9 21H3v-6');
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', 'currentColor');
    path.setAttribute('stroke-width', '2.2');
    svg.append(path);
    fsBtn.append(svg);
    fsBtn.setAttribute('aria-label', labels.fullscreen);
    fsBtn.addEventListener('click', () => {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
      else void document.documentElement.requestFullscreen().catch(() => {});
    });
    bar.append(fsBtn);
  }
  if (opts.exitable !== false) {
    const exitBtn = el('button', 'present-btn present-exit', '×');
    exitBtn.type = 'button';
    exitBtn.setAttribute('aria-label', labels.exit);
    exitBtn.addEventListener('click', () => exit());
    bar.append(exitBtn);
  }
  overlay.append(titleCard, caption, bar);
  root.append(overlay);

  let index = -1;
  let destroyed = false;
  let markers: maplibregl.Marker[] = [];
  let raf = 0;
  let enteredFullscreen = false;

  const ensureLayers = () => {
    if (!map.getSource(SOURCE)) map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    const add = (spec: maplibregl.AddLayerObject) => {
      if (!map.getLayer(spec.id)) map.addLayer(spec);
    };
    const notPoint: maplibregl.FilterSpecification = ['!=', ['geometry-type'], 'Point'];
    add({ id: LAYERS[0], type: 'line', source: SOURCE, filter: notPoint, paint: { 'line-color': HIGHLIGHT, 'line-width': 12, 'line-opacity': 0.35, 'line-blur': 4 } });
    add({ id: LAYERS[1], type: 'line', source: SOURCE, filter: notPoint, paint: { 'line-color': HIGHLIGHT, 'line-width': 3.5 } });
    add({ id: LAYERS[2], type: 'circle', source: SOURCE, filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 14, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': HIGHLIGHT, 'circle-stroke-width': 4 } });
  };

  const pulse = () => {
    if (reducedMotion()) return;
    const t0 = performance.now();
    const frame = (now: number) => {
      if (destroyed || !map.getLayer(LAYERS[0])) return;
      // Three pulses on arrival draw the eye, then the outline rests (and the map can go idle).
      const done = now - t0 >= PULSE_PERIOD_MS * PULSES;
      const phase = done ? 0.5 : (1 - Math.cos(((now - t0) / PULSE_PERIOD_MS) * Math.PI * 2)) / 2;
      map.setPaintProperty(LAYERS[0], 'line-width', 8 + 10 * phase);
      map.setPaintProperty(LAYERS[0], 'line-opacity', 0.2 + 0.35 * phase);
      map.setPaintProperty(LAYERS[2], 'circle-radius', 11 + 7 * phase);
      if (!done) raf = requestAnimationFrame(frame);
    };
    raf = requestAnimationFrame(frame);
  };

  const highlight = (state: ViewState | null) => {
    for (const m of markers) m.remove();
    markers = [];
    cancelAnimationFrame(raf);
    const ids = state ? [...new Set([...state.highlighted, ...(state.selected ? [state.selected] : [])])] : [];
    const found = ids.length ? host.features(ids, state!.lang) : [];
    try {
      ensureLayers();
      (map.getSource(SOURCE) as maplibregl.GeoJSONSource).setData({
        type: 'FeatureCollection',
        features: found.map((f) => ({ type: 'Feature', id: f.id, properties: {}, geometry: f.geometry })),
      });
    } catch (err) {
      console.warn('Highlight not drawn', err);
    }
    for (const f of found) {
      const label = el('div', 'present-label', f.name);
      markers.push(new maplibregl.Marker({ element: label, anchor: 'bottom', offset: [0, -14] }).setLngLat(f.label).addTo(map));
    }
    if (found.length) pulse();
  };

  const render = () => {
    const slide = slides[index];
    const isTitle = slide.kind === 'title';
    overlay.dataset.slide = String(index);
    overlay.classList.toggle('is-title', isTitle);
    titleCard.hidden = !isTitle;
    titleH.textContent = isTitle ? slide.heading : '';
    titleSub.textContent = isTitle ? slide.text : '';
    titleSub.hidden = !slide.text;
    caption.hidden = isTitle || (!slide.heading && !slide.text);
    captionH.textContent = isTitle ? '' : slide.heading;
    captionP.textContent = isTitle ? '' : slide.text;
    captionP.hidden = !slide.text;
    // The author's words, as written: Chinese ones marked as such on an English page.
    for (const e of [titleH, titleSub, captionH, captionP]) {
      if (/[\u3400-\u9fff]/.test(e.textContent ?? '')) e.lang = 'zh-CN';
      else e.removeAttribute('lang');
    }
    const steps = slides.length - 1;
    counter.textContent = isTitle ? `0 / ${steps}` : `${index} / ${steps}`;
    counter.setAttribute('aria-label', `${index} / ${steps}`);
    prevBtn.disabled = index === 0;
    nextBtn.disabled = index === slides.length - 1;
  };

  const go = (i: number) => {
    const n = Math.max(0, Math.min(slides.length - 1, i));
    if (n === index || destroyed) return;
    const first = index === -1;
    index = n;
    const slide = slides[n];
    render();
    const state = slide.view?.state ?? null;
    if (state) {
      host.applyState(state);
      const cam = state.camera;
      const target = { center: cam.center, zoom: cam.zoom, bearing: cam.bearing, pitch: cam.pitch };
      map.stop();
      if (first || reducedMotion()) map.jumpTo(target);
      else map.flyTo({ ...target, duration: 2200, curve: 1.3, essential: false });
    }
    highlight(slide.kind === 'step' ? state : null);
    opts.onSlide?.(n);
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement | null;
    // Space and Enter on the presenter's own buttons press them; don't also move.
    if ((e.key === ' ' || e.key === 'Enter') && target?.tagName === 'BUTTON' && overlay.contains(target)) return;
    const action = keyAction(e.key, e.shiftKey);
    if (!action) return;
    e.preventDefault();
    e.stopPropagation();
    if (action === 'next') go(index + 1);
    else if (action === 'prev') go(index - 1);
    else if (action === 'first') go(0);
    else if (action === 'last') go(slides.length - 1);
    else if (opts.exitable !== false) exit();
  };

  const onFullscreen = () => {
    // The browser's own Esc leaves full screen without a key event: leave the presentation with it.
    if (enteredFullscreen && !document.fullscreenElement) exit();
  };

  function exit() {
    if (destroyed) return;
    destroy();
    host.onExit?.();
  }

  function destroy() {
    if (destroyed) return;
    destroyed = true;
    cancelAnimationFrame(raf);
    window.removeEventListener('keydown', onKey, true);
    document.removeEventListener('fullscreenchange', onFullscreen);
    for (const m of markers) m.remove();
    markers = [];
    try {
      for (const id of LAYERS) if (map.getLayer(id)) map.removeLayer(id);
      if (map.getSource(SOURCE)) map.removeSource(SOURCE);
    } catch {
      // The map is already gone.
    }
    overlay.remove();
    if (enteredFullscreen && document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  }

  prevBtn.addEventListener('click', () => go(index - 1));
  nextBtn.addEventListener('click', () => go(index + 1));
  window.addEventListener('keydown', onKey, true);
  document.addEventListener('fullscreenchange', onFullscreen);
  if (opts.fullscreen && document.fullscreenEnabled && !document.fullscreenElement) {
    document.documentElement
      .requestFullscreen()
      .then(() => {
        enteredFullscreen = true;
      })
      .catch(() => {
        // Refused (no user gesture, an iframe without allowfullscreen): present in the window.
      });
  }
  go(opts.start ?? 0);

  return {
    get index() {
      return index;
    },
    get count() {
      return slides.length;
    },
    go,
    next: () => go(index + 1),
    prev: () => go(index - 1),
    destroy,
  };
}
