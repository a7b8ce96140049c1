import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paragraphKey, splitParagraphs, textLines } from '../../server/src/documents/paragraphs.js';
import { normaliseForQuote } from '../../seeds/normalise.js';

const seedText = (file: string) => fs.readFileSync(`seeds/documents/${file}`, 'utf8');
const split = (text: string) => splitParagraphs(textLines(text)).map((p) => p.text);

describe('splitParagraphs', () => {
  it('joins hard-wrapped lines (002: blank line between printed lines, breaks mid-word) into whole paragraphs', () => {
    const ps = split(seedText('002_17c13b8c916b5699.txt'));
    expect(ps[0]).toMatch(/^“十四五”时期（2021-2025 年），是我国全面建成小康社会、实现第一个百年奋斗目标之后/);
    expect(ps[0]).toMatch(/关键五年。$/);
    expect(ps).toContain('第一章 高质量发展呈现新图景');
  });

  it('keeps one paragraph per line where the text is not wrapped (000), with headings apart', () => {
    const ps = split(seedText('000_9a959deae168bd10.txt'));
    expect(ps.slice(0, 4)).toEqual([
      '泰州医药高新区（高港区）加强特色优势产业发展工作方案',
      '（征求意见稿）',
      expect.stringMatching(/^为深入贯彻落实.*制定本工作方案。$/),
      '一、总体目标',
    ]);
    expect(ps.filter((p) => p.startsWith('5.生物医药产业园。'))).toHaveLength(1);
  });

  it('splits a tab-celled table into one paragraph per row at the serial-number column (001 appendix)', () => {
    const ps = split(seedText('001_fee1cbfde332debd.txt'));
    const rows = ps.filter((p) => /^\d{1,2}\t/.test(p));
    expect(rows).toHaveLength(30);
    expect(rows[0]).toMatch(/^1\t化学药\t177\.6\t206\t254\t/);
  });

  it('gives the same paragraphs and keys whatever the line endings and padding', () => {
    const text = '一、总体目标\n\n到2027年，产值达到\n100亿元。\n';
    const a = splitParagraphs(textLines(text));
    const b = splitParagraphs(textLines(text.replace(/\n/g, '\r\n').replace('100', '  100')));
    expect(a.map((p) => p.text)).toEqual(['一、总体目标', '到2027年，产值达到100亿元。']);
    expect(b.map((p) => paragraphKey(p.text))).toEqual(a.map((p) => paragraphKey(p.text)));
    expect(paragraphKey('甲 乙')).toBe(paragraphKey('甲乙'));
    expect(paragraphKey('甲乙')).not.toBe(paragraphKey('甲丙'));
  });

  it('keeps every character of the document (whitespace aside) in order', () => {
    for (const f of fs.readdirSync('seeds/documents').filter((x) => x.endsWith('.txt'))) {
      const text = seedText(f);
      expect(normaliseForQuote(split(text).join('')), f).toBe(normaliseForQuote(text));
    }
  });

  it('carries the page of the line a paragraph starts on', () => {
    const ps = splitParagraphs([
      { text: '一、总体目标', page: 1 },
      { text: '到2027年，产值', page: 1 },
      { text: '达到100亿元。', page: 2 },
      { text: '二、重点任务', page: 2 },
    ]);
    expect(ps.map((p) => [p.seq, p.page])).toEqual([[1, 1], [2, 1], [3, 2]]);
  });
});
