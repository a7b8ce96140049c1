import crypto from 'node:crypto';

/** Stable citation id: the same document and quote always give the same id (seeds and staff alike). */
export function citationId(c: { doc: string; quote: string }): string {
  return crypto.createHash('sha1').update(`${c.doc}\u0000${c.quote}`).digest('hex').slice(0, 16);
}
