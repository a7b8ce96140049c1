import { badRequest } from './problem.js';

const ID = /^[a-z0-9][a-z0-9_-]{0,79}$/;

/** A text id as used for layers, features and chains: lower-case ASCII, digits, '-' and '_', ≤ 80 chars. */
export function parseId(raw: unknown, what = 'id'): string {
  if (typeof raw !== 'string' || !ID.test(raw)) throw badRequest(`Invalid ${what}: expected lower-case letters, digits, "-" or "_" (1–80 characters).`);
  return raw;
}
