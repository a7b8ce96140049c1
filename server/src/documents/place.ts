import { normaliseForQuote } from '../../../seeds/normalise.js';

/** A quote's place in a document: the first and last paragraph (seq) it spans. */
export interface QuotePlace {
  first_seq: number;
  last_seq: number;
}

/**
 * Paragraphs as one whitespace-free string with the offset where each starts, so a quote (which may run
 * over several paragraphs: a table row's fragments, a sentence the splitter cut at a heading) is found
 * once and mapped to the paragraphs it covers. The splitter keeps every non-whitespace character in order,
 * so this string equals the normalised document body.
 */
export class ParagraphIndex {
  private readonly text: string;
  private readonly starts: number[] = [];
  private readonly seqs: number[] = [];

  constructor(paragraphs: Array<{ seq: number; text: string }>) {
    let text = '';
    for (const p of paragraphs) {
      this.starts.push(text.length);
      this.seqs.push(p.seq);
      text += normaliseForQuote(p.text);
    }
    this.text = text;
  }

  /** The normalised text of all paragraphs. */
  get normalised(): string {
    return this.text;
  }

  /** Whether the quote is in the document, whitespace-insensitively. */
  has(quote: string): boolean {
    const q = normaliseForQuote(quote);
    return q.length > 0 && this.text.includes(q);
  }

  /** Where the quote first occurs, or null when it is not in the document. */
  place(quote: string): QuotePlace | null {
    const q = normaliseForQuote(quote);
    if (!q) return null;
    const at = this.text.indexOf(q);
    if (at < 0) return null;
    return { first_seq: this.seqs[this.paragraphAt(at)], last_seq: this.seqs[this.paragraphAt(at + q.length - 1)] };
  }

  private paragraphAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
