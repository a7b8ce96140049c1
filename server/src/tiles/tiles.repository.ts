import type { Queryable } from '../db/database.js';
import { sqlFile } from '../db/sql.js';

const versionSql = sqlFile(import.meta.url, 'layer-version.sql');
const mvtSql = sqlFile(import.meta.url, 'tile-mvt.sql');
const featuresSql = sqlFile(import.meta.url, 'tile-features.sql');
const tileJsonSql = sqlFile(import.meta.url, 'tilejson.sql');
const cellsMvtSql = sqlFile(import.meta.url, 'tile-cells-mvt.sql');
const cellsSql = sqlFile(import.meta.url, 'tile-cells.sql');

/** Tile grid constants shared by both encoders, so PostgreSQL and PGlite tiles agree. */
export const TILE = {
  extent: 4096,
  /** Buffer around the tile kept by the clip, in tile units. */
  buffer: 64,
  /** Filter and pre-clip margin as a fraction of the tile: well beyond the buffer (64/4096 = 1/64) even where Mercator stretches. */
  margin: 1 / 16,
  /** Cells per tile side in a generalised tile (migration 016): 128 tile units, 16 px of a 512 px tile. */
  cells: 32,
} as const;

/** One cell of a generalised tile: its place in the world grid of its zoom, its count and area. */
export interface CellRow {
  cx: number;
  cy: number;
  n: number;
  area_m2: number;
}

/** A layer's version and zoom range, as the tile service needs it for every request. */
export interface LayerVersion {
  version: string;
  /** The lowest zoom with anything; tiles below it are empty. */
  minzoom: number;
  /** From this zoom up tiles hold the features; below it (from minzoom) the cells. Null: never generalised. */
  generalise_below: number | null;
}

/**
 * The smallest bounding box (degrees) a tile at zoom z draws: half a pixel of a 256-pixel tile. Smaller
 * features would snap to a dot or vanish; leaving them out keeps low-zoom tiles of a million parcels cheap.
 */
export const minFeatureSize = (z: number) => 360 / 2 ** z / 512;

/** Property keys left out of tiles: long provenance prose, served by /api/features instead. */
export const PROSE_KEYS = ['method', 'note', 'gazetteer_source'];

/** What a TileJSON needs about one layer. */
export interface TileJsonRow {
  id: string;
  title_zh: string;
  title_en: string;
  description_zh: string | null;
  description_en: string | null;
  version: string;
  /** The lowest zoom with features (the layer's `style.minzoom`, default 0); tiles below it are empty. */
  minzoom: number;
  /** [west, south, east, north] in EPSG:4326, or null for an empty layer. */
  bounds: [number, number, number, number] | null;
  /** Scalar property key → 'string' | 'number' | 'boolean'. */
  property_types: Record<string, 'string' | 'number' | 'boolean'>;
}

/** All SQL about vector tiles. Tile coordinates reach SQL as $n values, never spliced. */
export class TilesRepository {
  constructor(private readonly db: Queryable) {}

  /** The layer's data version and zoom range, or null if the layer does not exist. */
  async version(layer: string): Promise<LayerVersion | null> {
    return (await this.db.query<LayerVersion>(versionSql, [layer])).rows[0] ?? null;
  }

  /** The generalised tile encoded by ST_AsMVT (PostgreSQL only); empty when no cell is in it. */
  async cellsMvt(layer: string, z: number, x: number, y: number): Promise<Buffer> {
    const { rows } = await this.db.query<{ tile: Buffer | null }>(cellsMvtSql, [layer, z, x, y, TILE.extent, TILE.buffer, TILE.cells]);
    return rows[0]?.tile ?? Buffer.alloc(0);
  }

  /** The cells of the tile and one ring around it, for the JS encoder. */
  async cells(layer: string, z: number, x: number, y: number): Promise<CellRow[]> {
    return (await this.db.query<CellRow>(cellsSql, [layer, z, x, y, TILE.cells])).rows;
  }

  /** The tile encoded by ST_AsMVT in one statement (PostgreSQL only); empty when nothing is in it. */
  async mvt(layer: string, z: number, x: number, y: number): Promise<Buffer> {
    const { rows } = await this.db.query<{ tile: Buffer | null }>(mvtSql, [layer, z, x, y, TILE.extent, TILE.buffer, TILE.margin, PROSE_KEYS, minFeatureSize(z)]);
    return rows[0]?.tile ?? Buffer.alloc(0);
  }

  /** The features near the tile as FeatureCollection text in EPSG:4326, cut to the tile plus margin. */
  async features(layer: string, z: number, x: number, y: number): Promise<string> {
    return (await this.db.query<{ body: string }>(featuresSql, [layer, z, x, y, TILE.margin, PROSE_KEYS, minFeatureSize(z)])).rows[0].body;
  }

  /** TileJSON facts about the layer, or null if it does not exist. */
  async tileJson(layer: string): Promise<TileJsonRow | null> {
    return (await this.db.query<TileJsonRow>(tileJsonSql, [layer, PROSE_KEYS])).rows[0] ?? null;
  }
}
