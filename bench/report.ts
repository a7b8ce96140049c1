/** Renders bench/report.json as bench/report.md, with the issue's targets checked against the numbers. */
/* eslint-disable @typescript-eslint/no-explicit-any -- the report is plain JSON written by run.ts */
import { HEADLINE_TARGETS } from './readme-figures.js';

const f = (x: unknown) => (x === undefined || x === null || Number.isNaN(x) ? '—' : String(x));
const round1 = (x: number) => Math.round(x * 10) / 10;
const pair = (m: any) => (m ? `${f(m.p50_ms)} / ${f(m.p99_ms)}` : '—');

/** "met" or "missed by …" against a ≤ target. */
function verdict(value: number | null | undefined, target: number, unit: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return 'not measured';
  if (value <= target) return `**met** (${value} ${unit} ≤ ${target} ${unit})`;
  return `**missed** by ${Math.round((value / target - 1) * 100)} % (${value} ${unit} against ≤ ${target} ${unit})`;
}

export function renderReport(r: any): string {
  const out: string[] = [];
  out.push(`# Benchmark report

Generated ${r.generated_at} on ${r.machine.cpus} cores (1-minute load average at the end: ${r.machine.load_avg_1m}; the machine is
shared with other work, so absolute times are noisy — ratios measured side by side in the same run are what to compare),
Node ${r.machine.node}, by \`npm run bench\` in ${r.duration_s} s. Settings: parcel counts ${r.settings.sizes.join(', ')}
(PGlite up to ${r.settings.pglite_max}), ${r.settings.requests_per_measurement} sequential requests per measurement after warm-ups,
load = autocannon with ${r.settings.load_connections} connections for ${r.settings.load_seconds} s.

The parcels are **synthetic** (bench/parcels.ts): deterministic quadrilaterals inside the district outline, layer
\`synthetic-parcels\`, accuracy \`schematic\`, property \`synthetic: true\`, loaded only into the benchmark's own database.
`);
  // The headline figures (bench/headline.ts), each against its target.
  const h = (k: string) => r[k] ?? null;
  const why = (k: string) => (r.headline_notes?.[k] ? ` — ${r.headline_notes[k]}` : '');
  out.push(`## Headline (report.json top-level keys)

| key | target | this run |
| --- | --- | --- |
${HEADLINE_TARGETS.map((t) => `| \`${t.key}\` | ≤ ${t.limit}${t.unit === '×' ? '×' : ` ${t.unit}`}${t.target ? ` ${t.target}` : ''} | ${verdict(h(t.key), t.limit, t.unit)}${t.key === 'test_wall_s' && r.tests ? ` (${r.tests.note})` : ''}${why(t.key)} |`).join('\n')}
`);
  const pg = r.engines.find((e: any) => e.engine === 'postgres');
  const lite = r.engines.find((e: any) => e.engine === 'pglite');

  // Targets.
  const pgSize = (n: number) => pg?.sizes.find((s: any) => s.parcels === n && !s.skipped);
  const at100k = pgSize(100000);
  const z = (s: any, zoom: number) => s?.tiles.find((t: any) => t.z === zoom);
  const ZOOMS = [10, 13, 14, 16];
  const drawn = (s: any, zoom: number) => z(s, zoom) && !z(s, zoom).below_minzoom;
  const warm100k = at100k ? Math.max(...ZOOMS.filter((zz) => z(at100k, zz)).map((zz) => z(at100k, zz)?.warm.p50_ms ?? NaN)) : null;
  const cold100k = at100k ? Math.max(...ZOOMS.filter((zz) => z(at100k, zz)).map((zz) => z(at100k, zz)?.cold.p50_ms ?? NaN)) : null;
  const small = pg?.sizes.find((s: any) => !s.skipped);
  const large = [...(pg?.sizes ?? [])].reverse().find((s: any) => !s.skipped);
  const growth = small && large && small !== large ? ZOOMS.filter((zz) => z(small, zz) && z(large, zz)).map((zz) => ({ z: zz, ratio: Math.round((z(large, zz).cold.p50_ms / z(small, zz).cold.p50_ms) * 10) / 10 })) : [];
  const overheads = (pg?.endpoints ?? []).filter((e: any) => e.api_over_raw !== undefined);
  const worstOverhead = overheads.length ? Math.max(...overheads.map((e: any) => e.api_over_raw)) : null;
  const tileOverhead = at100k ? Math.max(...at100k.tiles.filter((t: any) => drawn(at100k, t.z)).map((t: any) => t.cold_api_over_raw)) : null;
  const minzoomNote = pg?.sizes.some((s: any) => s.tiles?.some((t: any) => t.below_minzoom))
    ? ' (zooms below the parcel layer\'s minzoom count with their empty tiles)'
    : '';
  const itemsOverhead = at100k?.items_bbox.api_over_raw;
  out.push(`## Targets (PostgreSQL/PostGIS server)

