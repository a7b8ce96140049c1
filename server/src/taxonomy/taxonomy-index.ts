import { distance } from 'fastest-levenshtein';
import { stemmer } from 'stemmer';
import type { NearestChain, TaxonomyChain, TaxonomySegment } from '../../../contract/taxonomy.js';
import { addUserWords, normalise, spanKey, tokenize, type Token } from './tokenize.js';

/** Where a term points: a chain, and the segment when it is a segment's term. */
interface TermTarget {
  chain: string;
  segment: string | null;
  weight: number;
}

/** A stretch of the query that is a whole taxonomy term (or, for a typo, one corrected word of one). */
export interface TermMatch {
  text: string;
  key: string;
  /** The typed word and the vocabulary word it was read as, when a typo was forgiven. */
  typo: { typed: string; read_as: string } | null;
}

/** How strongly a query names one chain, the words that did, and the segments it named with their words. */
export interface ChainScore {
  chain: string;
  score: number;
  matched: string[];
  segments: Map<string, string[]>;
}

/** What a query says, read against the taxonomy. */
export interface Understanding {
  matches: TermMatch[];
  /** GB/T classes named in the query (given as ?code= or as a 4-digit number) that the taxonomy knows. */
  codes: string[];
  /** Chains named, best first. */
  chains: ChainScore[];
}

/** The chain-level input of the index: a taxonomy chain plus its keywords (seeds/chains.json). */
export type IndexChain = Pick<TaxonomyChain, 'id' | 'name_zh' | 'name_en' | 'terms_zh' | 'terms_en' | 'keywords'> & {
  codes: Array<{ code: string }>;
  segments: Array<Pick<TaxonomySegment, 'id' | 'name_zh' | 'name_en' | 'terms_zh' | 'terms_en'> & { codes: Array<{ code: string }> }>;
};

/** English words that carry no industry (and must not be “corrected” into one: making → baking). */
const STOP = new Set(
  ('a an and are as at be been by can company companies do does for from have has in into is it its looking make makes making manufacture ' +
    'manufacturer manufacturers manufacturing produce produces producing production of on or our ours per plus product products service ' +
    'services supplier suppliers supply the their them these they this those to use used using we with want wants need needs needed space ' +
    'site sites area land factory factories office offices warehouse plant plants building buildings floor square meter meters metre metres ' +
    'hectare hectares acre acres new high end about also based develop developing development industry industries industrial business ' +
    'firm firms group global local china chinese taizhou park parks investor invest investment project projects other others such ' +
    'which who will would like some small large medium world leading based type types kind kinds solution solutions system systems').split(' '),
);

/** Edit distance allowed for a typo: none under 5 letters, 1 for 5–7, 2 for 8 or more. */
export const typoBudget = (word: string) => (word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0);

const WEIGHT = { segment: 3, chain: 2, name: 3, keyword: 1, code: 4, segmentCode: 5 };

/** Character n-grams for the nearest-chain similarity: bigrams of Chinese, trigrams of each Latin word. */
function ngrams(text: string): Set<string> {
  const out = new Set<string>();
  const s = normalise(text);
  for (const run of s.match(/\p{Script=Han}+/gu) ?? []) {
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 2 <= run.length; i++) out.add(run.slice(i, i + 2));
  }
  for (const w of s.match(/[a-z0-9]+/g) ?? []) {
    const p = ` ${w} `;
    for (let i = 0; i + 3 <= p.length; i++) out.add(p.slice(i, i + 3));
  }
  return out;
}

const dice = (a: Set<string>, b: Set<string>) => {
  if (a.size === 0 || b.size === 0) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return (2 * n) / (a.size + b.size);
};

/**
 * The taxonomy as a matcher: every term (chain names, synonyms, segment terms, keywords) by its token key, the
 * Latin vocabulary for typo tolerance, the GB/T codes, and n-grams for the nearest chains. Built once per seed
 * version; Chinese terms are added to jieba's dictionary so they segment as whole words.
 */
