import type { Queryable } from '../db/database.js';
import { HttpError, badRequest } from '../http/problem.js';
import { isId } from '../http/params.js';
import type { SiteImportError, SiteVersion } from '../../../contract/sites.js';
import { SitesRepository, type SiteFilter } from './sites.repository.js';
import { INVENTORY_STATUSES, SITE_KINDS, crossFieldErrors, type SiteValues } from './site-fields.js';

/** The most vertices one site geometry may have. */
export const MAX_SITE_VERTICES = 20_000;

/** A 400/422 problem naming the first bad field, with every error as `errors`. */
export function fieldProblem(errors: SiteImportError[], status = 400): HttpError {
  const first = errors[0];
  return new HttpError(status, status === 400 ? 'Bad Request' : 'Unprocessable Content', `${first.field}: ${first.message}`, {}, { field: first.field, errors });
}

const list = (q: unknown, name: string, allowed?: readonly string[]): string[] => {
  if (q === undefined) return [];
  if (typeof q !== 'string') throw fieldProblem([{ field: name, message: `${name} must be given once, as a comma-separated list.` }]);
  const items = [...new Set(q.split(',').map((s) => s.trim()).filter(Boolean))];
  const bad = allowed ? items.filter((s) => !allowed.includes(s)) : items.filter((s) => !isId(s));
  if (bad.length) throw fieldProblem([{ field: name, message: allowed ? `Unknown ${name} ${JSON.stringify(bad[0])}: expected ${allowed.join(', ')}.` : `Invalid ${name} ${JSON.stringify(bad[0])}.` }]);
  return items;
};
const num = (q: unknown, name: string): number | null => {
  if (q === undefined) return null;
  const n = typeof q === 'string' && q.trim() !== '' ? Number(q) : NaN;
  if (!Number.isFinite(n) || n < 0 || n > 1e9) throw fieldProblem([{ field: name, message: `${name} must be a number ≥ 0.` }]);
  return n;
};

/** Reads the query of GET /api/sites (and the export); 400 naming the parameter for anything malformed. */
export function parseSiteFilter(q: Record<string, unknown>): SiteFilter {
  const known = ['status', 'kind', 'park', 'chain', 'land_use', 'min_area_mu', 'max_area_mu', 'min_floor_area_m2', 'bbox', 'f'];
  const unknown = Object.keys(q).filter((k) => !known.includes(k));
  if (unknown.length) throw fieldProblem([{ field: unknown[0], message: `Unknown parameter "${unknown[0]}". Filters: ${known.filter((k) => k !== 'f').join(', ')}.` }]);
  let bbox: SiteFilter['bbox'] = null;
  if (q.bbox !== undefined) {
    const p = typeof q.bbox === 'string' ? q.bbox.split(',').map(Number) : [];
    if (p.length !== 4 || p.some((x) => !Number.isFinite(x)) || p[0] > p[2] || p[1] > p[3] || p[0] < -180 || p[2] > 180 || p[1] < -90 || p[3] > 90) {
      throw fieldProblem([{ field: 'bbox', message: 'bbox must be minLon,minLat,maxLon,maxLat in WGS84.' }]);
    }
    bbox = p as [number, number, number, number];
  }
  const landUse = list(q.land_use, 'land_use', undefined);
  const f: SiteFilter = {
    status: list(q.status, 'status', INVENTORY_STATUSES),
    kind: list(q.kind, 'kind', SITE_KINDS),
    park: list(q.park, 'park'),
    chain: list(q.chain, 'chain'),
    land_use: landUse,
    min_area_mu: num(q.min_area_mu, 'min_area_mu'),
    max_area_mu: num(q.max_area_mu, 'max_area_mu'),
    min_floor_area_m2: num(q.min_floor_area_m2, 'min_floor_area_m2'),
    bbox,
  };
  if (landUse.some((c) => !/^[0-9]{2,6}$/.test(c))) throw fieldProblem([{ field: 'land_use', message: 'land_use must be class codes of the 用地用海分类指南, e.g. 1001 or 100101.' }]);
  if (f.min_area_mu !== null && f.max_area_mu !== null && f.min_area_mu > f.max_area_mu) throw fieldProblem([{ field: 'min_area_mu', message: 'min_area_mu exceeds max_area_mu.' }]);
  return f;
}

/**
 * Checks a site about to be written against the database: park, chains, land-use class (a code, an old
 * GB 50137 alias such as M1 or a class name becomes the code), zone, and the geometry (GeoJSON; a point,
 * polygon or multipolygon, valid, inside the district). Returns the field errors (empty = may be written)
 * and the resolved values.
 */
