import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { geoJSONToTile, type GeoJSONVTFeature, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { CellRow, LayerVersion, TilesRepository, TileJsonRow } from './tiles.repository.js';
import { TILE } from './tiles.repository.js';
import { LruCache } from './lru.js';
import { etagOf } from '../http/send.js';
import { notFound } from '../http/problem.js';

/** How tiles are encoded: by PostGIS in SQL (PostgreSQL) or by geojson-vt + vt-pbf in JS (PGlite). */
export type TileEncoder = 'sql' | 'js';

const gzip = promisify(zlib.gzip);

/** Tiles smaller than this are not worth gzipping (the compression middleware's threshold too). */
export const GZIP_MIN_BYTES = 1024;

/** One encoded tile; an empty body means an empty tile (sent as 204). */
export interface TileResult {
  body: Buffer;
  /** The same body gzipped once after it was encoded (null when small, not smaller, or not ready yet), sent as is to clients that accept gzip. */
  gzip: Buffer | null;
  etag: string;
  /** Whether this came from the in-process cache. */
  cache: 'hit' | 'miss';
  /** The layer's data version the tile was built from. */
  version: string;
}

interface Entry {
  body: Buffer;
  gzip: Buffer | null;
  /** While the background gzip runs: requests that hit the entry meanwhile wait for it (deterministic codings). */
  gzipping?: Promise<void>;
  /** The layer's data version the tile was built from. */
  version: string;
  etag: string;
  bytes: number;
}

const TILEJSON_MAXZOOM = 18;

/**
 * Vector tiles with a bounded LRU keyed by (layer, data version, z, x, y). The data version comes from
 * `data_versions` on every request (one indexed row), so an edit — on any instance — invalidates that
 * layer's tiles at once and leaves every other layer's cached.
 */
export class TilesService {
  private readonly pending = new Map<string, Promise<Entry>>();
  /** The newest version seen per layer: older versions' tiles are dropped when it moves. */
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly repo: TilesRepository,
    readonly encoder: TileEncoder,
    readonly cache = new LruCache<Entry>(4096, 64 * 1024 * 1024),
    /** Whether to gzip each tile once when it is encoded (off: the benchmark's bare encoders). */
    private readonly compress = true,
  ) {}

  /**
   * The tile; throws 404 for an unknown layer. Coordinates must already be validated. With `wanted` (the
   * `?v=` of an immutable tile URL) a cached tile of that version is served without asking the database:
   * a version's tiles never change, and NOTIFY drops them from every instance when the version moves.
   */
  async tile(layer: string, z: number, x: number, y: number, wanted?: string): Promise<TileResult> {
    if (wanted !== undefined) {
      const wantedKey = `${layer}\u0000${wanted}\u0000${z}/${x}/${y}`;
      const hit = this.cache.get(wantedKey);
      if (hit?.gzipping) await hit.gzipping;
      if (hit) return { body: hit.body, gzip: hit.gzip, etag: hit.etag, cache: 'hit', version: wanted };
      // Not cached: the layer's version and zooms (one indexed row), then the tile's own statement — the
      // same one the raw query is. Not one composed statement: PostgreSQL planned the generalised branch
      // of that CASE badly (a z11 cells tile at 100k parcels took ~330 ms instead of ~7 ms; issue 19).
      // Requests for the same version share the work.
      let job = this.pending.get(wantedKey);
      if (!job) {
        job = this.repo.version(layer).then(async (row) => {
          if (row === null) throw notFound(`Layer "${layer}" does not exist.`);
          this.forgetOlder(layer, row.version);
          const body = await this.bodyFor(row, layer, z, x, y);
          // The data may have moved on past `wanted`: the tile is then that of the current version.
          return this.remember(`${layer}\u0000${row.version}\u0000${z}/${x}/${y}`, layer, row.version, body);
        }).finally(() => this.pending.delete(wantedKey));
        this.pending.set(wantedKey, job);
      }
      const entry = await job;
      return { body: entry.body, gzip: entry.gzip, etag: entry.etag, cache: 'miss', version: entry.version };
    }
    const row = await this.repo.version(layer);
    if (row === null) throw notFound(`Layer "${layer}" does not exist.`);
    const { version } = row;
    this.forgetOlder(layer, version);
    const key = `${layer}\u0000${version}\u0000${z}/${x}/${y}`;
    const hit = this.cache.get(key);
    if (hit?.gzipping) await hit.gzipping;
    if (hit) return { body: hit.body, gzip: hit.gzip, etag: hit.etag, cache: 'hit', version };
    // Concurrent requests for the same missing tile share one encode.
    let job = this.pending.get(key);
    if (!job) {
      // Below the layer's minzoom (dense layers such as parcels) the tile is empty, without a query.
      // Dense layers are drawn as cells of layer_cells below their generalise_below zoom.
      job = this.bodyFor(row, layer, z, x, y)
        .then((body) => this.remember(key, layer, version, body))
        .finally(() => this.pending.delete(key));
      this.pending.set(key, job);
    }
    const entry = await job;
    return { body: entry.body, gzip: entry.gzip, etag: entry.etag, cache: 'miss', version };
  }

  /**
   * Caches a just-encoded tile under `key` (if `version` is still the newest seen) and returns its entry.
   * The first request gets the tile as encoded, without waiting for gzip (a 1 MB tile takes tens of ms);
   * the gzip is made once in the background (on the thread pool) for the requests that follow.
   */
  private remember(key: string, layer: string, version: string, body: Buffer): Entry {
    const entry: Entry = { body, gzip: null, etag: etagOf(body), bytes: body.length + key.length + 64, version };
    if (this.seen.get(layer) === version) this.cache.set(key, entry);
    if (this.compress && body.length >= GZIP_MIN_BYTES) {
      entry.gzipping = gzip(body).then((packed) => {
        delete entry.gzipping;
        if (packed.length >= body.length || this.cache.get(key) !== entry) return;
        entry.gzip = packed;
        entry.bytes += packed.length;
        this.cache.set(key, entry);
      }, () => {
        delete entry.gzipping;
      });
    }
    return entry;
  }

  /** The tile at the layer's zooms: empty below its minzoom (no query), cells below generalise_below, else the features. */
  private bodyFor(row: LayerVersion, layer: string, z: number, x: number, y: number): Promise<Buffer> {
    if (z < row.minzoom) return Promise.resolve(Buffer.alloc(0));
    if (row.generalise_below !== null && z < row.generalise_below) return this.encodeCells(layer, z, x, y);
    return this.encode(layer, z, x, y);
  }

  /** Drops the cached tiles of one layer (null: of every layer), e.g. on a NOTIFY from another instance. */
  drop(layer: string | null): number {
    if (layer === null) {
      this.seen.clear();
      return this.cache.deletePrefix('');
    }
    this.seen.delete(layer);
    return this.cache.deletePrefix(`${layer}\u0000`);
  }

  /** TileJSON 3.0.0 text for the layer, with `tilesUrl` as its template; throws 404 for an unknown layer. */
  async tileJson(layer: string, tilesUrl: string): Promise<string> {
    const row = await this.repo.tileJson(layer);
    if (!row) throw notFound(`Layer "${layer}" does not exist.`);
    // The data version in the URL makes each tile URL immutable (browser and CDN may keep it for good).
    return JSON.stringify(tileJsonOf(row, `${tilesUrl}?v=${row.version}`));
  }

  private forgetOlder(layer: string, version: string) {
    const last = this.seen.get(layer);
    if (last === version) return;
    // Versions only grow, but two instances' requests can arrive out of order: keep the larger.
    if (last !== undefined && BigInt(last) > BigInt(version)) return;
    this.seen.set(layer, version);
    if (last !== undefined) this.cache.deletePrefix(`${layer}\u0000${last}\u0000`);
  }

  /** A generalised tile: ST_AsMVT over the cells, or in JS the same squares. */
  private async encodeCells(layer: string, z: number, x: number, y: number): Promise<Buffer> {
    if (this.encoder === 'sql') return Buffer.from(await this.repo.cellsMvt(layer, z, x, y));
    return cellsTile(await this.repo.cells(layer, z, x, y), layer, x, y);
  }

  private async encode(layer: string, z: number, x: number, y: number): Promise<Buffer> {
    if (this.encoder === 'sql') return Buffer.from(await this.repo.mvt(layer, z, x, y));
    return featuresTile(JSON.parse(await this.repo.features(layer, z, x, y)) as GeoJSON.FeatureCollection, layer, z, x, y);
  }
}