| target | result |
| --- | --- |
| warm tile p50 ≤ 10 ms at 100k parcels (worst of ${ZOOMS.filter((zz) => z(at100k, zz)).map((zz) => `z${zz}`).join('/')})${minzoomNote} | ${verdict(warm100k, 10, 'ms')} |
| cold tile p50 ≤ 60 ms at 100k parcels (worst of ${ZOOMS.filter((zz) => z(at100k, zz)).map((zz) => `z${zz}`).join('/')})${minzoomNote} | ${verdict(cold100k, 60, 'ms')} |
| cold tile latency grows ≤ 3× from ${f(small?.parcels)} to ${f(large?.parcels)} parcels | ${growth.map((g) => `z${g.z}: ${g.ratio}× ${g.ratio <= 3 ? '(met)' : '(**missed**)'}`).join('; ') || 'not measured'} |
| API ≤ 1.2× the raw query: zone layers (worst) | ${verdict(worstOverhead, 1.2, '×')} |
| API ≤ 1.2× the raw query: cold tile at 100k (worst zoom) | ${verdict(tileOverhead, 1.2, '×')} |
| API ≤ 1.2× the raw query: OGC items bbox at 100k | ${verdict(itemsOverhead, 1.2, '×')} |

${r.startup ? `Start-up (\`npm start\` against its floor, ms): fresh clone ${r.startup.fresh_ms} (floor: loading the seeded dump with PostGIS ${r.startup.load_dump_pglite_postgis_ms ?? '–'}; an empty directory with CREATE EXTENSION postgis ${r.startup.bare_pglite_postgis_ms}), fresh data directory with the client built ${r.startup.fresh_built_client_ms ?? '–'}, later ${r.startup.later_ms} (floor: reopening with PostGIS ${r.startup.reopen_pglite_postgis_ms}, without ${r.startup.reopen_pglite_ms}). ${r.startup.note}; later samples ${r.startup.later_samples_ms.join(', ')} ms.` : ''}
`);

  out.push(whyMissed(r, { at100k, small, large, warm100k, cold100k, tileOverhead, itemsOverhead, drawn, z, ZOOMS }));

  // Zone endpoints.
  out.push(`## The zone's own endpoints (before any parcels)

| endpoint | bytes | PGlite p50 / p99 ms | PostGIS p50 / p99 ms | PGlite API/raw | PostGIS API/raw |
| --- | ---: | ---: | ---: | ---: | ---: |
${(lite?.endpoints ?? []).map((a: any, i: number) => {
  const b = pg?.endpoints[i] ?? {};
  return `| \`${a.path}\` | ${a.bytes} | ${pair(a)} | ${pair(b)} | ${f(a.api_over_raw)} | ${f(b.api_over_raw)} |`;
}).join('\n')}

"API/raw" divides the API's p50 by the p50 of the same SQL run directly on the database; below 1 means the API served
a body cached under the layer's data version. Fresh database (migrate + seed): PGlite ${f(lite?.setup_ms)} ms, PostgreSQL ${f(pg?.setup_ms)} ms.

