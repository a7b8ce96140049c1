/**
 * Checks the stored English renderings of the seed documents (seeds/translations/<doc>.json) and of
 * every seed quote (quotes.json): each paragraph of the document as split today has one, keyed by its
 * text; no English text contains Chinese characters; every number of the Chinese survives (as written,
 * or 亿 converted to billions, 万 to thousands or millions).
 *
 *   npx tsx seeds/translations/check.ts            # every file
 *   npx tsx seeds/translations/check.ts 002        # one document
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { paragraphKey, splitParagraphs, textLines } from '../../server/src/documents/paragraphs.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

export interface ParagraphTranslation { key: string; zh: string; en: string }
export interface DocumentTranslations { document: string; paragraphs: ParagraphTranslation[] }
export interface QuoteTranslation { doc: string; quote: string; en: string }

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Numbers of the Chinese text that the English text does not carry, in any accepted form. */
export function missingNumbers(zh: string, en: string): string[] {
  const have = new Set((en.replace(/(\d),(?=\d{3})/g, '$1').match(/\d+(?:\.\d+)?/g) ?? []).map((n) => round(Number(n))));
  const missing: string[] = [];
  for (const m of zh.matchAll(/(\d+(?:\.\d+)?)\s*(亿|万)?/gu)) {
    const n = Number(m[1]);
    const ok = [n];
    if (m[2] === '亿') ok.push(n / 10, n * 100);
    if (m[2] === '万') ok.push(n * 10, n / 100, n * 10000);
    if (!ok.some((x) => have.has(round(x)))) missing.push(m[0]);
  }
  return missing;
}

/** Problems of one English rendering of a Chinese text. */
export function renderingProblems(zh: string, en: string): string[] {
  const out: string[] = [];
  if (!en.trim()) return ['no English text'];
  if (CJK.test(en)) out.push(`English contains Chinese characters: ${en.match(new RegExp(`.{0,10}${CJK.source}.{0,10}`, 'u'))?.[0]}`);
  const miss = missingNumbers(zh, en);
  if (miss.length) out.push(`numbers missing from the English: ${miss.join(', ')}`);
  return out;
}

/** Problems of one document's translation file against the document's current paragraphs. */
export function documentProblems(docId: string, docText: string, tr: DocumentTranslations): string[] {
  const paras = splitParagraphs(textLines(docText));
  const byKey = new Map(tr.paragraphs.map((p) => [p.key, p]));
  const out: string[] = [];
  for (const p of paras) {
    const t = byKey.get(paragraphKey(p.text));
    if (!t) { out.push(`${docId} ¶${p.seq}: no translation (${p.text.slice(0, 30)}…)`); continue; }
    for (const e of renderingProblems(p.text, t.en)) out.push(`${docId} ¶${p.seq}: ${e}`);
  }
  return out;
}

/** `--part FILE`: a work file of [{zh or quote, en}] entries (or {paragraphs: […]}), each checked on its own. */
function checkPart(file: string) {
  const j = JSON.parse(fs.readFileSync(file, 'utf8'));
  const items = (Array.isArray(j) ? j : j.paragraphs) as Array<{ zh?: string; quote?: string; en: string; key?: string }>;
  let n = 0;
  items.forEach((it, i) => {
    for (const e of renderingProblems(it.zh ?? it.quote ?? '', it.en ?? '')) { console.log(`[${i}] ${it.key ?? ''} ${e}`); n++; }
  });
  console.log(n ? `${n} problem(s) in ${items.length} entries` : `ok (${items.length} entries)`);
  process.exitCode = n ? 1 : 0;
}

function main() {
  if (process.argv[2] === '--part') return checkPart(process.argv[3]);
  const only = process.argv[2];
  const docs = JSON.parse(fs.readFileSync(path.join(here, '../documents.json'), 'utf8')) as Array<{ id: string; file: string }>;
  let problems: string[] = [];
  for (const d of docs) {
    if (only && only !== d.id && only !== 'quotes') continue;
    if (only === 'quotes') break;
    const file = path.join(here, `${d.id}.json`);
    if (!fs.existsSync(file)) { problems.push(`${d.id}: ${file} missing`); continue; }
    const text = fs.readFileSync(path.join(here, '../documents', d.file), 'utf8');
    problems = problems.concat(documentProblems(d.id, text, JSON.parse(fs.readFileSync(file, 'utf8'))));
  }
  if (!only || only === 'quotes') {
    const qs = JSON.parse(fs.readFileSync(path.join(here, 'quotes.json'), 'utf8')) as QuoteTranslation[];
    qs.forEach((q, i) => { for (const e of renderingProblems(q.quote, q.en)) problems.push(`quotes[${i}] (${q.doc} ${q.quote.slice(0, 20)}…): ${e}`); });
  }
  for (const p of problems) console.log(p);
  console.log(problems.length ? `${problems.length} problem(s)` : 'ok');
  process.exitCode = problems.length ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
