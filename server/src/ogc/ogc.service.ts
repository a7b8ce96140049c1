import type { OgcRepository, CollectionRow } from './ogc.repository.js';
import { CRS84, STORAGE_CRS, SUPPORTED_CRS, type BboxFilter, type CrsDef } from './crs.js';
import { openApiDocument, OPENAPI_TYPE } from './openapi.js';
import { notFound } from '../http/problem.js';
import { isId } from '../http/params.js';

const JSON_TYPE = 'application/json';
const GEOJSON_TYPE = 'application/geo+json';

/** Only what is implemented: no HTML, no filtering beyond bbox, no Part 3. */
export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
];

/** An OGC link object. */
export interface Link {
  href: string;
  rel: string;
  type?: string;
  title?: string;
}

const crsUris = () => SUPPORTED_CRS.map((c) => c.uri);

/** A request for a page of items; `query` is the request's own query string, kept in the links. */
export interface ItemsRequest {
  limit: number;
  offset: number;
  bbox: BboxFilter | null;
  crs: CrsDef;
  query: URLSearchParams;
}

/**
 * The documents of the OGC API. `base` is the API's absolute URL (e.g. http://host/ogc); every link is
 * absolute. Metadata are assembled here; GeoJSON comes from PostGIS as text and is only wrapped.
 */
export class OgcService {
  constructor(private readonly repo: OgcRepository) {}

  /** The landing page. */
  landing(base: string) {
    return {
      title: '产业空间一张图 — 泰州医药高新区（高港区）',
      description: 'Industrial Space Atlas of the Taizhou Pharmaceutical High-tech Zone (Gaogang District): its layers as OGC API – Features collections.',
      links: [
        { href: `${base}`, rel: 'self', type: JSON_TYPE, title: 'This document' },
        { href: `${base}/api`, rel: 'service-desc', type: OPENAPI_TYPE, title: 'The API definition (OpenAPI 3.0)' },
        { href: `${base}/conformance`, rel: 'conformance', type: JSON_TYPE, title: 'Conformance classes implemented' },
        { href: `${base}/collections`, rel: 'data', type: JSON_TYPE, title: 'The feature collections' },
      ],
    };
  }

  /** The OpenAPI definition. */
  api(base: string) {
    return openApiDocument(base);
  }

  /** The conformance declaration. */
  conformance() {
    return { conformsTo: CONFORMANCE };
  }

  /** All collections. */
  async collections(base: string) {
    const rows = await this.repo.collections();
    return {
      links: [{ href: `${base}/collections`, rel: 'self', type: JSON_TYPE, title: 'This document' }],
      crs: crsUris(),
      collections: rows.map((r) => collectionOf(base, r)),
    };
  }

  /** One collection; 404 if unknown. */
  async collection(base: string, id: string) {
    return collectionOf(base, await this.mustExist(id));
  }

  /** A page of items as FeatureCollection text: PostGIS's features array wrapped with counts and links; 404 if unknown. */
  async items(base: string, id: string, req: ItemsRequest): Promise<string> {
    if (!isId(id)) throw notFound(`Collection "${id}" does not exist.`);
    const page = await this.repo.items(id, req.crs, req, req.bbox);
    if (!page.known) throw notFound(`Collection "${id}" does not exist.`);
    const itemsUrl = `${base}/collections/${id}/items`;
    const at = (offset: number) => {
      const q = new URLSearchParams(req.query);
      q.set('offset', String(offset));
      q.set('limit', String(req.limit));
      return `${itemsUrl}?${q}`;
    };
    const self = req.query.size ? `${itemsUrl}?${req.query}` : itemsUrl;
    const links: Link[] = [{ href: self, rel: 'self', type: GEOJSON_TYPE, title: 'This page' }];
    if (req.offset + page.returned < page.matched) links.push({ href: at(req.offset + req.limit), rel: 'next', type: GEOJSON_TYPE, title: 'Next page' });
    if (req.offset > 0) links.push({ href: at(Math.max(0, req.offset - req.limit)), rel: 'prev', type: GEOJSON_TYPE, title: 'Previous page' });
    links.push({ href: `${base}/collections/${id}`, rel: 'collection', type: JSON_TYPE, title: 'The collection' });
    const head = {
      type: 'FeatureCollection',
      numberMatched: page.matched,
      numberReturned: page.returned,
      timeStamp: new Date().toISOString(),
      links,
    };
    // Splice PostGIS's array in as text: Node never parses the features.
    return `${JSON.stringify(head).slice(0, -1)},"features":${page.features}}`;
  }

  /** One item as Feature text; 404 if the collection or the feature (in that collection) is unknown. */
  async item(base: string, id: string, featureId: string, crs: CrsDef): Promise<string> {
    await this.mustBeKnown(id);
    const itemUrl = `${base}/collections/${id}/items/${encodeURIComponent(featureId)}`;
    const links: Link[] = [
      { href: crs.uri === CRS84 ? itemUrl : `${itemUrl}?crs=${encodeURIComponent(crs.uri)}`, rel: 'self', type: GEOJSON_TYPE, title: 'This feature' },
      { href: `${base}/collections/${id}`, rel: 'collection', type: JSON_TYPE, title: 'The collection' },
    ];
    const body = isId(featureId) ? await this.repo.item(id, featureId, crs, links) : null;
    if (body === null) throw notFound(`Feature "${featureId}" does not exist in collection "${id}".`);
    return body;
  }

  /** 404 unless the collection exists; cheaper than mustExist (no extent), for the items routes. */
  private async mustBeKnown(id: string): Promise<void> {
    if (!isId(id) || !(await this.repo.exists(id))) throw notFound(`Collection "${id}" does not exist.`);
  }

  private async mustExist(id: string): Promise<CollectionRow> {
    const row = isId(id) ? await this.repo.collection(id) : null;
    if (!row) throw notFound(`Collection "${id}" does not exist.`);
    return row;
  }
}

function collectionOf(base: string, r: CollectionRow) {
  const url = `${base}/collections/${r.id}`;
  return {
    id: r.id,
    title: r.title_zh,
    description: [r.title_en, r.description_zh ?? r.description_en].filter(Boolean).join(' — '),
    links: [
      { href: url, rel: 'self', type: JSON_TYPE, title: 'This collection' },
      { href: `${url}/items`, rel: 'items', type: GEOJSON_TYPE, title: 'Its features' },
    ],
    ...(r.bbox ? { extent: { spatial: { bbox: [r.bbox], crs: CRS84 } } } : {}),
    itemType: 'feature',
    crs: crsUris(),
    storageCrs: STORAGE_CRS,
  };
}