GeoJSON built by PostGIS (\`json_agg\` of \`atlas_feature_json\`, what the API does) against assembling it in JS from rows
(p50 ms). The JS side is **not the same document**: it carries each row's geometry and stored properties but not the
area/length on the geography and the sources (citations) that \`atlas_feature_json\` computes per feature, so most of the
gap is that work, not \`json_agg\`; the API keeps the SQL builder because those figures must come from PostGIS.

| layer | PGlite SQL | PGlite JS | PostGIS SQL | PostGIS JS |
| --- | ---: | ---: | ---: | ---: |
${(lite?.geojson_build ?? []).map((a: any, i: number) => {
  const b = pg?.geojson_build[i] ?? {};
  return `| ${a.layer} | ${a.sql_p50_ms} | ${a.js_p50_ms} | ${f(b.sql_p50_ms)} | ${f(b.js_p50_ms)} |`;
}).join('\n')}
`);

  // Per size.
  for (const e of [pg, lite].filter(Boolean)) {
    out.push(`## Parcels on ${e.engine === 'postgres' ? 'PostgreSQL/PostGIS (tiles by ST_AsMVT)' : 'PGlite (tiles by geojson-vt + vt-pbf in JS)'}
`);
    out.push(`Tiles: p50 / p99 ms. Cold = first request after the layer's version moved (the in-process tile cache is empty; the
database's own buffers are warm). Raw = the tile's SQL run directly (${e.engine === 'postgres' ? 'ST_AsMVT, the whole work' : 'the feature query only; JS encoding is extra'}).
Warm = cached tile, with the per-request version lookup; versioned = the immutable \`?v=\` URL from TileJSON, served from memory
without a query. Encoders = the tile built in-process with no cache by each encoder on the same database.

| parcels | load ms | z | features (centre tile) | max bytes | cold | raw | cold/raw | warm | warm versioned | ST_AsMVT p50 | JS p50 |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${e.sizes.map((s: any) => (s.skipped ? `| ${s.parcels} | — | — | ${s.skipped} | | | | | | | | |` : s.tiles.map((t: any) => `| ${s.parcels} | ${s.load_ms} | ${t.z} | ${t.features_in_centre_tile} | ${t.max_bytes} | ${pair(t.cold)} | ${pair(t.raw_query)} | ${t.below_minzoom ? 'below minzoom: empty, no query' : t.cold_api_over_raw} | ${pair(t.warm)} | ${pair(t.warm_versioned_url)} | ${f(t.encoders.sql_p50_ms)} | ${f(t.encoders.js_p50_ms)} |`).join('\n'))).join('\n')}

Other reads (p50 / p99 ms; API and the same SQL run directly; match is several queries, compared with calling its service
in-process; the last column is the whole parcel layer as GeoJSON, SQL against JS as in the zone table, with the same caveat):

| parcels | items bbox+limit API | raw | ratio | parks layer API | raw | search \`生物医药\` API | raw | ratio | search \`医药\` (2 chars) API | raw | match API | direct | ratio | parcels GeoJSON SQL / JS p50 |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${e.sizes.filter((s: any) => !s.skipped).map((s: any) => `| ${s.parcels} | ${pair(s.items_bbox.api)} | ${pair(s.items_bbox.raw_query)} | ${s.items_bbox.api_over_raw} | ${pair(s.zone_layer_parks.api)} | ${pair(s.zone_layer_parks.raw_query)} | ${pair(s.search.api)} | ${pair(s.search.raw_query)} | ${s.search.api_over_raw} | ${pair(s.search_short?.api)} | ${pair(s.search_short?.raw_query)} | ${pair(s.match.api)} | ${pair(s.match.service_direct)} | ${s.match.api_over_direct} | ${s.parcels_geojson_build ? `${s.parcels_geojson_build.sql.p50_ms} / ${s.parcels_geojson_build.js.p50_ms}` : '—'} |`).join('\n')}

Under load (autocannon, 50 connections): requests/s, p50 / p99 ms, errors, peak RSS of the process serving (MB; it also holds ${e.engine === 'pglite' ? 'the embedded database' : 'the pool, not PostgreSQL'}):

| parcels | centre tile (z14, the parcels' minzoom; z13 in older runs) | the same, versioned | items bbox | parks layer |
| ---: | --- | --- | --- | --- |
${e.sizes.filter((s: any) => !s.skipped).map((s: any) => `| ${s.parcels} | ${['tile_zmin', 'tile_zmin_versioned', 'items_bbox', 'layer_parks'].map((k) => { const l = s.load[k] ?? s.load[k.replace('zmin', 'z13')]; return `${l.rps}/s, ${l.p50_ms} / ${l.p99_ms}, ${l.errors} err, ${l.peak_rss_mb} MB`; }).join(' | ')} |`).join('\n')}
`);
  }

  const parcelsIdle = at100k?.map_idle_parcels;
  out.push(`## Client

- Time to map idle in headless Chromium, default view: ${f(r.map_idle?.ms)} ms (${f(r.map_idle?.note)}); all layers added after ${f(r.map_idle?.layers_ready_ms)} ms.
- Side by side in the same browser, same viewport and camera: MapLibre alone on a blank page to its first idle ${f(r.map_idle?.bare_maplibre_ms)} ms;
  MapLibre drawing the GeoJSON of every layer the app shows at first (basemap included), from the same API, as plain fills/lines/circles without labels ${f(r.map_idle?.bare_maplibre_geojson_ms)} ms${r.map_idle?.bare_maplibre_geojson_ms ? ` — the app takes ${f(round1(r.map_idle.ms / r.map_idle.bare_maplibre_geojson_ms))}× that` : ''} (app and bare pages interleaved round by round).
- The app with every label off: ${f(r.map_idle?.no_labels_ms)} ms; the app with an empty catalogue (its shell: code, panels, UI fonts, an empty map): ${f(r.map_idle?.empty_catalogue_ms)} ms.
- With the 100k-parcel vector-tile layer (PostgreSQL server): page idle ${f(parcelsIdle?.ms)} ms, then the parcel layer at z${f(parcelsIdle?.parcels_zoom ?? 13)} idle after ${f(parcelsIdle?.parcels_layer_idle_ms)} ms (${f(parcelsIdle?.note)}).
- Initial bundle: ${r.initial_bundle ? `${r.initial_bundle.js_gzip_kb} KB JS (the app's ${f(r.initial_bundle.app_js_gzip_kb)} KB + MapLibre's ${f(r.initial_bundle.maplibre_js_gzip_kb)} KB; its worker ${f(r.initial_bundle.maplibre_worker_gzip_kb)} KB apart) + ${r.initial_bundle.css_gzip_kb} KB CSS (gzip), files ${r.initial_bundle.files.join(', ')}` : 'client not built'}.
`);
  if (r.match_taxonomy) out.push(renderMatch(r.match_taxonomy));
  if (r.sites_inventory) out.push(renderSites(r.sites_inventory));
  if (r.import_formats) out.push(renderImports(r.import_formats));
  return out.join('\n');
}

