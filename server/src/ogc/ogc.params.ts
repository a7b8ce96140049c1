import type { Request } from 'express';
import { badRequest } from '../http/problem.js';

/** Page size bounds of /items: default 10, 1–10000; outside that range is a 400 (never silently clamped). */
export const LIMIT = { min: 1, max: 10_000, default: 10 } as const;

/**
 * The request's query parameters, each at most once and each named in `allowed` (OGC API Features
 * /req/core/query-param-unknown: an unknown parameter is a 400). `f`, if given, must be `json`.
 */
export function queryParams(req: Request, allowed: readonly string[]): Map<string, string> {
  const search = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
  const out = new Map<string, string>();
  for (const [k, v] of search) {
    if (k !== 'f' && !allowed.includes(k)) throw badRequest(`Unknown query parameter "${k}". Allowed here: ${['f', ...allowed].join(', ')}.`);
    if (out.has(k)) throw badRequest(`Query parameter "${k}" is given more than once.`);
    out.set(k, v);
  }
  const f = out.get('f');
  if (f !== undefined && f !== 'json') throw badRequest('f must be "json": this API serves JSON and GeoJSON only.');
  return out;
}

/** An integer query parameter within [min, max], or `fallback` when absent; 400 otherwise. */
export function intParam(raw: string | undefined, name: string, min: number, max: number, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^[0-9]{1,9}$/.test(raw)) throw badRequest(`${name} must be an integer ${min}–${max}.`);
  const n = Number(raw);
  if (n < min || n > max) throw badRequest(`${name} must be an integer ${min}–${max}.`);
  return n;
}
