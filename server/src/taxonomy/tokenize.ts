import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { stemmer } from 'stemmer';

/**
 * One token of a query or a term: Chinese words come from jieba (with the taxonomy as its user dictionary),
 * Latin words are lower-cased and Porter-stemmed. `key` is what terms are compared by; `raw` is the text as typed.
 */
export interface Token {
  raw: string;
  key: string;
  cjk: boolean;
}

let jieba: Jieba | null = null;
const userWords = new Set<string>();

/** The process's one jieba: its 350k-word dictionary is parsed once (≈ 0.2 s), user words are added to it. */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/**
 * Adds Chinese terms to the segmenter's dictionary so each comes out as one word (润滑油添加剂, 新型显示). Only
 * words the general dictionary does not already keep whole are added, with a modest frequency: enough to beat a
 * split into common words, not enough to break the dictionary's own longer words (电子烟 stays 电子烟, not 电子+烟).
 */
export function addUserWords(words: Iterable<string>): void {
  const seg = segmenter();
  const fresh = [...new Set(words)].filter((w) => /\p{Script=Han}/u.test(w) && !/\s/.test(w) && !userWords.has(w));
  for (const w of fresh) userWords.add(w);
  const missing = fresh.filter((w) => seg.cut(w, false).length > 1);
  if (missing.length) seg.loadDict(Buffer.from(missing.map((w) => `${w} 3000 n`).join('\n')));
}

/** NFKC (full-width letters, digits and dashes to ASCII), one dash, lower case. */
export function normalise(text: string): string {
  return text.normalize('NFKC').replace(/[‐‑‒–—―−－]/g, '-').toLowerCase();
}

const HAN = /\p{Script=Han}+/gu;

/** Latin words of a non-Chinese run: letters and digits, split on everything else ("car-t" → car, t). */
function latinTokens(run: string): Token[] {
  return (run.match(/[a-z0-9]+/g) ?? []).map((w) => ({ raw: w, key: /^[a-z]+$/.test(w) ? stemmer(w) : w, cjk: false }));
}

/** Tokens of a text in order: jieba words for Chinese runs, stemmed words for the rest. */
export function tokenize(text: string): Token[] {
  const s = normalise(text);
  const out: Token[] = [];
  let last = 0;
  for (const m of s.matchAll(HAN)) {
    out.push(...latinTokens(s.slice(last, m.index)));
    for (const w of segmenter().cut(m[0], false)) out.push({ raw: w, key: w, cjk: true });
    last = m.index + m[0].length;
  }
  out.push(...latinTokens(s.slice(last)));
  return out;
}

/**
 * The comparison key of a token span: Chinese tokens are joined without a separator (so a term matches however
 * jieba splits it, but only on word boundaries), Latin ones with a space.
 */
export function spanKey(tokens: readonly Token[], from: number, to: number): string {
  let key = '';
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (i > from) key += t.cjk && tokens[i - 1].cjk ? '' : ' ';
    key += t.key;
  }
  return key;
}