/** The sites inventory at 10k sites (issue 14): filtering and site matching beside raw SQL, both engines. */
function renderSites(m: any): string {
  const name = (e: any) => (e.engine === 'postgres' ? 'PostgreSQL/PostGIS' : 'PGlite');
  const filters = m.engines.flatMap((e: any) => e.filters.map((x: any) =>
    `| ${name(e)} | \`${x.query}\` | ${f(x.sites)} | ${f(x.api_p50_ms)} / ${f(x.api_p99_ms)} | ${f(x.raw_p50_ms)} | ${f(x.ratio)} |`));
  const matches = m.engines.flatMap((e: any) => e.matches.map((x: any) =>
    `| ${name(e)} | ${x.q} | ${f(x.ranked_sites)} / ${f(x.raw_candidates)} | ${f(x.match_p50_ms)} / ${f(x.match_p99_ms)} | ${f(x.raw_p50_ms)} | ${f(x.ratio)} |`));
  return `## Sites inventory at ${f(m.sites)} sites beside raw SQL

${f(m.sites)} invented, demo-marked sites generated in SQL in a throw-away database (bench/sites.ts), ${f(m.rounds)} rounds, the
API's query and its raw SQL interleaved call by call${m.measured_at ? ` (this section measured ${m.measured_at} by \`tsx bench/sites.ts\`)` : ''}.
Filtering: \`SitesRepository.collection\` (what GET /api/sites sends) beside the same WHERE building every column as
GeoJSON with \`to_jsonb\` of the row. Matching: \`match()\` (chains, parks, then sites ranked with reasons) beside the raw
SQL of the sites the same need lets through, without ranking: the ratio is what ranking and its reasons cost.

| engine | filter | sites | API p50 / p99 ms | raw p50 ms | ratio |
| --- | --- | ---: | ---: | ---: | ---: |
${filters.join('\n')}

| engine | need | ranked / raw candidates | match p50 / p99 ms | raw p50 ms | ratio |
| --- | --- | ---: | ---: | ---: | ---: |
${matches.join('\n')}
`;
}