export class TaxonomyIndex {
  private readonly terms = new Map<string, TermTarget[]>();
  private readonly latinKeys = new Set<string>();
  private readonly vocabulary = new Map<string, string[]>();
  private readonly codes = new Map<string, TermTarget[]>();
  private readonly grams: Array<{ chain: string; term: string; grams: Set<string> }> = [];
  private maxSpan = 1;
  readonly chains: Map<string, IndexChain>;

  constructor(chains: readonly IndexChain[]) {
    this.chains = new Map(chains.map((c) => [c.id, c]));
    const zh = chains.flatMap((c) => [c.name_zh, ...c.terms_zh, ...c.keywords, ...c.segments.flatMap((s) => [s.name_zh, ...s.terms_zh])]);
    addUserWords(zh.filter((w) => /^\p{Script=Han}+$/u.test(w)));
    for (const c of chains) {
      const add = (term: string, segment: string | null, weight: number) => this.addTerm(term, { chain: c.id, segment, weight });
      for (const t of [c.name_zh, c.name_en]) add(t, null, WEIGHT.name);
      for (const t of [...c.terms_zh, ...c.terms_en]) add(t, null, WEIGHT.chain);
      for (const t of c.keywords) add(t, null, WEIGHT.keyword);
      for (const s of c.segments) for (const t of [s.name_zh, s.name_en, ...s.terms_zh, ...s.terms_en]) add(t, s.id, WEIGHT.segment);
      for (const { code } of c.codes) this.addCode(code, { chain: c.id, segment: null, weight: WEIGHT.code });
      for (const s of c.segments) for (const { code } of s.codes) this.addCode(code, { chain: c.id, segment: s.id, weight: WEIGHT.segmentCode });
    }
  }

  private addTerm(term: string, target: TermTarget) {
    const tokens = tokenize(term);
    if (tokens.length === 0) return;
    const key = spanKey(tokens, 0, tokens.length);
    // A single short Latin token (“t”, “bc”) only counts when the term itself is written that short and upper-case
    // or as a known abbreviation; a lone letter never matches on its own.
    if (tokens.length === 1 && !tokens[0].cjk && tokens[0].raw.length < 2) return;
    const specific = tokens.length > 1 || (tokens[0].cjk && [...tokens[0].raw].length >= 4);
    const list = this.terms.get(key) ?? [];
    list.push({ ...target, weight: target.weight + (specific ? 1 : 0) });
    this.terms.set(key, list);
    this.maxSpan = Math.max(this.maxSpan, tokens.length);
    for (const t of tokens) {
      if (t.cjk) continue;
      this.latinKeys.add(t.key);
      if (t.raw.length >= 5 && /^[a-z]+$/.test(t.raw)) {
        const byLetter = this.vocabulary.get(t.raw[0]) ?? [];
        if (!byLetter.includes(t.raw)) byLetter.push(t.raw);
        this.vocabulary.set(t.raw[0], byLetter);
      }
    }
    this.grams.push({ chain: target.chain, term, grams: ngrams(term) });
  }

  private addCode(code: string, target: TermTarget) {
    const list = this.codes.get(code) ?? [];
    list.push(target);
    this.codes.set(code, list);
  }

  /** True when the code is a GB/T class some chain or segment spans. */
  knowsCode(code: string): boolean {
    return this.codes.has(code);
  }

  /** The vocabulary word a mistyped Latin word was meant as (same first letter, within the typo budget), or null. */
  private correct(word: string): string | null {
    const budget = typoBudget(word);
    if (budget === 0 || STOP.has(word)) return null;
    let best: string | null = null;
    let bestD = budget + 1;
    for (const v of this.vocabulary.get(word[0]) ?? []) {
      if (Math.abs(v.length - word.length) > budget) continue;
      const d = distance(word, v);
      if (d < bestD || (d === bestD && best !== null && v < best)) {
        best = v;
        bestD = d;
      }
    }
    return bestD <= budget ? best : null;
  }

