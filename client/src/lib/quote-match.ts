/*
 * Finding a cited quote in its document. The documents are PDF extractions: a sentence may be broken
 * by line feeds, tabs or full-width spaces anywhere, and the stored quote keeps whatever whitespace it
 * was copied with. The seed check (seeds/normalise.ts) deletes every whitespace character from both
 * before matching, so the client does the same and maps the hit back to the original text.
 */

/** A half-open span [start, end) of UTF-16 indices into the original text. */
export interface TextSpan {
  start: number;
  end: number;
}

/** Text with every whitespace character deleted, and for each kept character its index in the original. */
export interface NormalisedText {
  text: string;
  /** origin[i] = index in the original text of normalised character i. */
  origin: number[];
}

// The same class as normaliseForQuote: `\s` with the u flag covers U+3000 and NBSP.
const WHITESPACE = /\s/u;

/** Deletes whitespace exactly as the seed check does, remembering where each kept character came from. */
export function normaliseWithOrigin(text: string): NormalisedText {
  const kept: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (WHITESPACE.test(ch)) continue;
    kept.push(ch);
    origin.push(i);
  }
  return { text: kept.join(''), origin };
}

/** Deletes every whitespace character (the quote side of the match). */
export function stripWhitespace(s: string): string {
  return s.replace(/\s+/gu, '');
}

/**
 * Where `quote` stands in the text whose normalised form is `doc`, ignoring whitespace on both sides;
 * the span runs from the quote's first to its last non-space character. Null if absent or empty.
 */
export function findQuote(doc: NormalisedText, quote: string): TextSpan | null {
  const needle = stripWhitespace(quote);
  if (needle.length === 0) return null;
  const at = doc.text.indexOf(needle);
  if (at < 0) return null;
  return { start: doc.origin[at], end: doc.origin[at + needle.length - 1] + 1 };
}
