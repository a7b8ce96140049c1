import { SUPPORTED_CRS, CRS84 } from './crs.js';
import { LIMIT } from './ogc.params.js';
import { sitesOpenApi } from '../sites/sites.openapi.js';

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
  // The atlas's own JSON API sits beside the OGC API (…/ogc → …/api); its paths carry that server.
  const atlas = [{ url: `${base.replace(/\/ogc$/, '')}/api`, description: 'The atlas API (not part of OGC API Features)' }];
  const sites = sitesOpenApi(atlas);
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
      '/taxonomy': {
        servers: atlas,
        get: {
          operationId: 'getTaxonomy', summary: 'The 30 industrial chains: GB/T 4754-2017 classes, synonyms, segments (上游/中游/下游) with host parks, named enterprises and gaps', tags: ['Atlas'],
          responses: { '200': ok('The taxonomy; every quote is a verbatim citation of a source document.', JSON_TYPE, 'taxonomy'), ...errors },
        },
      },
      '/chains/{chainId}/graph': {
        servers: atlas,
        get: {
          operationId: 'getChainGraph', summary: 'One chain as a graph of segments, upstream → downstream, with enterprises, parks and gaps (补链 targets)', tags: ['Atlas'],
          parameters: [param('chainId')],
          responses: { '200': ok('The chain graph.', JSON_TYPE, 'chainGraph'), '404': problem('No such chain.'), ...errors },
        },
      },
      '/match': {
        servers: atlas,
        get: {
          operationId: 'match', summary: 'Parks and sites ranked for an industry (free text zh/en, a GB/T 4754 class or a chain id), with every score part cited', tags: ['Atlas'],
          parameters: [param('q'), param('chain'), param('code')],
          responses: { '200': ok('The ranking, or no_fit with the nearest chains.', JSON_TYPE, 'matchResult'), ...errors },
        },
      },
      ...sites.paths,
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
        ...sites.parameters,
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
        chainId: { name: 'chainId', in: 'path', required: true, description: 'A chain id, as listed at /api/chains.', schema: { type: 'string' }, example: 'biopharma' },
        q: { name: 'q', in: 'query', required: false, description: 'Industry text, 1–200 characters: a company description, product, segment, GB/T class or chain id (zh, en or mixed); a stated space need (50亩, 5,000 m2 factory) is read out.', schema: { type: 'string', minLength: 1, maxLength: 200 }, example: '润滑油添加剂 50亩' },
        chain: { name: 'chain', in: 'query', required: false, description: 'A chain id (instead of q).', schema: { type: 'string' } },
        code: { name: 'code', in: 'query', required: false, description: 'A GB/T 4754-2017 class, 4 digits (instead of or with q).', schema: { type: 'string', pattern: '^[0-9]{4}$' } },
      },
      headers: {
        'Content-Crs': { description: 'The CRS of the coordinates in the body, as <URI>.', schema: { type: 'string' } },
      },
      schemas: {
        ...sites.schemas,
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
        citation: {
          type: 'object', required: ['id', 'document_id', 'document_title_zh', 'document_title_en', 'quote'],
          properties: { id: { type: 'string' }, document_id: { type: 'string' }, document_title_zh: { type: 'string' }, document_title_en: { type: 'string' }, quote: { type: 'string' } },
        },
        industryClass: { type: 'object', required: ['code', 'name_zh'], properties: { code: { type: 'string' }, name_zh: { type: 'string' } } },
        stage: { type: 'string', enum: ['upstream', 'midstream', 'downstream'] },
        taxonomySegment: {
          type: 'object', required: ['id', 'stage', 'stage_zh', 'parent', 'name_zh', 'name_en', 'terms_zh', 'terms_en', 'codes', 'basis', 'parks', 'enterprises', 'gap'],
          properties: {
            id: { type: 'string' }, stage: ref('stage'), stage_zh: { type: 'string' }, parent: { type: 'string', nullable: true },
            name_zh: { type: 'string' }, name_en: { type: 'string' },
            terms_zh: { type: 'array', items: { type: 'string' } }, terms_en: { type: 'array', items: { type: 'string' } },
            codes: { type: 'array', items: ref('industryClass') }, basis: { nullable: true, allOf: [ref('citation')] },
            parks: { type: 'array', items: { type: 'object', required: ['park_id', 'name_zh', 'name_en', 'citation'], properties: { park_id: { type: 'string' }, citation: ref('citation') } } },
            enterprises: {
              type: 'array',
              items: {
                type: 'object', required: ['name_zh', 'name_en', 'scope', 'park_id', 'citation', 'former'],
                properties: { scope: { type: 'string', enum: ['district', 'city'] }, park_id: { type: 'string', nullable: true }, citation: ref('citation'), former: { nullable: true, allOf: [ref('citation')] } },
              },
            },
            gap: { type: 'boolean' },
          },
        },
        taxonomy: {
          type: 'object', required: ['standard', 'standard_source', 'chains'],
          properties: {
            standard: { type: 'string' },
            standard_source: { type: 'object', required: ['repository', 'path', 'commit'], properties: { repository: { type: 'string' }, path: { type: 'string' }, commit: { type: 'string' } } },
            chains: {
              type: 'array', minItems: 1,
              items: {
                type: 'object', required: ['id', 'name_zh', 'name_en', 'codes', 'terms_zh', 'terms_en', 'keywords', 'segments'],
                properties: { id: { type: 'string' }, codes: { type: 'array', items: ref('industryClass') }, segments: { type: 'array', items: ref('taxonomySegment') } },
              },
            },
          },
        },
        chainGraph: {
          type: 'object', required: ['chain', 'nodes', 'edges'],
          properties: {
            chain: { type: 'object', required: ['id', 'name_zh', 'name_en'], properties: { id: { type: 'string' } } },
            nodes: {
              type: 'array',
              items: {
                type: 'object', required: ['id', 'segment', 'stage', 'stage_zh', 'parent', 'name_zh', 'name_en', 'enterprises', 'parks', 'gap'],
                properties: {
                  id: { type: 'string' }, segment: { type: 'string' }, stage: ref('stage'), parent: { type: 'string', nullable: true }, gap: { type: 'boolean' },
                  enterprises: { type: 'array', items: { type: 'object', required: ['name_zh', 'name_en', 'scope', 'former', 'citation'], properties: { former: { type: 'boolean' }, citation: ref('citation') } } },
                  parks: { type: 'array', items: { type: 'object', required: ['park_id', 'citation'], properties: { park_id: { type: 'string' }, citation: ref('citation') } } },
                },
              },
            },
            edges: { type: 'array', items: { type: 'object', required: ['from', 'to'], properties: { from: { type: 'string' }, to: { type: 'string' } } } },
          },
        },
        matchResult: {
          type: 'object', required: ['query', 'weights', 'chains', 'segments', 'parks', 'sites', 'no_fit', 'nearest', 'need'],
          properties: {
            query: { type: 'object', required: ['chain', 'q', 'code'], properties: { chain: { type: 'string', nullable: true }, q: { type: 'string', nullable: true }, code: { type: 'string', nullable: true } } },
            weights: { type: 'object', required: ['focus', 'leaders', 'land', 'growth'] },
            chains: { type: 'array', items: { type: 'object', required: ['id', 'name_zh', 'name_en', 'relevance', 'matched'], properties: { relevance: { type: 'number' }, matched: { type: 'array', items: { type: 'string' } } } } },
            segments: { type: 'array', items: { type: 'object', required: ['chain_id', 'segment', 'stage', 'stage_zh', 'name_zh', 'name_en', 'matched'], properties: { stage: ref('stage') } } },
            parks: {
              type: 'array',
              items: {
                type: 'object', required: ['park_id', 'name_zh', 'name_en', 'score', 'best_chain', 'parts'],
                properties: {
                  score: { type: 'number' },
                  parts: {
                    type: 'array', minItems: 4, maxItems: 4,
                    items: {
                      type: 'object', required: ['part', 'points', 'max', 'detail_zh', 'detail_en', 'citations', 'segment'],
                      properties: { part: { type: 'string', enum: ['focus', 'leaders', 'land', 'growth'] }, points: { type: 'number', minimum: 0 }, citations: { type: 'array', items: ref('citation') }, segment: { type: 'object', nullable: true } },
                    },
                  },
                },
              },
            },
            sites: { type: 'array', items: { type: 'object', required: ['id', 'score', 'area'] } },
            no_fit: { type: 'boolean' },
            nearest: { type: 'array', items: { type: 'object', required: ['id', 'name_zh', 'name_en', 'similarity', 'closest_term'], properties: { similarity: { type: 'number', minimum: 0 } } } },
            need: {
              type: 'object', nullable: true, required: ['area_m2', 'kind', 'text'],
              properties: { area_m2: { type: 'number', nullable: true }, kind: { type: 'string', nullable: true, enum: ['land', 'factory', 'office', 'warehouse'] }, text: { type: 'string' } },
            },
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
