/**
 * Helpers shared by the seed extract scripts (seeds/extract/*.ts): load a source document, turn a
 * search string into a verbatim quote, parse a value_text into value / value_max / qualifier.
 * Deterministic: same documents in, same JSON out.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseForQuote } from '../normalise';

export const SEEDS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

export type Qualifier = 'exact' | 'over' | 'at_least' | 'about' | 'strive' | 'range' | 'under';
export interface Cite { doc: string; quote: string }

interface DocEntry { id: string; file: string }
const docCache = new Map<string, { raw: string; norm: string; map: number[] }>();

/** The raw text of a document plus its normalised text and a map normalised index → raw index. */
export function loadDoc(id: string): { raw: string; norm: string; map: number[] } {
  const hit = docCache.get(id);
  if (hit) return hit;
  const list = JSON.parse(readFileSync(join(SEEDS_DIR, 'documents.json'), 'utf8')) as DocEntry[];
  const entry = list.find((d) => d.id === id);
  if (!entry) throw new Error(`unknown document ${id}`);
  const raw = readFileSync(join(SEEDS_DIR, 'documents', entry.file), 'utf8');
  let norm = '';
  const map: number[] = [];
  // iterate by code unit: \s never matches a surrogate half, so indices stay aligned
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (/\s/u.test(ch)) continue;
    norm += ch;
    map.push(i);
  }
  if (norm !== normaliseForQuote(raw)) throw new Error(`normalisation mismatch for ${id}`);
  const out = { raw, norm, map };
  docCache.set(id, out);
  return out;
}

/**
 * Return the verbatim slice of document `doc` whose normalised form equals normalise(search).
 * Throws if the text is not in the document (so a typo can never reach the JSON).
 */
export function quote(doc: string, search: string): Cite {
  const d = loadDoc(doc);
  const needle = normaliseForQuote(search);
  if (!needle) throw new Error('empty quote');
  const at = d.norm.indexOf(needle);
  if (at < 0) throw new Error(`quote not found in ${doc}: ${search}`);
  const start = d.map[at];
  const end = d.map[at + needle.length - 1] + 1;
  return { doc, quote: d.raw.slice(start, end) };
}

/** Whether normalised `needle` occurs in document `doc`. */
export function inDoc(doc: string, needle: string): boolean {
  return loadDoc(doc).norm.includes(normaliseForQuote(needle));
}

const NUM = String.raw`\d+(?:\.\d+)?`;
const RANGE_RE = new RegExp(`(${NUM})\\s*[-−–—－~～]\\s*(${NUM})`, 'u');

/** Parse a value as the document writes it ("超100", "力争2200", "2−3", "约5.5%", "﹥20%", "1/3以上"). */
export function parseValue(valueText: string): { value: number | null; value_max: number | null; qualifier: Qualifier } {
  const t = valueText;
  const range = RANGE_RE.exec(t);
  if (range) return { value: Number(range[1]), value_max: Number(range[2]), qualifier: 'range' };
  let value: number | null;
  const frac = /(\d+)\s*\/\s*(\d+)/u.exec(t);
  if (frac) value = Number(frac[1]) / Number(frac[2]);
  else if (/万亿/u.test(t) && !/\d/u.test(t)) value = 10000; // 过万亿 = 10000 亿元
  else {
    const m = new RegExp(NUM, 'u').exec(t);
    value = m ? Number(m[0]) : null;
  }
  let qualifier: Qualifier = 'exact';
  if (/力争/u.test(t)) qualifier = 'strive';
  else if (/不低于|至少|不少于|≥|⩾/u.test(t)) qualifier = 'at_least';
  else if (/以内|不超过|＜|<|≤/u.test(t)) qualifier = 'under';
  else if (/超|突破|过|以上|多|﹥|>|＞/u.test(t)) qualifier = 'over';
  else if (/约|左右|近/u.test(t)) qualifier = 'about';
  return { value, value_max: null, qualifier };
}

/** Write pretty JSON with a trailing newline. */
export function writeJson(relPath: string, data: unknown): void {
  writeFileSync(join(SEEDS_DIR, relPath), JSON.stringify(data, null, 2) + '\n', 'utf8');
}
