/**
 * The client's quote finder (client/src/lib/quote-match.ts), which the document viewer uses to
 * highlight a citation, must find every seed quote of the plan documents and map it back to a span
 * of the original text that says exactly the quote once whitespace is ignored.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findQuote, normaliseWithOrigin, stripWhitespace } from '../../client/src/lib/quote-match';

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));
const readJson = <T>(p: string): T => JSON.parse(readFileSync(p, 'utf8')) as T;

interface Cite { doc: string; quote: string }

/** Every {doc, quote} object anywhere inside a JSON value. */
function cites(value: unknown, out: Cite[] = []): Cite[] {
  if (Array.isArray(value)) for (const v of value) cites(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.doc === 'string' && typeof o.quote === 'string') out.push({ doc: o.doc, quote: o.quote });
    else for (const v of Object.values(o)) cites(v, out);
  }
  return out;
}

describe('findQuote', () => {
  it('ignores whitespace on both sides and returns the span in the original text', () => {
    const text = '一、目标\n到2027年，力争30条产业链\n\t销售收入达7500亿元。';
    const span = findQuote(normaliseWithOrigin(text), '力争30条产业链销售 收入达7500亿元');
    expect(span).not.toBeNull();
    expect(text.slice(span!.start, span!.end)).toBe('力争30条产业链\n\t销售收入达7500亿元');
  });

  it('treats full-width spaces and NBSP as whitespace and returns null for an absent or empty quote', () => {
    const doc = normaliseWithOrigin('合计\u3000\u00a06113');
    expect(findQuote(doc, '合计6113')).toEqual({ start: 0, end: 8 });
    expect(findQuote(doc, '合计7452')).toBeNull();
    expect(findQuote(doc, ' \n')).toBeNull();
  });

  it('finds every seed quote of the plan documents', () => {
    const docs = readJson<Array<{ id: string; file: string }>>(join(SEEDS, 'documents.json'));
    const text = new Map(docs.map((d) => [d.id, readFileSync(join(SEEDS, 'documents', d.file), 'utf8')]));
    const all = ['chains.json', 'targets.json', 'discrepancies.json'].flatMap((f) => cites(readJson(join(SEEDS, f))));
    const planCites = all.filter((c) => !c.doc.startsWith('ext:'));
    expect(planCites.length).toBeGreaterThan(300);
    const normalised = new Map([...text].map(([id, t]) => [id, normaliseWithOrigin(t)]));
    const misses: string[] = [];
    for (const c of planCites) {
      const span = findQuote(normalised.get(c.doc)!, c.quote);
      if (!span || stripWhitespace(text.get(c.doc)!.slice(span.start, span.end)) !== stripWhitespace(c.quote)) misses.push(`${c.doc}: ${c.quote}`);
    }
    expect(misses).toEqual([]);
  });
});