/** A generalised tile encoded in JS: each cell a square of its 128 tile units, clipped to the buffer, as ST_AsMVTGeom makes it. */
function cellsTile(rows: CellRow[], layer: string, x: number, y: number): Buffer {
  if (rows.length === 0) return Buffer.alloc(0);
  const step = TILE.extent / TILE.cells;
  const lo = -TILE.buffer;
  const hi = TILE.extent + TILE.buffer;
  const clamp = (v: number) => Math.min(hi, Math.max(lo, v));
  const features: GeoJSONVTFeature[] = rows.map((c) => {
    const x0 = clamp((c.cx - x * TILE.cells) * step);
    const y0 = clamp((c.cy - y * TILE.cells) * step);
    const x1 = clamp((c.cx - x * TILE.cells + 1) * step);
    const y1 = clamp((c.cy - y * TILE.cells + 1) * step);
    // Clockwise on screen (y down), as MVT outer rings are, from the corner ST_AsMVTGeom starts at.
    const ring: [number, number][] = [[x1, y0], [x1, y1], [x0, y1], [x0, y0], [x1, y0]];
    return { type: 3, geometry: [ring], tags: { n: c.n, area_m2: c.area_m2, generalised: true } } as unknown as GeoJSONVTFeature;
  });
  return Buffer.from(fromGeojsonVt({ [layer]: { features } as unknown as GeoJSONVTTile }, { version: 2, extent: TILE.extent }));
}

