/**
 * Numbers as Chinese planning documents write them: Arabic with thousands separators (1,222.9), full-width
 * digits, Chinese numerals (二千二百, 三点二九, 百, 万亿), magnitudes (亿, 万) and area units (平方公里, 公顷, 亩),
 * with their qualifiers (超100, 力争2200, 2−3, 约5.5%). Used by the figure check (a figure's value must
 * be in its quote), by the extractor and by the seed extract scripts (seeds/extract/lib.ts), so all three
 * read numbers the same way. Hand-written because no library reads Chinese numerals inside running text
 * together with these units.
 */

export type Qualifier = 'exact' | 'over' | 'at_least' | 'about' | 'strive' | 'range' | 'under';

const NUM = String.raw`\d+(?:\.\d+)?`;
const RANGE_RE = new RegExp(`(${NUM})\\s*[-−–—－~～]\\s*(${NUM})`, 'u');

/** Parses a value as the document writes it ("超100", "力争2200", "2−3", "约5.5%", "﹥20%", "1/3以上"). */
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
  return { value, value_max: null, qualifier: qualifierOf(t) };
}

/** The qualifier the words around a number give it. */
export function qualifierOf(t: string): Qualifier {
  if (/力争/u.test(t)) return 'strive';
  if (/不低于|至少|不少于|≥|⩾/u.test(t)) return 'at_least';
  if (/以内|不超过|＜|<|≤/u.test(t)) return 'under';
  if (/超|突破|过|以上|多|﹥|>|＞/u.test(t)) return 'over';
  if (/约|左右|近/u.test(t)) return 'about';
  return 'exact';
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** A Chinese numeral (二千二百, 十五, 三点二九, 二〇二五, 百, 万亿) as a number, or null. */
export function chineseNumber(s: string): number | null {
  if (!s) return null;
  const [int, frac] = s.split('点');
  if (frac !== undefined) {
    const i = int ? chineseNumber(int) : 0;
    if (i === null || ![...frac].every((c) => c in DIGITS)) return null;
    return Number(`${i}.${[...frac].map((c) => DIGITS[c]).join('')}`);
  }
  // Digit by digit (二〇二五) when there is no 十/百/千/万/亿.
  if ([...s].every((c) => c in DIGITS)) return s.length > 1 ? Number([...s].map((c) => DIGITS[c]).join('')) : DIGITS[s];
  let total = 0; // whole 亿 groups
  let wan = 0; // the 万 group below them
  let section = 0; // below 万
  let digit: number | null = null;
  for (const c of s) {
    if (c in DIGITS) digit = DIGITS[c];
    else if (c in SMALL) {
      section += (digit ?? 1) * SMALL[c];
      digit = null;
    } else if (c === '万') {
      wan = (section + (digit ?? 0) || 1) * 1e4;
      section = 0;
      digit = null;
    } else if (c === '亿') {
      // 万亿: the 万 group is multiplied too.
      total = (total + wan + section + (digit ?? 0) || 1) * 1e8;
      wan = 0;
      section = 0;
      digit = null;
    } else return null;
  }
  return total + wan + section + (digit ?? 0);
}

/** Magnitude of a unit prefix (亿元 → 1e8, 万人 → 1e4), 1 without one. */
function magnitude(prefix: string | undefined): number {
  if (!prefix) return 1;
  if (prefix === '万亿') return 1e12;
  if (prefix === '亿') return 1e8;
  if (prefix === '万') return 1e4;
  if (prefix === '千') return 1e3;
  return 1;
}

/** Square metres per area unit as documents and figures write it. */
const AREA: Record<string, number> = {
  平方公里: 1e6, 平方千米: 1e6, 'km²': 1e6, km2: 1e6, 公顷: 1e4, ha: 1e4, 亩: 10000 / 15, 平方米: 1, 'm²': 1, m2: 1,
};
const AREA_WORDS = Object.keys(AREA).sort((a, b) => b.length - a.length).join('|');

/** A figure unit split into magnitude and area factor: '亿元' → {scale 1e8}, '万平方米' → {scale 1e4, area 1}, 'km²' → {area 1e6}. */
export function unitScale(unit: string): { scale: number; area: number | null } {
  const u = unit.trim();
  const m = /^(万亿|亿|万|千)?(.*)$/u.exec(u)!;
  const rest = m[2];
  if (rest in AREA) return { scale: magnitude(m[1]), area: AREA[rest] };
  return { scale: m[1] && rest ? magnitude(m[1]) : 1, area: null };
}

/** One number found in a text, with the magnitude and area unit written right after it. */
export interface FoundNumber {
  value: number;
  /** 亿 → 1e8, 万 → 1e4 written after the number (1 when none). */
  scale: number;
  /** Square metres per unit when an area unit follows, else null. */
  area: number | null;
  /** The number is a fraction (1/3) and so only as exact as its rounding. */
  fraction: boolean;
  index: number;
  text: string;
}

const FULL_WIDTH = /[０-９．，]/g;
const toHalf = (s: string) => s.replace(FULL_WIDTH, (c) => (c === '．' ? '.' : c === '，' ? '，' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));

const ARABIC = new RegExp(String.raw`(\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*/\s*(\d+))?\s*(万亿|亿|万|千)?\s*(${AREA_WORDS})?`, 'gu');
const CHINESE = new RegExp(String.raw`([零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?)\s*(${AREA_WORDS})?`, 'gu');

/** Every number a text holds, Arabic and Chinese; a separator that may be a list comma gives both readings. */
export function numbersIn(text: string): FoundNumber[] {
  const t = toHalf(text);
  const out: FoundNumber[] = [];
  for (const m of t.matchAll(ARABIC)) {
    const area = m[4] ? AREA[m[4]] ?? null : null;
    const scale = magnitude(m[3]);
    if (m[2]) {
      out.push({ value: Number(m[1].replace(/[,，]/g, '')) / Number(m[2]), scale: 1, area, fraction: true, index: m.index, text: m[0] });
      continue;
    }
    out.push({ value: Number(m[1].replace(/[,，]/g, '')), scale, area, fraction: false, index: m.index, text: m[0] });
    // "900，190" may be two numbers, not nine hundred thousand: keep each part too.
    if (/[,，]/.test(m[1])) {
      const parts = m[1].split(/[,，]/);
      parts.forEach((part, i) => {
        const last = i === parts.length - 1;
        out.push({ value: Number(part), scale: last ? scale : 1, area: last ? area : null, fraction: false, index: m.index, text: part });
      });
    }
  }
  for (const m of t.matchAll(CHINESE)) {
    const v = chineseNumber(m[1]);
    if (v !== null) out.push({ value: v, scale: 1, area: m[2] ? AREA[m[2]] ?? null : null, fraction: false, index: m.index, text: m[0] });
  }
  return out;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const decimals = (v: number) => (String(v).split('.')[1] ?? '').length;

/**
 * Whether `value` (in `unit`) is written in `quote`: as the same number (177.6 in a table of 亿元), or as
 * the same amount once magnitudes and area units are applied (2200亿元 = 220000000000 元 = 22000000 万元;
 * 3.29平方公里 = 329 公顷; 过万亿 = 10000 亿元). A fraction (1/3) matches its rounding (0.333).
 */
export function valueInQuote(value: number, unit: string, quote: string): boolean {
  const u = unitScale(unit);
  for (const n of numbersIn(quote)) {
    if (n.fraction) {
      if (Math.abs(n.value - value) <= 0.5 * 10 ** -Math.max(decimals(value), 1)) return true;
      continue;
    }
    if (close(n.value, value)) return true;
    if (close(n.value * n.scale, value * u.scale)) return true;
    if (n.area !== null && u.area !== null && close(n.value * n.scale * n.area, value * u.scale * u.area)) return true;
  }
  return false;
}
