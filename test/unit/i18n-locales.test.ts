/**
 * The UI's locale files (client/src/locales/zh.json, en.json) must have the same keys, every message
 * must parse as ICU and use only the arguments args.json declares; the typed strings built over
 * i18next must render every message in both languages; numbers and units go through ICU/Intl
 * (亿元 → CNY bn, 亩 → ha, 平方公里 → km², no unit printed twice); and the import script must turn
 * an old-style dictionary section into equivalent ICU messages (the lead merges branches with it).
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import IntlMessageFormat from 'intl-messageformat';
import zh from '../../client/src/locales/zh.json';
import en from '../../client/src/locales/en.json';
import args from '../../client/src/locales/args.json';
import { checkLocales, leaves, type MessageTree } from '../../client/src/lib/i18n-check';
import { strings } from '../../client/src/lib/i18n';
import { figureValue, formatQuantity, formatYi, metricBeforeValue, unitLabel } from '../../client/src/lib/figure-format';
import { importSections } from '../../scripts/i18n-import';

const SEEDS_DIR = resolve(import.meta.dirname, '../../seeds');

const locales = { zh: zh as MessageTree, en: en as MessageTree };
const argSpec = args as Record<string, string[]>;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('locale files', () => {
  it('have the same keys in zh and en, and every message parses with declared arguments', () => {
    expect(checkLocales(locales, argSpec)).toEqual([]);
    expect(leaves(locales.en).length).toBeGreaterThan(400);
  });

  it('the check reports a key missing in one language and a message that does not parse', () => {
    const broken = clone(locales);
    delete (broken.en.inv as MessageTree).pdf;
    (broken.zh.inv as MessageTree).parkCount = '共 {n 个园区';
    const problems = checkLocales(broken, argSpec);
    expect(problems).toContain('missing in en: inv.pdf');
    expect(problems.some((p) => p.startsWith('zh: inv.parkCount does not parse'))).toBe(true);
  });

  it('renders every message in both languages through i18next, none falling back to its key', () => {
    for (const lang of ['zh', 'en'] as const) {
      const t = strings(lang) as unknown as MessageTree;
      for (const [key, message] of leaves(locales[lang])) {
        const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], t);
        const names = argSpec[key];
        const out = names ? (value as (...a: unknown[]) => string)(...names.map((_, i) => (i % 2 ? 'x' : 2))) : value;
        expect(typeof out, key).toBe('string');
        if (message !== '') expect(out, key).not.toBe(key);
        // The same message formatted by intl-messageformat directly: i18next-icu adds nothing of its own.
        const direct = new IntlMessageFormat(message, lang).format(names ? Object.fromEntries(names.map((n, i) => [n, i % 2 ? 'x' : 2])) : {});
        expect(out, key).toBe(direct);
      }
    }
  });

  it('plural and argument messages read naturally', () => {
    expect(strings('en').inv.parkCount(1)).toBe('1 park');
    expect(strings('en').inv.parkCount(3)).toBe('3 parks');
    expect(strings('zh').inv.parkCount(3)).toBe('共 3 个园区');
    expect(strings('zh').year(2025)).toBe('2025年');
    expect(strings('en').inv.noMatch("it's {x}")).toBe("“it's {x}” matched no chain. Try other words, or pick a chain.");
  });
});

describe('numbers and units', () => {
  it('reads 亿元 as CNY billions in English and keeps 亿元 in Chinese', () => {
    expect(formatYi('en', 215)).toBe('CNY 21.5 bn');
    expect(formatYi('zh', 215)).toBe('215亿元');
    expect(formatYi('en', 177.6)).toBe('CNY 17.76 bn');
  });

  it('gives 亩 also in hectares and 平方公里 as km²', () => {
    expect(formatQuantity('en', 300, '亩')).toBe('300 mu (20 ha)');
    expect(formatQuantity('zh', 300, '亩')).toBe('300亩');
    expect(formatQuantity('en', 3.29, '平方公里')).toBe('3.29 km²');
    expect(formatQuantity('en', 1, '家')).toBe('1 firm');
    expect(formatQuantity('en', 20, '家')).toBe('20 firms');
  });

  it('reads rates per year, 万-units and fractions out in English; Chinese keeps the unit as written', () => {
    expect(formatQuantity('en', 100, '家/年')).toBe('100 firms a year');
    expect(formatQuantity('zh', 100, '家/年')).toBe('100家/年');
    expect(formatQuantity('en', 6, '亿美元/年')).toBe('USD 0.6 bn a year');
    expect(formatQuantity('en', 5.5, '万人')).toBe('55,000 people');
    expect(formatQuantity('zh', 5.5, '万人')).toBe('5.5万人');
    expect(formatQuantity('en', 1, '名（个）/年')).toBe('1 person or team a year');
    expect(formatQuantity('en', 1 / 3, 'fraction')).toBe('33.3%');
  });

  it('gives every unit of seeds/targets.json an English reading without Chinese', () => {
    const units = [...new Set(JSON.parse(readFileSync(join(SEEDS_DIR, 'targets.json'), 'utf8')).map((t: { unit: string }) => t.unit))] as string[];
    expect(units.length).toBeGreaterThan(10);
    const chinese = units.filter((u) => /[\u3400-\u9fff]/.test(formatQuantity('en', 20, u)));
    expect(chinese, 'units printed in Chinese in English mode').toEqual([]);
    expect(units.filter((u) => /[\u3400-\u9fff]/.test(unitLabel('en', u))), 'unit labels in Chinese in English mode').toEqual([]);
  });

  it('prints no unit twice', () => {
    const f = { value_text: '10家以上', value: 10, value_max: null, qualifier: 'at_least' as const, unit: '家' };
    expect(figureValue('zh', f)).toBe('10家以上');
    expect(figureValue('en', f)).toBe('at least 10 firms');
    expect(figureValue('zh', { ...f, value_text: '20', qualifier: 'exact' })).toBe('20 家');
    expect(figureValue('en', { value_text: '突破800亿元', value: 800, value_max: null, qualifier: 'over', unit: '亿元' })).toBe('over CNY 80 bn');
  });

  it('says “a year” once: an English metric name followed by a per-year value drops its own “per year”', () => {
    const targets = JSON.parse(readFileSync(join(SEEDS_DIR, 'targets.json'), 'utf8')) as Array<Parameters<typeof metricBeforeValue>[1] & Parameters<typeof figureValue>[1] & { id: string }>;
    const perYear = targets.filter((f) => f.unit.endsWith('/年') && f.value !== null);
    expect(perYear.length).toBeGreaterThan(20);
    const lines = perYear.map((f) => `${metricBeforeValue('en', f)}: ${figureValue('en', f)}`);
    expect(lines.filter((l) => (l.match(/\b(a|per) year\b/g) ?? []).length !== 1), 'lines saying the year more or less than once').toEqual([]);
    const hte = perYear.find((f) => f.metric_en === 'New high-tech enterprises per year')!;
    expect(`${metricBeforeValue('en', hte)}: ${figureValue('en', hte)}`).toBe('New high-tech enterprises: over 100 firms a year');
    const annualList = { metric_zh: '重点招商活动', metric_en: 'Key investment-promotion events (per year, from the annual list)', unit: '场/年', value: 12 };
    expect(metricBeforeValue('en', annualList)).toBe('Key investment-promotion events (from the annual list)');
    // Chinese, a value kept as written and a unit not per year keep the name as it is.
    expect(metricBeforeValue('zh', hte)).toBe(hte.metric_zh);
    expect(metricBeforeValue('en', { ...hte, value: null })).toBe('New high-tech enterprises per year');
    expect(metricBeforeValue('en', { ...hte, unit: '家' })).toBe('New high-tech enterprises per year');
  });
});

describe('scripts/i18n-import.ts', () => {
  it('turns an old-style section of strings and (n: number) => string functions into ICU messages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'i18n-import-'));
    const file = join(dir, 'old-i18n.ts');
    writeFileSync(
      file,
      `const zh = {
  demo: {
    title: '文件{新}',
    count: (n: number) => \`共 \${n} 份文件\`,
    of: (name: string, v: number) => \`“\${name}”第 \${v} 版\`,
    kinds: { a: '甲' } as Record<string, string>,
  },
};
const en: typeof zh = {
  demo: {
    title: "Documents' {new}",
    count: (n: number) => \`\${n} \${n === 1 ? 'document' : 'documents'}\`,
    of: (name: string, v: number) => \`version \${v} of “\${name}”\`,
    kinds: { a: 'A' },
  },
};
`,
    );
    const out = importSections(file, ['demo']).demo;
    expect(out.zh).toEqual({ title: "文件'{'新'}'", count: '共 {n} 份文件', of: '“{name}”第 {v} 版', kinds: { a: '甲' } });
    expect(out.en).toEqual({ title: "Documents'' '{'new'}'", count: '{n, plural, one {{n} document} other {{n} documents}}', of: 'version {v} of “{name}”', kinds: { a: 'A' } });
    expect(out.args).toEqual({ 'demo.count': ['n'], 'demo.of': ['name', 'v'] });
    expect(out.shape).toBe('{ title: string; count: (n: number) => string; of: (name: string, v: number) => string; kinds: Record<string, string> }');
    expect(new IntlMessageFormat(out.en && (out.en as MessageTree).title as string, 'en').format()).toBe("Documents' {new}");
    expect(new IntlMessageFormat((out.en as MessageTree).count as string, 'en').format({ n: 1 })).toBe('1 document');
  });
});
