import { SUPPORTED_CRS, CRS84 } from './crs.js';
import { LIMIT } from './ogc.params.js';

export const OPENAPI_TYPE = 'application/vnd.oai.openapi+json;version=3.0';
const JSON_TYPE = 'application/json';
const GEOJSON_TYPE = 'application/geo+json';
const PROBLEM_TYPE = 'application/problem+json';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const ok = (description: string, type: string, schema: string) => ({ description, content: { [type]: { schema: ref(schema) } } });
const problem = (description: string) => ({ description, content: { [PROBLEM_TYPE]: { schema: ref('problem') } } });
const errors = { '400': problem('A query parameter is malformed, out of range or unknown.'), '500': problem('A server error.') };
const crsUris = SUPPORTED_CRS.map((c) => c.uri);

/**
 * The OpenAPI 3.0 definition of the OGC API at `base` (its absolute URL, e.g. http://host/ogc).
 * It is the contract the tests check responses against: every path here must answer 200 for a valid collection.
 */
export function openApiDocument(base: string) {
  return {
    openapi: '3.0.3',
    info: {
      title: '产业空间一张图 — OGC API Features',
      version: '1.0.0',
      description:
        'The layers of 泰州医药高新区（高港区）as OGC API – Features collections (Part 1 Core, GeoJSON, OpenAPI 3.0; Part 2 CRS by reference). ' +
        'Coordinates are CRS84 unless `crs` names another supported CRS; they are then in that CRS\'s authoritative axis order.',
      license: { name: 'See the atlas sources for each feature' },
    },
    servers: [{ url: base }],
    paths: {
      '/': {
        get: { operationId: 'getLandingPage', summary: 'Landing page', tags: ['Capabilities'], parameters: [param('f')], responses: { '200': ok('Links to the API definition, conformance and collections.', JSON_TYPE, 'landingPage'), ...errors } },
      },
      '/api': {
        get: { operationId: 'getApiDefinition', summary: 'This API definition', tags: ['Capabilities'], parameters: [param('f')], responses: { '200': { description: 'The OpenAPI 3.0 definition.', content: { [OPENAPI_TYPE]: { schema: { type: 'object' } } } }, ...errors } },
      },
      '/conformance': {
        get: { operationId: 'getConformance', summary: 'Conformance classes implemented', tags: ['Capabilities'], parameters: [param('f')], responses: { '200': ok('The conformance classes.', JSON_TYPE, 'confClasses'), ...errors } },
      },
      '/collections': {
        get: { operationId: 'getCollections', summary: 'Feature collections (one per layer)', tags: ['Data'], parameters: [param('f')], responses: { '200': ok('The collections.', JSON_TYPE, 'collections'), ...errors } },
      },
      '/collections/{collectionId}': {
        get: {
          operationId: 'describeCollection', summary: 'One feature collection', tags: ['Data'], parameters: [param('collectionId'), param('f')],
          responses: { '200': ok('The collection.', JSON_TYPE, 'collection'), '404': problem('No such collection.'), ...errors },
        },
      },
      '/collections/{collectionId}/items': {
        get: {
          operationId: 'getFeatures', summary: 'Features of a collection, paged, optionally within a bbox', tags: ['Data'],
          parameters: [param('collectionId'), param('limit'), param('offset'), param('bbox'), param('bbox-crs'), param('crs'), param('f')],
          responses: {
            '200': { ...ok('A page of features.', GEOJSON_TYPE, 'featureCollectionGeoJSON'), headers: { 'Content-Crs': { $ref: '#/components/headers/Content-Crs' } } },
            '404': problem('No such collection.'),
            ...errors,
          },
        },
      },
      '/collections/{collectionId}/items/{featureId}': {
        get: {
          operationId: 'getFeature', summary: 'One feature', tags: ['Data'], parameters: [param('collectionId'), param('featureId'), param('crs'), param('f')],
          responses: {
            '200': { ...ok('The feature.', GEOJSON_TYPE, 'featureGeoJSON'), headers: { 'Content-Crs': { $ref: '#/components/headers/Content-Crs' } } },
            '404': problem('No such collection or feature.'),
            ...errors,
          },
        },
      },
    },
    components: {
      parameters: {
        f: { name: 'f', in: 'query', required: false, description: 'Response format; only JSON is offered.', schema: { type: 'string', enum: ['json'] }, style: 'form', explode: false },
        collectionId: { name: 'collectionId', in: 'path', required: true, description: 'A layer id, as listed at /collections.', schema: { type: 'string' } },
        featureId: { name: 'featureId', in: 'path', required: true, description: 'A stable feature id.', schema: { type: 'string' } },
        limit: {
          name: 'limit', in: 'query', required: false, description: `Features per page (${LIMIT.min}–${LIMIT.max}; outside that range is a 400).`,
          schema: { type: 'integer', minimum: LIMIT.min, maximum: LIMIT.max, default: LIMIT.default }, style: 'form', explode: false,
        },
        offset: { name: 'offset', in: 'query', required: false, description: 'Features to skip (the `next`/`prev` links carry it).', schema: { type: 'integer', minimum: 0, default: 0 }, style: 'form', explode: false },
        bbox: {
          name: 'bbox', in: 'query', required: false,
          description: 'Only features intersecting this box: lower corner, upper corner, in the axis order of `bbox-crs` (CRS84: minLon,minLat,maxLon,maxLat).',
          schema: { type: 'array', minItems: 4, maxItems: 4, items: { type: 'number' } }, style: 'form', explode: false,
        },
        'bbox-crs': { name: 'bbox-crs', in: 'query', required: false, description: 'The CRS of `bbox`.', schema: { type: 'string', format: 'uri', enum: crsUris, default: CRS84 }, style: 'form', explode: false },
        crs: { name: 'crs', in: 'query', required: false, description: 'The CRS of the returned coordinates.', schema: { type: 'string', format: 'uri', enum: crsUris, default: CRS84 }, style: 'form', explode: false },
      },
      headers: {
        'Content-Crs': { description: 'The CRS of the coordinates in the body, as <URI>.', schema: { type: 'string' } },
      },
      schemas: {
        link: {
          type: 'object', required: ['href', 'rel'],
          properties: { href: { type: 'string' }, rel: { type: 'string' }, type: { type: 'string' }, title: { type: 'string' }, hreflang: { type: 'string' } },
        },
        landingPage: {
          type: 'object', required: ['links'],
          properties: { title: { type: 'string' }, description: { type: 'string' }, links: { type: 'array', items: ref('link') } },
        },
        confClasses: { type: 'object', required: ['conformsTo'], properties: { conformsTo: { type: 'array', items: { type: 'string' } } } },
        extent: {
          type: 'object',
          properties: {
            spatial: {
              type: 'object',
              properties: {
                bbox: { type: 'array', minItems: 1, items: { type: 'array', minItems: 4, maxItems: 4, items: { type: 'number' } } },
                crs: { type: 'string', enum: [CRS84] },
              },
            },
          },
        },
        collection: {
          type: 'object', required: ['id', 'links'],
          properties: {
            id: { type: 'string' }, title: { type: 'string' }, description: { type: 'string' },
            links: { type: 'array', items: ref('link') }, extent: ref('extent'), itemType: { type: 'string', enum: ['feature'] },
            crs: { type: 'array', items: { type: 'string' } }, storageCrs: { type: 'string' },
          },
        },
        collections: {
          type: 'object', required: ['links', 'collections'],
          properties: { links: { type: 'array', items: ref('link') }, crs: { type: 'array', items: { type: 'string' } }, collections: { type: 'array', items: ref('collection') } },
        },
        geometryGeoJSON: {
          type: 'object', required: ['type'],
          properties: {
            type: { type: 'string', enum: ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'] },
            coordinates: { type: 'array' },
            geometries: { type: 'array', items: ref('geometryGeoJSON') },
          },
        },
        featureGeoJSON: {
          type: 'object', required: ['type', 'geometry', 'properties'],
          properties: {
            type: { type: 'string', enum: ['Feature'] },
            id: { type: 'string' },
            geometry: { nullable: true, allOf: [ref('geometryGeoJSON')] },
            properties: { type: 'object', nullable: true },
            links: { type: 'array', items: ref('link') },
          },
        },
        featureCollectionGeoJSON: {
          type: 'object', required: ['type', 'features'],
          properties: {
            type: { type: 'string', enum: ['FeatureCollection'] },
            features: { type: 'array', items: ref('featureGeoJSON') },
            links: { type: 'array', items: ref('link') },
            timeStamp: { type: 'string', format: 'date-time' },
            numberMatched: { type: 'integer', minimum: 0 },
            numberReturned: { type: 'integer', minimum: 0 },
          },
        },
        problem: {
          type: 'object', required: ['title', 'status'],
          properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, instance: { type: 'string' } },
        },
      },
    },
  };
}
