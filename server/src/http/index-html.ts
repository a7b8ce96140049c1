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

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
