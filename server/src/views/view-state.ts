import { badRequest } from '../http/problem.js';
import { isId } from '../http/params.js';

/** What a saved view captures: enough to put the screen back exactly. Coordinates are WGS84 [lng, lat]. */
export interface ViewState {
  camera: { center: [number, number]; zoom: number; bearing: number; pitch: number };
  layers: Array<{ id: string; visible: boolean; opacity: number }>;
  selected: string | null;
  highlighted: string[];
  filters: Record<string, string | number | boolean | string[]>;
  lang: 'zh' | 'en';
  basemap: string;
}

const num = (v: unknown, min: number, max: number, what: string) => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw badRequest(`${what} must be a number from ${min} to ${max}.`);
  return v;
};

/** Validates a view state from a request body; throws 400 naming the first bad field. */
export function parseViewState(s: unknown): ViewState {
  if (!s || typeof s !== 'object' || Array.isArray(s)) throw badRequest('state must be an object.');
  const o = s as Record<string, unknown>;
  const c = o.camera as Record<string, unknown> | undefined;
  if (!c || typeof c !== 'object') throw badRequest('state.camera is required.');
  if (!Array.isArray(c.center) || c.center.length !== 2) throw badRequest('state.camera.center must be [lng, lat].');
  const camera = {
    center: [num(c.center[0], -180, 180, 'camera.center[0] (lng)'), num(c.center[1], -85.06, 85.06, 'camera.center[1] (lat)')] as [number, number],
    zoom: num(c.zoom, 0, 24, 'camera.zoom'),
    bearing: num(c.bearing ?? 0, -360, 360, 'camera.bearing'),
    pitch: num(c.pitch ?? 0, 0, 85, 'camera.pitch'),
  };
  const layersIn = o.layers ?? [];
  if (!Array.isArray(layersIn) || layersIn.length > 100) throw badRequest('state.layers must be an array (≤ 100).');
  const layers = layersIn.map((l, i) => {
    const x = l as Record<string, unknown>;
    if (typeof x?.id !== 'string' || !isId(x.id)) throw badRequest(`state.layers[${i}].id is not a layer id.`);
    if (typeof x.visible !== 'boolean') throw badRequest(`state.layers[${i}].visible must be true or false.`);
    return { id: x.id, visible: x.visible, opacity: num(x.opacity ?? 1, 0, 1, `state.layers[${i}].opacity`) };
  });
  const selected = o.selected ?? null;
  if (selected !== null && (typeof selected !== 'string' || !isId(selected))) throw badRequest('state.selected must be a feature id or null.');
  const highlighted = o.highlighted ?? [];
  if (!Array.isArray(highlighted) || highlighted.length > 50 || !highlighted.every((h) => typeof h === 'string' && isId(h))) throw badRequest('state.highlighted must be feature ids (≤ 50).');
  const filters = o.filters ?? {};
  if (typeof filters !== 'object' || Array.isArray(filters) || JSON.stringify(filters).length > 4000) throw badRequest('state.filters must be a small object.');
  const lang = o.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') throw badRequest('state.lang must be "zh" or "en".');
  const basemap = o.basemap ?? 'offline';
  if (typeof basemap !== 'string' || !/^[a-z0-9-]{1,40}$/.test(basemap)) throw badRequest('state.basemap must be a basemap id.');
  const extra = Object.keys(o).filter((k) => !['camera', 'layers', 'selected', 'highlighted', 'filters', 'lang', 'basemap'].includes(k));
  if (extra.length) throw badRequest(`Unknown state field(s): ${extra.join(', ')}.`);
  return { camera, layers, selected: selected as string | null, highlighted: highlighted as string[], filters: filters as ViewState['filters'], lang, basemap };
}
