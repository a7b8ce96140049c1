import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router } from 'express';
import type { Queryable } from '../db/database.js';
import { notFound } from '../http/problem.js';
import { parseId } from '../http/params.js';
import { PortableService } from './portable.service.js';

/** Where the client build puts the presenter when the app is given no client directory: ATLAS_CLIENT_DIR or dist/client. */
function defaultBundleDir(): string {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  return path.join(process.env.ATLAS_CLIENT_DIR ?? path.join(root, 'dist/client'), 'portable');
}

/** GET /briefings/:id/export.html — the briefing as one self-contained HTML file (mount under /api). */
export function portableRoutes(db: Queryable, bundleDir: string | null): Router {
  const r = Router();
  const service = new PortableService(db, bundleDir ?? defaultBundleDir());
  r.get('/briefings/:id/export.html', async (req, res) => {
    const id = parseId(req.params.id, 'briefing id');
    const out = await service.export(id);
    if (!out) throw notFound('No such briefing.');
    const bytes = Buffer.byteLength(out.html, 'utf8');
    res.set('Cache-Control', 'no-store');
    res.set('Content-Disposition', `attachment; filename="${id}.html"`);
    // The size and contents, so the client can tell the presenter what they carry.
    res.set('X-Atlas-Portable-Bytes', String(bytes));
    res.set('X-Atlas-Portable-Layers', out.layers.join(','));
    res.set('X-Atlas-Portable-Font-Files', String(out.fontFiles));
    res.type('text/html; charset=utf-8').send(out.html);
  });
  return r;
}
