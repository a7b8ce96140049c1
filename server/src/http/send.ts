import crypto from 'node:crypto';
import type { Request, Response } from 'express';

/** A strong ETag for a body: the same bytes always give the same tag. */
export const etagOf = (body: string | Buffer) => `"${crypto.createHash('sha1').update(body).digest('base64url')}"`;

/** True when the request's If-None-Match already names this tag. */
export const isFresh = (req: Request, etag: string) =>
  (req.headers['if-none-match'] ?? '').split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`);

/**
 * Sends a JSON text built by PostGIS as it is (no re-parse), with a strong ETag and
 * revalidation caching; answers 304 when the client already has it.
 */
export function sendJsonText(req: Request, res: Response, body: string, opts: { etag?: string; type?: string; maxAge?: number } = {}) {
  const etag = opts.etag ?? etagOf(body);
  res.set('ETag', etag);
  res.set('Cache-Control', `public, max-age=${opts.maxAge ?? 0}, must-revalidate`);
  res.type(opts.type ?? 'application/json; charset=utf-8');
  if (isFresh(req, etag)) return res.status(304).end();
  return res.send(body);
}