/** The industry matcher (issue 16) beside the substring matcher it replaced, both engines, same run. */
function renderMatch(m: any): string {
  const rows = m.engines.map((e: any) =>
    `| ${e.engine === 'postgres' ? 'PostgreSQL/PostGIS' : 'PGlite'} | ${f(e.match_p50_ms)} / ${f(e.match_p99_ms)} | ${f(e.old_match_p50_ms)} / ${f(e.old_match_p99_ms)} | ${f(e.match_ratio_to_old)} | ${f(e.index_build_ms)} | ${f(e.no_fit_queries)} / ${f(e.queries)} | ${f(e.old_zero_score_parks_listed)} |`);
  const e0 = m.engines[0] ?? {};
  return `## Matching by industry (taxonomy) beside the old matcher

\`match()\` in-process on the seeded database, ${f(e0.queries)} queries (zh, en, mixed, GB/T codes, typos, no-fit; bench/match.ts)
× ${f(e0.rounds)} rounds, new and old interleaved query by query; the old matcher is main's server/src/match/match.service.ts
and its SQL, run from a temporary copy${m.measured_at ? ` (this section measured ${m.measured_at} by \`tsx bench/match.ts\`)` : ''}.
Index build = reading the taxonomy and building the matcher (once per seed version); jieba's dictionary loads once per
process (${f(e0.jieba_dictionary_load_ms)} ms here), before it.

| engine | match p50 / p99 ms | old p50 / p99 ms | match_ratio_to_old (p50) | index build ms | no_fit / queries | zero-score parks the old matcher listed |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

The new matcher does more per query (jieba segmentation, stemming, typo search over the vocabulary, segment-level
evidence with quotes); the old one split the query into substrings. Where old and new cost about the same, the SQL
(evidence, sites) both run dominates.
`;
}

/**
 * For each missed target, why — from this run's own side-by-side numbers (the floor it is measured
 * against), not from prose written once. Empty when every target is met.
 */
function whyMissed(r: any, c: any): string {
  const lines: string[] = [];
  const { at100k, small, large, drawn, z, ZOOMS } = c;
  const drawnZooms = (s: any) => ZOOMS.filter((zz: number) => drawn(s, zz));
  if (at100k && c.warm100k > 10) {
    const worst = drawnZooms(at100k).map((zz: number) => z(at100k, zz)).sort((a: any, b: any) => b.warm.p50_ms - a.warm.p50_ms)[0];
    if (worst) lines.push(`- **Warm tiles at 100k** (worst z${worst.z}: ${worst.warm.p50_ms} ms): a warm tile at the unversioned URL still asks the database for the layer's data version (one indexed row) so that an edit on any instance is seen at once; that round trip is the cost. The immutable \`?v=\` URLs that TileJSON hands to clients skip it: ${worst.warm_versioned_url.p50_ms} ms p50 at the same zoom.`);
  }
  if (at100k && c.cold100k > 60) {
    for (const t of drawnZooms(at100k).map((zz: number) => z(at100k, zz)).filter((t: any) => t.cold.p50_ms > 60)) {
      lines.push(`- **Cold z${t.z} at 100k** (${t.cold.p50_ms} ms): the centre tile holds ${t.features_in_centre_tile} parcels, and the raw query alone (the same ST_AsMVT SQL run directly) takes ${t.raw_query.p50_ms} ms — the API is ${t.cold_api_over_raw}× that. The floor is PostGIS encoding that many polygons on this machine; going below it needs fewer features per tile at that zoom (a later minzoom, or generalised/aggregated parcels), which changes what the map shows.`);
    }
  }
  if (small && large && small !== large) {
    for (const zz of ZOOMS.filter((q: number) => z(small, q) && z(large, q) && z(large, q).below_minzoom && z(large, q).cold.p50_ms / z(small, q).cold.p50_ms > 3)) {
      lines.push(`- **Growth at z${zz}** (${z(small, zz).cold.p50_ms} → ${z(large, zz).cold.p50_ms} ms): below the parcels' minzoom the tile is empty and answered without a tile query at both sizes; what is measured is the layer's version lookup (one indexed row) and HTTP, neither of which depends on the number of parcels: the few milliseconds' difference is not tile work.`);
    }
    const grown = drawnZooms(large).filter((zz: number) => z(small, zz) && z(large, zz) && !z(small, zz).below_minzoom && z(large, zz).cold.p50_ms / z(small, zz).cold.p50_ms > 3);
    for (const zz of grown) {
      const a = z(small, zz);
      const b = z(large, zz);
      lines.push(`- **Growth at z${zz}** (${small.parcels} → ${large.parcels} parcels, cold ${a.cold.p50_ms} → ${b.cold.p50_ms} ms): the centre tile's parcels grow from ${a.features_in_centre_tile} to ${b.features_in_centre_tile} (${a.features_in_centre_tile ? `${Math.round(b.features_in_centre_tile / a.features_in_centre_tile)}×` : 'from none'}), and the raw query from ${a.raw_query.p50_ms} to ${b.raw_query.p50_ms} ms. Tile cost follows the features in the tile, not the table size (the index keeps that part flat); a 3× bound at a zoom where every parcel is drawn would mean leaving parcels out.`);
    }
  }
  const pg = r.engines.find((e: any) => e.engine === 'postgres');
  const layerRatios = (pg?.endpoints ?? []).filter((e: any) => e.api_over_raw !== undefined);
  const worstLayer = layerRatios.sort((a: any, b: any) => b.api_over_raw - a.api_over_raw)[0];
  const health = (pg?.endpoints ?? []).find((e: any) => e.path === '/api/health');
  if (worstLayer && worstLayer.api_over_raw > 1.2) {
    lines.push(`- **Zone layers, API/raw ${worstLayer.api_over_raw}× (\`${worstLayer.path}\`)**: the body is served from a cache keyed by the layer's data version, so the API's cost is that version lookup plus HTTP — about the cost of \`/api/health\` (one trivial query and a small JSON answer: ${f(health?.p50_ms)} ms p50 here) against a raw query of ${f(worstLayer.raw_sql_p50_ms)} ms. For a layer this small the ratio cannot reach 1.2; for the larger ones (roads) the cache puts the API below the raw query.`);
  }
  if (at100k && c.tileOverhead > 1.2) lines.push(`- **Cold tile API/raw ${c.tileOverhead}× at 100k**: on top of the SQL the API gzips each new tile once (on the thread pool) before caching it, and looks up the layer version; for tiles of a few ms the fixed HTTP cost is a large share.`);
  if (at100k && c.itemsOverhead > 1.2) lines.push(`- **OGC items ${c.itemsOverhead}× the raw query at 100k**: besides the same SQL (which counts \`numberMatched\` too) the API first checks that the collection exists (one more query) and writes the paging links; for a page PostGIS builds in a few ms that fixed cost is a large share.`);
  const idle = r.map_idle;
  if (r.map_idle_ratio > 1.2) {
    lines.push(`- **Map idle** (${idle.ms} ms, ${r.map_idle_ratio}× the plain page): in this headless Chromium WebGL is software-rendered (SwiftShader, no GPU). MapLibre alone reaches idle on a blank page in ${f(idle.bare_maplibre_ms)} ms and with the same layers' GeoJSON drawn plainly in ${f(idle.bare_maplibre_geojson_ms)} ms. The app's shell alone — the same page with an empty catalogue: its JavaScript, React panels, UI fonts and an empty map — takes ${f(idle.empty_catalogue_ms)} ms${idle.empty_catalogue_ms ? ` (${round1(idle.empty_catalogue_ms / idle.bare_maplibre_geojson_ms)}× the plain page before any layer is drawn)` : ''}; the app's layers are all added after ${f(idle.layers_ready_ms)} ms. With every label off it reaches idle in ${f(idle.no_labels_ms)} ms: the rest is placing the Chinese labels (MapLibre draws CJK glyphs itself with TinySDF in the bundled Noto Sans SC; the Latin range is drawn ahead, while the data downloads). The layers' GeoJSON is hinted in index.html by the server, so it downloads while the scripts do; each layer's label font files are requested as its data arrives, and the sources and layers go in when the style is parsed, before the first frame; MapLibre's worker starts as soon as MapLibre has loaded (prewarm). What follows is drawing: every repaint of the ~30 visible style layers at 1280×800 is rasterised in software, and the map repaints as each source's tiles come back from the worker. Hidden layers' sources cost little — MapLibre requests no tiles for a source no visible layer uses, so only their data goes to the worker — and their feature ids do not collide with the shown ones'; merging the sources into shared ones and not uploading hidden layers were tried earlier and changed the pixels test/browser/app.test.ts checks, for a reason not yet found, so they are not in.`);
  }
  const st = r.startup;
  if (st?.fresh_ms > 8000) lines.push(`- **First start** (${st.fresh_ms} ms): a new data directory is cloned from the seeded dump npm install prepared (no initdb, no CREATE EXTENSION, no seeding); what remains is node, tsx and the server's modules, PGlite compiling its WebAssembly and loading PostGIS (reopening a directory with PostGIS: ${f(st.reopen_pglite_postgis_ms)} ms in this run), and writing the clone to disk.`);
  if (st?.later_ms > 3000) {
    lines.push(`- **Later starts** (${st.later_ms} ms): every start loads PGlite and its PostGIS extension into WebAssembly again${st.reopen_pglite_postgis_ms ? ` — reopening the data directory took ${st.reopen_pglite_ms} ms without extensions and ${st.reopen_pglite_postgis_ms} ms with PostGIS in this run, so PostGIS's bundle alone is ${Math.round(st.reopen_pglite_postgis_ms - st.reopen_pglite_ms)} ms of each start` : ''}; node, tsx and the server's modules, migrations and the seed check are the rest.`);
  }
  const pgSizes = pg?.sizes ?? [];
  const at1m = pgSizes.find((s: any) => s.parcels === 1_000_000 && !s.skipped) ?? large;
  if (r.tile_raw_ratio > 1.1 && at1m) {
    const ts = at1m.tiles.filter((t: any) => t.z >= 10 && t.z <= 14 && !t.below_minzoom);
    const worst = [...ts].sort((a: any, b: any) => b.cold_api_over_raw - a.cold_api_over_raw)[0];
    const cheap = ts.filter((t: any) => t.cold_api_over_raw > 1.1).map((t: any) => `z${t.z} ${t.cold.p50_ms} against ${t.raw_query.p50_ms} ms`);
    lines.push(`- **Tiles API/raw ${r.tile_raw_ratio}× at ${at1m.parcels} parcels (worst z${worst.z})**: the generalised tiles are cheap (${cheap.join('; ')}), so the fixed cost of an HTTP request through Express — ${f(health?.p50_ms)} ms p50 for \`/api/health\` in this run — plus the layer's version row is the difference, not tile work; where a tile costs ~10 ms to build (${ts.filter((t: any) => t.cold_api_over_raw <= 1.1 || t.raw_query.p50_ms >= 5).map((t: any) => `z${t.z} ${t.cold_api_over_raw}×`).join(', ')}) the ratio is near 1.1.`);
  }
  const ms = [...pgSizes].reverse().find((s: any) => s.mapserver && !s.mapserver.skipped);
  if (ms && r.mapserver_features_ratio > 0.8) {
    const i = ms.mapserver.items;
    lines.push(`- **OGC API items beside MapServer ${r.mapserver_features_ratio}× (${ms.parcels} parcels)**: ours ${i.ours.p50_ms} ms, MapServer ${i.theirs.p50_ms} ms p50 for the same ${i.ours_features} features of a bbox page; our own SQL run directly takes ${ms.items_bbox.raw_query.p50_ms} ms — more than MapServer's whole answer. That SQL counts the bbox's matches for \`numberMatched\` and builds each feature with its geodesic area and citations in PostGIS (atlas_feature_json); a page without the count and the computed properties would be a different answer.`);
  }
  if (ms && r.mapserver_tiles_ratio > 0.8) {
    const same = ms.mapserver.tiles.find((t: any) => t.same_content);
    const t = same && ms.tiles.find((x: any) => x.z === same.z);
    if (same && t) lines.push(`- **MVT beside MapServer ${r.mapserver_tiles_ratio}× (z${same.z}, ${ms.parcels} parcels, same content)**: ours ${same.ours.p50_ms} ms against MapServer's ${same.theirs.p50_ms} ms; our raw ST_AsMVT query alone is ${t.raw_query.p50_ms} ms for ${t.features_in_centre_tile} parcels, so PostGIS's encoding (with the properties as attributes) is most of it. Where our tiles are generalised (${ms.mapserver.tiles.filter((x: any) => !x.same_content).map((x: any) => `z${x.z}: ${x.ratio}×`).join(', ')}) we are far below MapServer, which draws every parcel; at 100k parcels the same-content tile was ${pgSizes.find((s: any) => s.parcels === 100_000)?.mapserver?.tiles?.find((x: any) => x.same_content)?.ratio ?? '—'}×.`);
  }
  const tw = r.tests;
  if (tw?.seconds > 480) {
    const sf = tw.slowest_files;
    lines.push(`- **Tests** (${tw.seconds} s for \`npm test\`, typecheck, lint and the client build included): ${sf ? `the files' own times add up to ${sf.sum_s} s, run three at a time; the longest are ${sf.files.map((x: any) => `${x.file} (${x.project}) ${x.s} s`).join(', ')}. The browser suites drive Chromium with software WebGL and each starts its own server; going under 480 s needs those suites shorter, not more workers on 2 cores` : 'per-file times were not captured'}.`);
  }
  const bundle = r.initial_bundle;
  if (bundle?.js_gzip_kb > 300) lines.push(`- **Initial JS** (${bundle.js_gzip_kb} KB gzip): MapLibre is ${f(bundle.maplibre_js_gzip_kb)} KB of it (already minified; its own chunk, preloaded because the first view is the map), the app's own code ${f(bundle.app_js_gzip_kb)} KB; with MapLibre counted the target cannot be met by the app's code.`);
  return lines.length ? `## Why the missed targets are missed\n\n${lines.join('\n')}\n` : '';
}

