/** Normalise text for the quote check: delete every whitespace character (`\s`, which includes full-width space U+3000 and NBSP). */
export function normaliseForQuote(s: string): string {
  return s.replace(/\s+/gu, '');
}
