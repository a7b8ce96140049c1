import type { Queryable } from '../db/database.js';
import { sqlFile } from '../db/sql.js';
import type { BboxFilter, CrsDef } from './crs.js';

const collectionsSql = sqlFile(import.meta.url, 'collections.sql');
const itemsSql = sqlFile(import.meta.url, 'items.sql');
const itemSql = sqlFile(import.meta.url, 'item.sql');
const existsSql = sqlFile(import.meta.url, 'collection-exists.sql');

/** A layer as the OGC API sees it. */
export interface CollectionRow {
  id: string;
  title_zh: string;
  title_en: string;
  description_zh: string | null;
  description_en: string | null;
  geometry_type: 'polygon' | 'line' | 'point';
  /** [minLon, minLat, maxLon, maxLat] (CRS84), or null for an empty layer. */
  bbox: [number, number, number, number] | null;
}

/** One page of items: the features array as JSON text built by PostGIS, and the counts. */
export interface ItemsPage {
  /** Whether the collection exists (false: no items, and the route answers 404). */
  known: boolean;
  matched: number;
  returned: number;
  features: string;
}

/** All SQL of the OGC API. CRS parameters come only from the whitelist in crs.ts. */
export class OgcRepository {
  constructor(private readonly db: Queryable) {}

  /** Every collection, in catalogue order. */
  async collections(): Promise<CollectionRow[]> {
    return (await this.db.query<CollectionRow>(collectionsSql, [null])).rows;
  }

  /** One collection, or null if there is no such layer. */
  async collection(id: string): Promise<CollectionRow | null> {
    return (await this.db.query<CollectionRow>(collectionsSql, [id])).rows[0] ?? null;
  }

  /** Whether the collection exists (no extent: that reads the whole layer). */
  async exists(id: string): Promise<boolean> {
    return (await this.db.query(existsSql, [id])).rows.length > 0;
  }

  /** A page of the collection's items, ordered by id, optionally filtered by a bbox, in the output CRS. */
  async items(collection: string, crs: CrsDef, page: { limit: number; offset: number }, bbox: BboxFilter | null): Promise<ItemsPage> {
    const b = bbox ?? { xmin: null, ymin: null, xmax: null, ymax: null, srid: 4326 };
    const values = [collection, crs.srid, crs.northFirst, crs.digits, page.limit, page.offset, b.xmin, b.ymin, b.xmax, b.ymax, b.srid];
    return (await this.db.query<ItemsPage>(itemsSql, values)).rows[0];
  }

  /** One item as Feature JSON text with the given links, or null if the collection has no such feature. */
  async item(collection: string, featureId: string, crs: CrsDef, links: unknown[]): Promise<string | null> {
    const values = [collection, featureId, crs.srid, crs.northFirst, crs.digits, JSON.stringify(links)];
    return (await this.db.query<{ body: string }>(itemSql, values)).rows[0]?.body ?? null;
  }
}
