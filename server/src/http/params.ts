import { badRequest } from './problem.js';

const ID = /^[a-z0-9][a-z0-9_-]{0,79}$/;

/** Whether `raw` is a text id as parseId takes it. */
export const isId = (raw: unknown): raw is string => typeof raw === 'string' && ID.test(raw);

/** A text id as used for layers, features and chains: lower-case ASCII, digits, '-' and '_', ≤ 80 chars. */
export function parseId(raw: unknown, what = 'id'): string {
  if (!isId(raw)) throw badRequest(`Invalid ${what}: expected lower-case letters, digits, "-" or "_" (1–80 characters).`);
  return raw;
}
