import { Router } from 'express';
import type { Database } from '../db/database.js';
import { HttpError, badRequest, notFound } from '../http/problem.js';
import { parseId } from '../http/params.js';
import { CompareRepository, type CompareRef, type SideRow } from './compare.repository.js';

const REF = /^([a-z0-9][a-z0-9_-]{0,79})(?:@(\d{1,9}))?$/;

/** Reads `id` or `id@version` (a history version); 400 otherwise. */
export function parseFeatureRef(raw: unknown, name: string): CompareRef {
  const m = typeof raw === 'string' ? REF.exec(raw) : null;
  if (!m) throw badRequest(`${name} must be a feature id, optionally with @version (e.g. "zone-1@3").`);
  const version = m[2] === undefined ? null : Number(m[2]);
  if (version !== null && version < 1) throw badRequest(`${name}: versions start at 1.`);
  return { feature: m[1], version };
}

const describe = (ref: CompareRef) => ('layer' in ref ? `layer "${ref.layer}"` : `feature "${ref.feature}"${ref.version === null ? '' : ` version ${ref.version}`}`);

const label = (s: SideRow) => ({
  kind: s.kind, id: s.id, version: s.version, name_zh: s.name_zh, name_en: s.name_en,
  changed_by: s.changed_by, changed_at: s.changed_at, features: s.features,
});

/**
 * Plan-version compare: GET /compare?a=<feature>[@<version>]&b=<feature>[@<version>] or
 * ?layerA=<layer>&layerB=<layer>. Answers both geometries with their labels and the unchanged, added
 * (in B, not in A) and removed (in A, not in B) areas computed by PostGIS (geodesic, on geography), in m².
 * Read-only, public like the history it reads.
 */
export function compareRoutes(db: Database): Router {
  const r = Router();
  r.get('/compare', async (req, res) => {
    const q = req.query;
    const extra = Object.keys(q).filter((k) => !['a', 'b', 'layerA', 'layerB'].includes(k));
    if (extra.length) throw badRequest(`Unknown query parameter(s): ${extra.join(', ')}. Use a and b, or layerA and layerB.`);
    let a: CompareRef;
    let b: CompareRef;
    if (q.a !== undefined || q.b !== undefined) {
      if (q.layerA !== undefined || q.layerB !== undefined) throw badRequest('Compare two features (a, b) or two layers (layerA, layerB), not both.');
      a = parseFeatureRef(q.a, 'a');
      b = parseFeatureRef(q.b, 'b');
    } else if (q.layerA !== undefined || q.layerB !== undefined) {
      a = { layer: parseId(q.layerA, 'layerA') };
      b = { layer: parseId(q.layerB, 'layerB') };
    } else {
      throw badRequest('Say what to compare: ?a=<feature>@<version>&b=<feature>@<version>, or ?layerA=<layer>&layerB=<layer>.');
    }
    const repo = new CompareRepository(db);
    const [sa, sb] = await Promise.all([repo.side(a), repo.side(b)]);
    if (!sa) throw notFound(`There is no ${describe(a)} to compare (or it has no features).`);
    if (!sb) throw notFound(`There is no ${describe(b)} to compare (or it has no features).`);
    for (const [s, ref] of [[sa, a], [sb, b]] as const) {
      if (s.dim !== 2) throw new HttpError(422, 'Unprocessable Content', `${describe(ref)} is not an area (polygon): only areas can be compared.`);
    }
    const areas = JSON.parse(await repo.overlay(sa.ewkb, sb.ewkb)) as Record<string, unknown>;
    res.set('Cache-Control', 'no-cache');
    res.json({
      a: { ...label(sa), geometry: JSON.parse(sa.geometry) as unknown },
      b: { ...label(sb), geometry: JSON.parse(sb.geometry) as unknown },
      ...areas,
      unit: 'm²',
      method: 'PostGIS ST_Intersection / ST_Difference, geodesic ST_Area on geography',
    });
  });
  return r;
}
