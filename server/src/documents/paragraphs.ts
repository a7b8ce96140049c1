import crypto from 'node:crypto';
import { normaliseForQuote } from '../../../seeds/normalise.js';

/** One paragraph of a document as stored: its 1-based position, the page it starts on (null for text without pages) and its text. */
export interface Paragraph {
  seq: number;
  page: number | null;
  text: string;
}

/** A line of extracted text with the page it is on (null when the source has no pages). */
export interface SourceLine {
  text: string;
  page: number | null;
  /** The source already knows this line is a paragraph of its own (a Word paragraph, a table row, a Markdown heading). */
  standalone?: boolean;
}

// Why a heuristic and not a library: the seed texts (and text layers of PDFs) break lines where the
// printed page did, often mid-word, and put a blank line between every printed line (002), while other
// texts put one paragraph on each line (000). No text library knows Chinese official-document layout;
// these rules do: a heading (一、 （一） 第一章 1. …) stands alone; a line ending in sentence-final
// punctuation ends its paragraph; in hard-wrapped text (short printed lines) a full line runs on into
// the next; otherwise a line ending in a closing bracket or quote ends its paragraph.
const SENTENCE_END = /[。！？!?；;：:…]$/u;
const CLOSING = /[）)】]$/u;
/** Printed lines at most this long (90th percentile) mean the text is hard-wrapped. */
const HARD_WRAP_MAX = 80;
// A line that is only a parenthetical or a quoted phrase (（征求意见稿）, “泰州特区”) stands alone.
const STANDALONE = /^([（(][^（()）]{1,30}[）)]|[“"][^“”"]{1,30}[”"])$/u;
const HEADING = /^(第[一二三四五六七八九十百零〇]+[章节篇部分]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|\d{1,2}[.．、](?!\d)|附件|附表|专栏)/u;
const MAX_HEADING = 40;

const isHeading = (line: string) => HEADING.test(line) && line.length <= MAX_HEADING && !/[。！？]$/u.test(line.slice(0, -1));

/**
 * Splits extracted text into paragraphs: joins lines the layout broke (dropping the break and the
 * padding spaces around it), keeps headings and sentence-final lines as paragraph ends. Deterministic:
 * the same text always gives the same paragraphs, so stored translations keyed by paragraphKey stay valid.
 */
export function splitParagraphs(lines: SourceLine[]): Paragraph[] {
  const out: Paragraph[] = [];
  let buf = '';
  let page: number | null = null;
  const flush = () => {
    const text = buf.trim();
    if (text) out.push({ seq: out.length + 1, page, text });
    buf = '';
    page = null;
  };
  const lengths = lines.map((l) => l.text.trim().length).filter((n) => n > 0).sort((a, b) => a - b);
  const p90 = lengths.length ? lengths[Math.floor(lengths.length * 0.9)] : 0;
  const hardWrapped = p90 > 0 && p90 <= HARD_WRAP_MAX;
  let inRow = false;
  let rowNo = 0;
  for (const raw of lines) {
    const line = raw.text.replace(/[\s\u3000]+$/u, '').replace(/^[\s\u3000]+/u, '');
    if (!line) continue;
    if (raw.standalone) {
      flush();
      inRow = false;
      rowNo = 0;
      buf = line;
      page = raw.page;
      flush();
      continue;
    }
    // A table: cells come as tab-indented lines (001's and 004's tables) and join with a tab. A row
    // is its own paragraph; a cell holding the next serial number (the 序号 column) starts a new row.
    if (raw.text.startsWith('\t')) {
      if (/^\d{1,3}$/.test(line) && Number(line) === rowNo + 1) {
        flush();
        rowNo++;
        buf = line;
        page = raw.page;
      } else {
        buf += buf ? `\t${line}` : line;
      }
      inRow = true;
      continue;
    }
    if (inRow) {
      flush();
      inRow = false;
      rowNo = 0;
    }
    if (isHeading(line) || STANDALONE.test(line)) {
      flush();
      buf = line;
      page = raw.page;
      flush();
      continue;
    }
    if (!buf) page = raw.page;
    // Latin words broken across lines keep a space; Chinese text joins directly.
    buf += buf && /[A-Za-z0-9]$/.test(buf) && /^[A-Za-z0-9]/.test(line) ? ` ${line}` : line;
    if (SENTENCE_END.test(line)) flush();
    else if (hardWrapped && line.length >= 0.7 * p90) continue;
    else if (CLOSING.test(line)) flush();
  }
  flush();
  return out;
}

/** Plain text (TXT, Markdown) as source lines without pages. */
export function textLines(text: string): SourceLine[] {
  return text.replace(/\r\n?/g, '\n').split('\n').map((t) => ({ text: t, page: null }));
}

/** A paragraph's stable key: hash of its whitespace-free text, so re-flowed whitespace keeps the key (and its translation). */
export function paragraphKey(text: string): string {
  return crypto.createHash('sha1').update(normaliseForQuote(text)).digest('hex').slice(0, 16);
}
