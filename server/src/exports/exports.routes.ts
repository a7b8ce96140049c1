import { Router, type Request } from 'express';
import type { Database } from '../db/database.js';
import { badRequest } from '../http/problem.js';
import { parseId } from '../http/params.js';
import { SUPPORTED_CRS } from '../ogc/crs.js';
import { ExportsService, FORMATS, type ExportFormat } from './exports.service.js';
import type { ExportFilter } from './exports.repository.js';

const PARAMS = ['layer', 'ids', 'bbox', 'format', 'crs'];
const SRIDS = [...new Set(SUPPORTED_CRS.map((c) => c.srid))];

/** Each query parameter at most once and only known ones (a typo must not silently export everything). */
function params(req: Request): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(req.originalUrl.split('?')[1] ?? '')) {
    if (!PARAMS.includes(k)) throw badRequest(`Unknown query parameter "${k}". Allowed: ${PARAMS.join(', ')}.`);
    if (out.has(k)) throw badRequest(`Query parameter "${k}" is given more than once.`);
    out.set(k, v);
  }
  return out;
}

/** EPSG:n or an OGC CRS URI from the whitelist in crs.ts; default EPSG:4326; 400 for any other. */
export function parseSrid(raw: string | undefined): number {
  if (raw === undefined) return 4326;
  const m = /^EPSG:(\d+)$/i.exec(raw.trim()) ?? /^https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/0\/(\d+)$/.exec(raw.trim());
  const srid = m ? Number(m[1]) : SUPPORTED_CRS.find((c) => c.uri === raw)?.srid;
  if (!srid || !SRIDS.includes(srid)) throw badRequest(`Unsupported crs "${raw.slice(0, 80)}". Use one of ${SRIDS.map((s) => `EPSG:${s}`).join(', ')}.`);
  return srid;
}

function parseBbox(raw: string): [number, number, number, number] {
  const n = raw.split(',').map((p) => (p.trim() === '' ? NaN : Number(p)));
  if (n.length !== 4 || n.some((v) => !Number.isFinite(v))) throw badRequest('bbox must be minLng,minLat,maxLng,maxLat in WGS 84 degrees.');
  const [x0, y0, x1, y1] = n;
  if (x0 < -180 || x1 > 180 || y0 < -90 || y1 > 90 || x0 > x1 || y0 > y1) throw badRequest('bbox must be minLng,minLat,maxLng,maxLat within ±180/±90, minimum first.');
  return [x0, y0, x1, y1];
}

/**
 * GET /export?layer=<id>[&ids=a,b][&bbox=minLng,minLat,maxLng,maxLat]&format=geojson|shp|gpkg|kml|csv|fgb|gdb|dxf&crs=EPSG:4326|EPSG:4490|EPSG:4549
 * A layer, a selection of ids, a bbox, or any combination (all must hold), as a file download.
 */
export function exportsRoutes(db: Database): Router {
  const r = Router();
  const service = new ExportsService(db);
  r.get('/export', async (req, res) => {
    const q = params(req);
    const format = (q.get('format') ?? 'geojson').toLowerCase();
    if (!FORMATS.includes(format as ExportFormat)) throw badRequest(`format must be one of ${FORMATS.join(', ')}.`);
    const idsRaw = q.get('ids');
    const ids = idsRaw === undefined ? null : idsRaw.split(',').map((s) => parseId(s.trim(), 'feature id in ids'));
    if (ids && ids.length > 5000) throw badRequest('At most 5000 ids.');
    const filter: ExportFilter = {
      layer: q.has('layer') ? parseId(q.get('layer'), 'layer') : null,
      ids,
      bbox: q.has('bbox') ? parseBbox(q.get('bbox')!) : null,
    };
    if (!filter.layer && !filter.ids && !filter.bbox) throw badRequest('Say what to export: layer, ids and/or bbox.');
    const srid = parseSrid(q.get('crs'));
    const base = filter.layer ?? 'selection';
    const file = await service.export(filter, format as ExportFormat, srid, base);
    res.set('Content-Type', file.contentType);
    res.set('Content-Disposition', `attachment; filename="${file.filename}"`);
    // The CRS of the coordinates in the file (x = easting/longitude in every format).
    res.set('X-Crs', `EPSG:${file.srid}`);
    res.set('X-Feature-Count', String(file.count));
    if (file.notes.length) res.set('X-Export-Notes', encodeURIComponent(file.notes.join(' ')));
    res.set('Cache-Control', 'no-cache');
    res.send(file.body);
  });
  return r;
}