/** Import read time per format through GDAL (issue 18), with main's hand-written readers beside it where compared. */
function renderImports(m: any): string {
  const f = (v: unknown) => (v === null || v === undefined ? '—' : String(v));
  const rows = m.formats.map((r: any) => `| ${r.format} | ${f(r.file)} | ${f(Math.round(r.bytes / 1024))} | ${f(r.items)} | ${f(r.gdal_ms)} | ${f(r.old_ms)} | ${f(r.gdal_over_old)} |`);
  return `## Import formats through GDAL

parseUpload() (bytes to preview items, before the CRS is applied; no database) on ${f(m.plots)} plots written by the system ogr2ogr
in EPSG:4549, median of ${f(m.rounds)} rounds (bench/imports.ts${m.measured_at ? `, measured ${m.measured_at}` : ''}). GDAL runs in its
worker thread; its one-off initialisation took ${f(m.gdal_init_ms)} ms. "old" is main's hand-written reader run from a temporary copy
(${m.legacy_compared.length ? m.legacy_compared.join(', ') : 'none available'}); main's GeoPackage and DXF readers need packages this branch removed, and
FileGDB, MapInfo, FlatGeobuf and CSV had no reader before. KML is read by togeojson, not GDAL (gdal3.js has no libkml).

| format | file | KB | items | GDAL ms | old ms | GDAL / old |
|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
}
