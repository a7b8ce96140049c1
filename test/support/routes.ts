import type { Express } from 'express';
import type { Queryable } from '../../server/src/db/database.js';

export interface RouteInfo {
  method: string;
  /** Express path with :params, e.g. /api/features/:id. */
  path: string;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: string;
}

/** Every route the app serves, read from Express's own router stack (so a new route is never missed). */
export function listRoutes(app: Express): RouteInfo[] {
  const out: RouteInfo[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const l of stack) {
      if (l.route) {
        for (const m of Object.keys(l.route.methods)) if (m !== '_all') out.push({ method: m.toUpperCase(), path: prefix + l.route.path });
      } else if (l.handle?.stack) {
        walk(l.handle.stack, prefix + (l.rawPath === undefined || l.rawPath === '/' ? '' : l.rawPath));
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  // Regex routes (the client's catch-all) have no string path; they are not API routes.
  return out.filter((r) => typeof r.path === 'string' && !r.path.includes('[object'));
}

/** The names of a route's :params in order. */
export const routeParams = (path: string) => [...path.matchAll(/:([A-Za-z_]+)/g)].map((m) => m[1]);

/**
 * One md5 per table over all its rows as text in a total order: every base table of every user schema,
 * including history, audit log, sessions and import staging. Equal maps = byte-for-byte equal data.
 */
export async function tableChecksums(db: Queryable): Promise<Record<string, string>> {
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const t of tables) {
    const { rows } = await db.query<{ n: number; sum: string }>(`SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS sum FROM ${t.name} x`);
    out[t.name] = `${rows[0].n}:${rows[0].sum}`;
  }
  return out;
}
