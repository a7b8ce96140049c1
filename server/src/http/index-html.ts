import { isId } from './params.js';

/**
 * index.html with a `<link rel="preload" as="fetch">` for each path the page fetches at once, before
 * `</head>`; paths the file already hints are left as they are.
 * Every page of the client requests the catalogue and each layer's GeoJSON as its first work
 * (client/src/main.tsx), but only after its JavaScript has loaded and run; hinted in the HTML, the browser
 * starts them while it downloads the scripts, so the data (and the label fonts the map waits for) are
 * in when the map is built. A preload matches the page's own `fetch()` of the same URL (same origin, no
 * credentials mode change), so nothing is fetched twice.
 */
export function withPreloads(html: string, paths: string[]): string {
  const links = paths
    .filter((p) => !html.includes(`href="${p}"`))
    .map((p) => `    <link rel="preload" href="${escapeAttr(p)}" as="fetch" crossorigin="anonymous" />\n`)
    .join('');
  const at = html.indexOf('</head>');
  return at < 0 || !links ? html : `${html.slice(0, at)}${links}${html.slice(at)}`;
}

/**
 * What a page should have hinted, from the catalogue (in its order) and the page's `?sel=`:
 * - no selection: every layer's GeoJSON, which the map fetches at once;
 * - a shared link to a feature (`?sel=park-biomed`): the feature's detail and the parks theme's layers only,
 *   what the profile shows first (main.tsx asks for those before the rest). Hinting all 15 layers there
 *   took the browser's six connections to the server before the profile's own requests were made: in the
 *   bench the profile then showed in ~2.6 s instead of ~1.4 s, one load in two.
 */
export function preloadPaths(layers: Array<{ id: string; theme: string }>, sel: unknown): string[] {
  const layer = (id: string) => `/api/layers/${encodeURIComponent(id)}`;
  if (!isId(sel)) return layers.map((l) => layer(l.id));
  return [`/api/features/${sel}`, ...layers.filter((l) => l.theme === 'parks').map((l) => layer(l.id))];
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
