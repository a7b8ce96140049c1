import fs from 'node:fs';
import { describe, it, expect } from 'vitest';
import { placeNameMap, splitMixed } from '../../client/src/lib/mixed-text';

/* English data text that names places in Chinese (client/src/lib/mixed-text.ts), over the real roads and nodes layers. */

const features = ['roads', 'nodes', 'parks'].flatMap(
  (l) => (JSON.parse(fs.readFileSync(`geodata/${l}.geojson`, 'utf8')) as { features: Array<{ properties: Record<string, unknown> }> }).features,
);

describe('mixed text', () => {
  it('reads a road known by the part before its bracketed other name in English, and leaves an unknown name Chinese', () => {
    const names = placeNameMap(features);
    expect(names.get('海军大道')).toBe('Haijun (Navy) Avenue');
    const parts = splitMixed('bounded by 海军大道 (N) and 管委会 points', names);
    expect(parts).toEqual([
      { text: 'bounded by ', zh: false },
      { text: 'Haijun (Navy) Avenue', zh: false },
      { text: ' (N) and ', zh: false },
      { text: '管委会', zh: true },
      { text: ' points', zh: false },
    ]);
    // Nothing Chinese is left unmarked.
    expect(parts.filter((p) => !p.zh).some((p) => /[\u3400-\u9fff]/.test(p.text))).toBe(false);
  });

  it('keeps text without Chinese whole', () => {
    expect(splitMixed('Dongfeng Road', new Map())).toEqual([{ text: 'Dongfeng Road', zh: false }]);
  });
});
