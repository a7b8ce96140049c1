// OpenAPI 3.0 entries of the sites inventory (issue 14), merged into the OGC API definition by ogc/openapi.ts.
const JSON_TYPE = 'application/json';
const GEOJSON_TYPE = 'application/geo+json';
const PROBLEM_TYPE = 'application/problem+json';
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ok = (description: string, type: string, schema: string) => ({ description, content: { [type]: { schema: ref(schema) } } });
const problem = (description: string) => ({ description, content: { [PROBLEM_TYPE]: { schema: ref('problem') } } });
const q = (name: string, description: string, schema: Record<string, unknown>) => ({ name, in: 'query', required: false, description, schema, style: 'form', explode: false });
/** Parameters are components (the definition refers to them), under names prefixed `site_`. */
const PARAMS: Record<string, Record<string, unknown>> = {};
const param = (key: string, p: Record<string, unknown>) => {
  PARAMS[`site_${key}`] = p;
  return { $ref: `#/components/parameters/site_${key}` };
};
const n = (type: string) => ({ type, nullable: true });
const siteId = param('siteId', { name: 'siteId', in: 'path', required: true, description: 'A site id.', schema: { type: 'string' }, example: 'site-southwest' });
const ifMatch = param('ifMatch', { name: 'If-Match', in: 'header', required: true, description: 'The site version edited, e.g. "3" (428 without, 412 when stale).', schema: { type: 'string' } });
const filters = [
  param('status', q('status', 'Comma-separated: available, reserved, planned, occupied.', { type: 'string' })),
  param('kind', q('kind', 'Comma-separated: land, factory, office, warehouse.', { type: 'string' })),
  param('park', q('park', 'Comma-separated park ids.', { type: 'string' })),
  param('chain', q('chain', 'Comma-separated chain ids (a site listed for any).', { type: 'string' })),
  param('land_use', q('land_use', 'Comma-separated class codes of the 用地用海分类指南; a class includes its sub-classes.', { type: 'string' })),
  param('min_area_mu', q('min_area_mu', 'Minimum area in 亩 (1 亩 = 10000/15 m²); sites of unknown area are left out.', { type: 'number', minimum: 0 })),
  param('max_area_mu', q('max_area_mu', 'Maximum area in 亩.', { type: 'number', minimum: 0 })),
  param('min_floor_area_m2', q('min_floor_area_m2', 'Minimum floor area in m².', { type: 'number', minimum: 0 })),
  param('bbox', q('bbox', 'minLon,minLat,maxLon,maxLat (WGS84).', { type: 'string' })),
];
const errors = { '400': problem('A parameter or field is malformed or unknown (the problem names it in `field`).'), '500': problem('A server error.') };