/** A tile of features encoded in JS (geojson-vt + vt-pbf) with ST_AsMVTGeom's snapping and tidying. */
function featuresTile(fc: GeoJSON.FeatureCollection, layer: string, z: number, x: number, y: number): Buffer {
  if (fc.features.length === 0) return Buffer.alloc(0);
  const tile = geoJSONToTile(fc, z, x, y, {
    extent: TILE.extent,
    buffer: TILE.buffer,
    clip: true,
    wrap: false,
    // maxZoom = z turns geojson-vt's simplification off: like ST_AsMVTGeom, only snap to the grid
    // and drop what collapses (tidy), so both engines give the same vertices.
    maxZoom: z,
  });
  tidy(tile);
  if (tile.features.length === 0) return Buffer.alloc(0);
  return Buffer.from(fromGeojsonVt({ [layer]: tile }, { version: 2, extent: TILE.extent }));
}

/**
 * Drops what snapping to tile units collapsed, as ST_AsMVTGeom does on PostgreSQL: repeated and
 * collinear points (a zero-length MVT LineTo is invalid; a spike makes a polygon invalid), lines under two
 * points, rings without area (and the holes of an outer ring so dropped).
 */
function tidy(tile: GeoJSONVTTile) {
  const keep: GeoJSONVTFeature[] = [];
  for (const f of tile.features) {
    if (f.type === 1) {
      if (f.geometry.length) keep.push(f);
      continue;
    }
    const parts: [number, number][][] = [];
    let outerKept = false;
    for (const part of f.geometry) {
      const out = straighten(part);
      if (f.type === 2) {
        if (out.length >= 2) parts.push(out);
        continue;
      }
      // Rings come outer first, then its holes; in tile space (y down) outer rings have positive area.
      const area = ringArea(out);
      if (area > 0) outerKept = out.length >= 4;
      if (area !== 0 && out.length >= 4 && (area > 0 || outerKept)) parts.push(out);
    }
    if (parts.length) keep.push({ ...f, geometry: parts });
  }
  (tile as { features: GeoJSONVTFeature[] }).features = keep;
}

/** The points without repeats and without middle points of straight runs or spikes (end points stay). */
function straighten(points: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) continue;
    out.push(p);
    while (out.length >= 3) {
      const [a, b, c] = out.slice(-3);
      if ((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) !== 0) break;
      out.splice(out.length - 2, 1);
      // Removing a spike's tip leaves its two ends on the same point.
      if (out.length >= 2 && out[out.length - 1][0] === out[out.length - 2][0] && out[out.length - 1][1] === out[out.length - 2][1]) out.pop();
    }
  }
  return out;
}

/** Shoelace area of a closed ring; positive for an MVT outer ring (clockwise on screen). */
function ringArea(ring: [number, number][]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return a / 2;
}

const fieldType = { string: 'String', number: 'Number', boolean: 'Boolean' } as const;

/** The TileJSON 3.0.0 document of one layer. */
function tileJsonOf(row: TileJsonRow, tilesUrl: string) {
  const zooms = { minzoom: Math.min(row.minzoom, TILEJSON_MAXZOOM), maxzoom: TILEJSON_MAXZOOM };
  const fields: Record<string, string> = { id: 'String', name_zh: 'String', name_en: 'String', accuracy: 'String', parent_id: 'String' };
  for (const [k, t] of Object.entries(row.property_types)) fields[k] = fieldType[t] ?? 'String';
  return {
    tilejson: '3.0.0',
    name: row.title_zh,
    description: row.description_zh ?? row.title_en,
    version: '1.0.0',
    attribution: '产业空间一张图 · 泰州医药高新区（高港区）',
    scheme: 'xyz',
    tiles: [tilesUrl],
    ...zooms,
    bounds: row.bounds ?? [-180, -85.051129, 180, 85.051129],
    vector_layers: [{ id: row.id, description: row.title_en, ...zooms, fields }],
  };
}