export async function checkSite(db: Queryable, values: SiteValues, geometry: unknown | undefined, merged: SiteValues): Promise<{ errors: SiteImportError[]; values: SiteValues; geojson: string | null }> {
  const repo = new SitesRepository(db);
  const errors: SiteImportError[] = [...crossFieldErrors(merged)];
  const out = { ...values };
  const park = (values.park_id as string | null | undefined) ?? null;
  const chains = (values.chains as string[] | undefined) ?? [];
  const lu = (values.land_use_code as string | null | undefined) ?? null;
  const zone = (values.zone_id as string | null | undefined) ?? null;
  const r = await repo.refs(park, chains, lu, zone);
  if (park !== null && !r.park) errors.push({ field: 'park_id', message: `Unknown park "${park}".` });
  if (r.unknown_chains.length) errors.push({ field: 'chains', message: `Unknown chain(s): ${r.unknown_chains.join(', ')}.` });
  if (lu !== null) {
    if (!r.land_use) errors.push({ field: 'land_use_code', message: `Unknown land-use class "${lu}" (use a code of the 用地用海分类指南 such as 100101, or its name).` });
    else out.land_use_code = r.land_use;
  }
  if (zone !== null && !r.zone) errors.push({ field: 'zone_id', message: `zone_id "${zone}" is not a mapped polygon.` });
  let geojson: string | null = null;
  if (geometry !== undefined) {
    geojson = JSON.stringify(geometry);
    if (geojson.length > 5_000_000) errors.push({ field: 'geometry', message: 'geometry is too large.' });
    else errors.push(...(await geometryErrors(repo, geojson)));
  }
  return { errors, values: out, geojson };
}

/** What is wrong with a site geometry (GeoJSON text, WGS84): not GeoJSON, wrong type, invalid, too big, outside the district. */
export async function geometryErrors(repo: SitesRepository, geojson: string): Promise<SiteImportError[]> {
  let c;
  try {
    c = await repo.checkGeometry(geojson);
  } catch (e) {
    return [{ field: 'geometry', message: `geometry is not valid GeoJSON: ${(e as Error).message}` }];
  }
  if (!c.type || c.empty) return [{ field: 'geometry', message: 'geometry is empty or not GeoJSON.' }];
  if (!['POINT', 'POLYGON', 'MULTIPOLYGON'].includes(c.type)) return [{ field: 'geometry', message: `A site is a Point (a building) or a Polygon/MultiPolygon (a plot or footprint); got ${c.type}.` }];
  if (c.points > MAX_SITE_VERTICES) return [{ field: 'geometry', message: `geometry has ${c.points} vertices; at most ${MAX_SITE_VERTICES}.` }];
  if (!(c.xmin >= -180 && c.xmax <= 180 && c.ymin >= -90 && c.ymax <= 90)) return [{ field: 'geometry', message: 'Coordinates must be WGS84 longitude/latitude.' }];
  if (!c.valid) return [{ field: 'geometry', message: `geometry is invalid: ${c.reason}.` }];
  if (!c.inside) return [{ field: 'geometry', message: `The site (${c.xmin.toFixed(5)}, ${c.ymin.toFixed(5)}) lies outside the district (高港区); check the coordinates and their coordinate system.` }];
  return [];
}

/** The history of a site, newest first, each version with what changed against the one before. */
export async function siteHistory(db: Queryable, id: string): Promise<SiteVersion[]> {
  const rows = await new SitesRepository(db).history(id);
  const skip = new Set(['version', 'updated_at', 'updated_by', 'created_at', 'seed_hash']);
  const out: SiteVersion[] = [];
  let prev: Record<string, unknown> | null = null;
  let prevGeom: string | null = null;
  for (const r of rows) {
    const changes: SiteVersion['changes'] = {};
    if (r.op !== 'delete') {
      for (const [k, v] of Object.entries(r.data)) {
        if (skip.has(k)) continue;
        const before = prev ? prev[k] ?? null : null;
        if (JSON.stringify(before) !== JSON.stringify(v ?? null)) changes[k] = { from: before, to: v ?? null };
      }
      if (r.geometry !== prevGeom) changes.geometry = { from: prevGeom ? JSON.parse(prevGeom) : null, to: JSON.parse(r.geometry) };
    }
    out.push({ version: r.version, op: r.op as SiteVersion['op'], changed_by: r.changed_by, changed_at: r.changed_at, changes });
    if (r.op !== 'delete') {
      prev = r.data;
      prevGeom = r.geometry;
    }
  }
  return out.reverse();
}

/** 412 with the current site, as for features: the version sent is not the version stored. */
export async function siteConflict(db: Queryable, id: string, sent: number): Promise<never> {
  const cur = await new SitesRepository(db).featureJson(id);
  if (cur === null) throw new HttpError(404, 'Not Found', `Site "${id}" does not exist.`);
  const f = JSON.parse(cur) as { properties: { version: number } };
  throw new HttpError(412, 'Precondition Failed', `Site "${id}" was changed by someone else: you edited version ${sent}, it is now version ${f.properties.version}.`, {}, {
    sent_version: sent, current_version: f.properties.version, current: f,
  });
}

export { badRequest };
