import type { RequestHandler } from 'express';
import { HttpError } from './problem.js';

/**
 * A fixed-window limiter per key (default: client IP), in process memory. Enough for one server;
 * behind several instances put the limit in the proxy as well.
 */
export function rateLimit(opts: { windowMs: number; max: number; key?: (req: Parameters<RequestHandler>[0]) => string }): RequestHandler {
  const hits = new Map<string, { n: number; reset: number }>();
  return (req, res, next) => {
    const now = Date.now();
    const key = opts.key?.(req) ?? req.ip ?? 'unknown';
    let h = hits.get(key);
    if (!h || h.reset <= now) {
      h = { n: 0, reset: now + opts.windowMs };
      hits.set(key, h);
      if (hits.size > 10_000) for (const [k, v] of hits) if (v.reset <= now) hits.delete(k);
    }
    h.n++;
    res.set('RateLimit-Limit', String(opts.max));
    res.set('RateLimit-Remaining', String(Math.max(0, opts.max - h.n)));
    if (h.n > opts.max) {
      const retry = Math.ceil((h.reset - now) / 1000);
      throw new HttpError(429, 'Too Many Requests', `Too many attempts; try again in ${retry} s.`, { 'Retry-After': String(retry) });
    }
    next();
  };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface WriteLimit {
  windowMs: number;
  max: number;
}

/** The default write limit: ATLAS_WRITE_LIMIT writes per minute (default 300) per session, or per IP without one. */
export function defaultWriteLimit(env: NodeJS.ProcessEnv = process.env): WriteLimit {
  const max = Number(env.ATLAS_WRITE_LIMIT ?? 300);
  return { windowMs: 60_000, max: Number.isInteger(max) && max > 0 ? max : 300 };
}

/**
 * Limits writes (every method but GET/HEAD/OPTIONS) per session cookie, or per client IP for requests
 * without one: 429 with Retry-After beyond the limit. Reads are never limited here.
 */
export function writeRateLimit(limit: WriteLimit, cookieName: string): RequestHandler {
  const limiter = rateLimit({
    ...limit,
    key: (req) => {
      const sid = (req.cookies as Record<string, string> | undefined)?.[cookieName];
      return typeof sid === 'string' && sid.length > 0 && sid.length < 100 ? `s:${sid}` : `ip:${req.ip ?? 'unknown'}`;
    },
  });
  return (req, res, next) => (SAFE.has(req.method) ? next() : limiter(req, res, next));
}
