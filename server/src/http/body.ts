import type { RequestHandler } from 'express';
import { HttpError, badRequest } from './problem.js';

/** How deep a JSON body may nest: GeoJSON needs 6, saved views about 8. */
export const MAX_JSON_DEPTH = 32;

/** The nesting depth of a parsed JSON value, counted without recursion (a hostile body cannot blow the stack). */
export function jsonDepth(value: unknown, stopAt = Infinity): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > max) max = d;
    if (max > stopAt) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, d + 1]);
  }
  return max;
}

/** PostgreSQL text cannot hold NUL: a URL with %00 is refused at the door rather than failing in SQL. */
export const rejectNulInUrl: RequestHandler = (req, _res, next) => {
  if (/%00/.test(req.url)) throw badRequest('NUL characters (%00) are not allowed in the URL.');
  next();
};

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Bodies the API understands: JSON everywhere, multipart only where a route reads it. A body of any other
 * type would be skipped by the JSON parser and the route would see no body at all — so a mislabelled
 * request could succeed as if it had sent `{}`. Such requests get 415. JSON nested deeper than
 * MAX_JSON_DEPTH gets 400 (deeper bodies are never meaningful and would exhaust the stack of later code).
 */
export function checkBody(multipartPaths: Array<string | RegExp>): RequestHandler {
  return (req, _res, next) => {
    if (SAFE.has(req.method)) return next();
    const length = req.get('content-length');
    const hasBody = (length !== undefined && length !== '0') || req.get('transfer-encoding') !== undefined;
    if (hasBody) {
      const type = req.get('content-type') ?? '';
      const takesFile = multipartPaths.some((p) => (typeof p === 'string' ? p === req.path : p.test(req.path)));
      const multipart = /^multipart\/form-data/i.test(type) && req.method === 'POST' && takesFile;
      if (!JSON_TYPE.test(type) && !multipart) {
        throw new HttpError(415, 'Unsupported Media Type', takesFile ? 'Send the file as multipart/form-data.' : 'Send the body as application/json.');
      }
    }
    if (req.body !== undefined && jsonDepth(req.body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) throw badRequest(`The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels.`);
    if (req.body !== undefined && JSON.stringify(req.body).includes('\\u0000')) throw badRequest('NUL characters (\\u0000) are not allowed in text.');
    next();
  };
}