/** The paths (each under the atlas server `atlas`) and schemas of the sites API. */
export function sitesOpenApi(atlas: unknown) {
  return {
    parameters: PARAMS,
    paths: {
      '/sites': {
        servers: atlas,
        get: { operationId: 'getSites', summary: 'The sites and buildings inventory (招商载体库) as GeoJSON, filtered', tags: ['Sites'], parameters: filters, responses: { '200': ok('The sites, ordered by id.', GEOJSON_TYPE, 'siteCollection'), ...errors } },
        post: { operationId: 'createSite', summary: 'Create a site (editor)', tags: ['Sites'], requestBody: { content: { [JSON_TYPE]: { schema: { type: 'object' } } } }, responses: { '201': ok('The site.', GEOJSON_TYPE, 'siteFeature'), '409': problem('The id exists.'), '422': problem('A reference or the geometry is refused (unknown park, outside the district, invalid).'), ...errors } },
      },
      '/sites/{siteId}': {
        servers: atlas,
        get: { operationId: 'getSite', summary: 'One site', tags: ['Sites'], parameters: [siteId], responses: { '200': ok('The site; ETag is its version.', GEOJSON_TYPE, 'siteFeature'), '404': problem('No such site.'), ...errors } },
        patch: { operationId: 'updateSite', summary: 'Change a site (editor)', tags: ['Sites'], parameters: [siteId, ifMatch], responses: { '200': ok('The site.', GEOJSON_TYPE, 'siteFeature'), '412': problem('Edited by someone else: the current site is in `current`.'), '428': problem('If-Match missing.'), ...errors } },
        delete: { operationId: 'deleteSite', summary: 'Delete a site (editor); undo with revert', tags: ['Sites'], parameters: [siteId, ifMatch], responses: { '204': { description: 'Deleted.' }, '412': problem('Stale version.'), ...errors } },
      },
      '/sites/{siteId}/history': {
        servers: atlas,
        get: { operationId: 'getSiteHistory', summary: 'Every version of a site, newest first, with who, when and what changed', tags: ['Sites'], parameters: [siteId], responses: { '200': ok('The versions.', JSON_TYPE, 'siteHistory'), '404': problem('No such site.'), ...errors } },
      },
      '/sites/{siteId}/nearby': {
        servers: atlas,
        get: { operationId: 'getSiteNearby', summary: 'The nearest mapped port, railway station and expressway (the road line: no exit is mapped), geodesic metres, flagged approximate when a geometry is schematic', tags: ['Sites'], parameters: [siteId], responses: { '200': ok('One entry per kind.', JSON_TYPE, 'siteNearby'), '404': problem('No such site.'), ...errors } },
      },
      '/sites/{siteId}/revert': {
        servers: atlas,
        post: { operationId: 'revertSite', summary: 'Back to an earlier version {version} (also undoes a delete; editor)', tags: ['Sites'], parameters: [siteId, ifMatch], responses: { '200': ok('The site.', GEOJSON_TYPE, 'siteFeature'), ...errors } },
      },
      '/sites/export': {
        servers: atlas,
        get: { operationId: 'exportSites', summary: 'The filtered sites as a file: f=geojson (default), csv, xlsx or gpkg', tags: ['Sites'], parameters: [...filters, param('f', q('f', 'geojson, csv, xlsx or gpkg.', { type: 'string', enum: ['geojson', 'csv', 'xlsx', 'gpkg'] }))], responses: { '200': ok('The file (GeoJSON shown).', GEOJSON_TYPE, 'siteCollection'), ...errors } },
      },
      '/sites/imports': {
        servers: atlas,
        post: { operationId: 'previewSiteImport', summary: 'Upload an XLSX or CSV sheet, or a GIS file the feature import reads (zipped Shapefile/FileGDB/TAB, GeoPackage, GeoJSON, KML/KMZ, FlatGeobuf, MIF/MID; multipart `file`, optional `crs`, `encoding`): every row or feature with its errors, nothing written', tags: ['Sites'], responses: { '201': { description: '{id, format, crs, needs_crs, warnings, rows: [{row, key, action, area_m2, errors}], errors}' }, '415': problem('Neither a spreadsheet nor a GIS file.'), ...errors } },
      },
      '/sites/imports/{importId}/crs': {
        servers: atlas,
        post: { operationId: 'chooseSiteImportCrs', summary: 'Choose the CRS of an uploaded GIS file that does not say it ({crs}); every feature is read again in it', tags: ['Sites'], parameters: [param('importId', { name: 'importId', in: 'path', required: true, schema: { type: 'string' } })], responses: { '200': { description: 'The preview, read in the chosen CRS.' }, ...errors } },
      },
      '/sites/imports/{importId}/commit': {
        servers: atlas,
        post: { operationId: 'commitSiteImport', summary: 'Write a previewed sheet or GIS file, all or nothing; rows update sites by their key (409 while the CRS is not chosen)', tags: ['Sites'], parameters: [param('importId', { name: 'importId', in: 'path', required: true, schema: { type: 'string' } })], responses: { '200': { description: '{created, updated, unchanged}' }, '422': problem('Rows have errors: `rows` names them.'), ...errors } },
      },
    },
    schemas: {
      siteCollection: { type: 'object', required: ['type', 'features'], properties: { type: { type: 'string', enum: ['FeatureCollection'] }, features: { type: 'array', items: ref('siteFeature') } } },
      siteFeature: {
        type: 'object', required: ['type', 'id', 'geometry', 'properties'],
        properties: {
          type: { type: 'string', enum: ['Feature'] }, id: { type: 'string' }, geometry: { type: 'object', required: ['type', 'coordinates'] },
          properties: {
            type: 'object',
            required: ['id', 'park_id', 'name_zh', 'name_en', 'kind', 'status', 'status_as_of', 'area_m2', 'area_mu', 'floor_area_m2', 'land_use_code', 'land_use_zh', 'land_use_en', 'price_value', 'price_unit', 'chains', 'contact_name', 'contact_phone', 'source', 'demo', 'version'],
            properties: {
              id: { type: 'string' }, park_id: n('string'), name_zh: { type: 'string' }, name_en: n('string'),
              kind: { type: 'string', enum: ['land', 'factory', 'office', 'warehouse'] }, status: { type: 'string', nullable: true, enum: ['available', 'reserved', 'planned', 'occupied'] },
              status_as_of: n('string'), area_m2: n('number'), area_mu: n('number'), floor_area_m2: n('number'), land_use_code: n('string'), land_use_zh: n('string'), land_use_en: n('string'),
              price_value: n('number'), price_unit: { type: 'string', nullable: true, enum: ['万元/亩', '元/m²/月', '元/m²'] }, chains: { type: 'array', items: { type: 'string' } },
              contact_name: n('string'), contact_phone: n('string'),
              source: { type: 'object', required: ['kind'], properties: { kind: { type: 'string', enum: ['document', 'staff', 'demo'] }, quote: n('string'), document_id: n('string'), by: n('string'), at: n('string') } },
              demo: { type: 'boolean' }, version: { type: 'integer', minimum: 1 },
            },
          },
        },
      },
      siteNearby: {
        type: 'object', required: ['site_id', 'nearby'],
        properties: {
          site_id: { type: 'string' },
          nearby: {
            type: 'array',
            items: {
              type: 'object', required: ['kind', 'feature_id', 'layer_id', 'name_zh', 'name_en', 'accuracy', 'to', 'distance_m', 'approximate'],
              properties: {
                kind: { type: 'string', enum: ['port', 'station', 'expressway'] }, feature_id: { type: 'string' }, layer_id: { type: 'string' }, name_zh: { type: 'string' }, name_en: { type: 'string' },
                accuracy: { type: 'string', enum: ['surveyed', 'digitised', 'schematic'] }, to: { type: 'string', enum: ['line', 'point'] }, distance_m: { type: 'number', minimum: 0 }, approximate: { type: 'boolean' },
              },
            },
          },
        },
      },
      siteHistory: {
        type: 'array',
        items: { type: 'object', required: ['version', 'op', 'changed_by', 'changed_at', 'changes'], properties: { version: { type: 'integer' }, op: { type: 'string', enum: ['insert', 'update', 'delete'] }, changed_by: { type: 'string' }, changed_at: { type: 'string' }, changes: { type: 'object' } } },
      },
    },
  };
}
