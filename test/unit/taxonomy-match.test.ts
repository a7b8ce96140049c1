/**
 * Query understanding without a database: the matcher built from seeds/ must match whole terms only (jieba words
 * for Chinese, stemmed words for English), forgive small English typos within the budget, and read space needs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { TaxonomyIndex, typoBudget } from '../../server/src/taxonomy/taxonomy-index.js';
import { tokenize } from '../../server/src/taxonomy/tokenize.js';
import { parseNeed } from '../../server/src/taxonomy/need.js';
import { seedIndexChains } from '../support/seed-taxonomy.js';

let index: TaxonomyIndex;
const chainsOf = (q: string) => index.understand(q).chains.map((c) => c.chain);
const all = seedIndexChains();
const latinTerms = [...new Set(all.flatMap((c) => [c.name_en, ...c.terms_en, ...c.keywords, ...c.segments.flatMap((s) => [s.name_en, ...s.terms_en])]).filter((t) => /^[\x20-\x7e]+$/.test(t)))];
const hanTerms = [...new Set(all.flatMap((c) => [c.name_zh, ...c.terms_zh, ...c.keywords, ...c.segments.flatMap((s) => [s.name_zh, ...s.terms_zh])]).filter((t) => /^\p{Script=Han}+$/u.test(t)))];

beforeAll(() => {
  index = new TaxonomyIndex(all);
});

describe('tokens', () => {
  it('segments Chinese with the taxonomy as user dictionary and stems English', () => {
    expect(tokenize('润滑油添加剂').map((t) => t.raw)).toEqual(['润滑油添加剂']);
    expect(tokenize('我们做新型显示').map((t) => t.raw)).toContain('新型显示');
    expect(tokenize('Antibody–Drug Conjugates').map((t) => t.key)).toEqual(['antibodi', 'drug', 'conjug']);
    expect(tokenize('ＣＡＲ－Ｔ细胞').map((t) => t.raw)).toEqual(['car', 't', '细胞']);
  });
});

describe('whole terms only: no substring-only hit remains', () => {
  it('every English term, hidden inside an unrelated word, matches nothing', () => {
    const hits: string[] = [];
    for (const term of latinTerms) {
      const word = `zqx${term.toLowerCase().replace(/[^a-z0-9]/g, '')}qzv`;
      const u = index.understand(word);
      if (u.chains.length) hits.push(`${word} → ${u.chains.map((c) => c.chain).join(',')}`);
    }
    expect(latinTerms.length).toBeGreaterThan(500);
    expect(hits).toEqual([]);
  });

  it('every Chinese term inside a longer dictionary word (that jieba keeps whole) does not match through it', async () => {
    // jieba's own dictionary: words that contain a taxonomy term but are not one (外包装 ⊃ 外包, 电子邮件 ⊃ 电子).
    const require = createRequire(import.meta.url);
    const dictFile = require.resolve('@node-rs/jieba/dict.txt');
    const terms = new Set(hanTerms);
    const pairs: Array<[string, string]> = [];
    for (const line of readFileSync(dictFile, 'utf8').split('\n')) {
      const w = line.split(' ')[0];
      if (!w || w.length < 3 || w.length > 6 || terms.has(w)) continue;
      for (let i = 0; i < w.length; i++) {
        for (let j = i + 2; j <= w.length; j++) {
          if ((i > 0 || j < w.length) && terms.has(w.slice(i, j))) pairs.push([w, w.slice(i, j)]);
        }
      }
    }
    const whole = pairs.filter(([w]) => tokenize(w).length === 1);
    expect(whole.length).toBeGreaterThan(1000);
    const hits = whole.filter(([w]) => index.understand(w).matches.length > 0).map(([w, t]) => `${w} ⊃ ${t}`);
    expect(hits).toEqual([]);
  });

  it('real words that contain an abbreviation do not name its chain', () => {
    expect(chainsOf('microelectronics')).not.toContain('pharma-outsourcing');
    expect(chainsOf('micro motors')).not.toContain('pharma-outsourcing');
    expect(chainsOf('every')).toEqual([]);
    expect(chainsOf('rapid')).toEqual([]);
    expect(chainsOf('cart')).toEqual([]);
    expect(chainsOf('外包装')).toEqual([]);
    expect(chainsOf('蛋白油脂')).not.toContain('petrochemicals');
    // … while the abbreviations themselves do.
    expect(chainsOf('CRO')).toEqual(['pharma-outsourcing']);
    expect(chainsOf('an EV maker')[0]).toBe('nev');
    expect(chainsOf('API')[0]).toBe('chem-drugs');
    expect(chainsOf('CAR-T')[0]).toBe('cell-gene');
    expect(chainsOf('car parts')[0]).toBe('auto-parts');
  });

  it('matches the longest term: 润滑油添加剂 is a lubricant additive, not a food additive', () => {
    const u = index.understand('润滑油添加剂');
    expect(u.matches.map((m) => m.text)).toEqual(['润滑油添加剂']);
    expect(u.chains.map((c) => c.chain)).toEqual(['petrochemicals']);
    expect(u.chains[0].segments.has('lubricant-additives')).toBe(true);
  });
});

describe('typos', () => {
  it('allows edit distance 1 from five letters and 2 from eight, against the taxonomy vocabulary only', () => {
    expect([typoBudget('oils'), typoBudget('vacin'), typoBudget('lubricnt'), typoBudget('semiconducter')]).toEqual([0, 1, 2, 2]);
    expect(chainsOf('vacine')[0]).toBe('biopharma');
    expect(chainsOf('vaxcine')[0]).toBe('biopharma');
    expect(chainsOf('vaxxine')).toEqual([]); // distance 2 at seven letters
    expect(chainsOf('semicondctr')[0]).toBe('electronic-info'); // distance 2 at eleven letters
    expect(chainsOf('semicndctr')).toEqual([]); // distance 3
    expect(chainsOf('photovoltiac')[0]).toBe('photovoltaics');
    // Common words are never “corrected” into an industry (making is not baking, sells is not cells).
    expect(chainsOf('we are making things')).toEqual([]);
    expect(chainsOf('sells')).toEqual([]);
    const u = index.understand('lubricnt');
    expect(u.matches[0].typo).toEqual({ typed: 'lubricnt', read_as: 'lubricant' });
  });
});

describe('codes and nearest chains', () => {
  it('reads a GB/T class given apart or as a 4-digit number in the text', () => {
    expect(index.understand('', '2761').chains[0].chain).toBe('biopharma');
    expect(index.understand('2511').chains[0].chain).toBe('petrochemicals');
    expect(index.understand('12345').codes).toEqual([]);
    expect(index.knowsCode('0111')).toBe(false);
  });

  it('ranks nearest chains by character n-grams, similarity in (0, 1]', () => {
    const n = index.nearest('外包装设计');
    expect(n[0].id).toBe('pharma-outsourcing');
    expect(n.every((x) => x.similarity > 0 && x.similarity <= 1)).toBe(true);
    expect(index.nearest('咖啡馆')).toEqual([]);
  });
});

describe('space needs', () => {
  it.each([
    ['50亩', 33333.33, 'land'],
    ['5000平方米 厂房', 5000, 'factory'],
    ['5,000 m2 factory', 5000, 'factory'],
    ['3 hectares', 30000, 'land'],
    ['2.5 acres of land', 10117.14, 'land'],
    ['1.2万平方米标准厂房', 12000, 'factory'],
    ['800 sqm office', 800, 'office'],
    ['0.5平方公里', 500000, 'land'],
    ['需要仓库', null, 'warehouse'],
  ])('%s → %s m², %s', (text, area, kind) => {
    expect(parseNeed(text).need).toEqual(expect.objectContaining({ area_m2: area, kind }));
  });

  it('says nothing when no need is stated, and leaves the area out of the text to match', () => {
    expect(parseNeed('疫苗').need).toBeNull();
    expect(parseNeed('energy storage').need).toBeNull();
    expect(parseNeed('2761 m2 疫苗').rest).not.toContain('2761');
  });
});
