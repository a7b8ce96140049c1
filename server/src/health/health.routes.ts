import { Router } from 'express';
import type { Database } from '../db/database.js';

/** GET /api/health: the engine and its PostGIS version; 503 when the database does not answer. */
export function healthRoutes(db: Database): Router {
  const r = Router();
  r.get('/health', async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    const { rows } = await db.query<{ postgis: string }>('SELECT postgis_lib_version() AS postgis');
    res.json({ status: 'ok', database: db.engine, postgis: rows[0].postgis });
  });
  return r;
}