  /** Reads a query: whole-term matches (longest first, on word boundaries only), forgiven typos, named codes. */
  understand(q: string, explicitCode: string | null = null): Understanding {
    const tokens: Token[] = tokenize(q);
    const typos = new Map<number, { typed: string; read_as: string }>();
    tokens.forEach((t, i) => {
      if (t.cjk || this.latinKeys.has(t.key) || !/^[a-z]+$/.test(t.raw)) return;
      const fix = this.correct(t.raw);
      if (fix) {
        typos.set(i, { typed: t.raw, read_as: fix });
        tokens[i] = { raw: t.raw, key: stemmer(fix), cjk: false };
      }
    });
    const matches: Array<TermMatch & { targets: TermTarget[] }> = [];
    for (let i = 0; i < tokens.length; ) {
      let found = 0;
      for (let len = Math.min(this.maxSpan, tokens.length - i); len >= 1; len--) {
        const key = spanKey(tokens, i, i + len);
        const targets = this.terms.get(key);
        if (targets) {
          const typo = [...typos.entries()].find(([j]) => j >= i && j < i + len)?.[1] ?? null;
          const text = tokens.slice(i, i + len).map((t) => t.raw).join(tokens[i].cjk ? '' : ' ');
          matches.push({ text, key, typo, targets });
          found = len;
          break;
        }
      }
      i += found || 1;
    }
    const codes = [...new Set([...(explicitCode ? [explicitCode] : []), ...(normalise(q).match(/(?<![0-9])[0-9]{4}(?![0-9])/g) ?? [])])].filter((c) => this.codes.has(c));
    for (const code of codes) matches.push({ text: code, key: `code:${code}`, typo: null, targets: this.codes.get(code)! });

    const scores = new Map<string, ChainScore>();
    for (const m of matches) {
      const byChain = new Map<string, TermTarget[]>();
      for (const t of m.targets) byChain.set(t.chain, [...(byChain.get(t.chain) ?? []), t]);
      for (const [chain, targets] of byChain) {
        const s = scores.get(chain) ?? { chain, score: 0, matched: [], segments: new Map<string, string[]>() };
        // An ambiguous term (添加剂: foods and lubricants) counts for each of its chains in part.
        s.score += Math.max(...targets.map((t) => t.weight)) / byChain.size;
        const label = m.typo ? `${m.text} → ${m.typo.read_as}` : m.text;
        if (!s.matched.includes(label)) s.matched.push(label);
        for (const t of targets) if (t.segment) s.segments.set(t.segment, [...new Set([...(s.segments.get(t.segment) ?? []), label])]);
        scores.set(chain, s);
      }
    }
    const chains = [...scores.values()].sort((a, b) => b.score - a.score || a.chain.localeCompare(b.chain));
    return { matches: matches.map(({ text, key, typo }) => ({ text, key, typo })), codes, chains };
  }

  /** The chains whose vocabulary is closest to a query that matched none: up to `n`, similarity > 0 only. */
  nearest(q: string, n = 3): NearestChain[] {
    const g = ngrams(q);
    const best = new Map<string, { similarity: number; term: string }>();
    for (const t of this.grams) {
      const sim = dice(g, t.grams);
      if (sim > (best.get(t.chain)?.similarity ?? 0)) best.set(t.chain, { similarity: sim, term: t.term });
    }
    return [...best.entries()]
      .sort((a, b) => b[1].similarity - a[1].similarity || a[0].localeCompare(b[0]))
      .slice(0, n)
      .map(([id, b]) => {
        const c = this.chains.get(id)!;
        return { id, name_zh: c.name_zh, name_en: c.name_en, similarity: Math.round(b.similarity * 100) / 100, closest_term: b.term };
      });
  }
}
