import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, formatUrlView, minAreaKm2, parseUrlView } from '../../client/src/lib/url-state';

describe('URL state: site filters', () => {
  it('round-trips statuses, the minimum area and its unit', () => {
    const view = parseUrlView('');
    expect(view.filters).toEqual(EMPTY_FILTERS);
    const out = formatUrlView('keep=1', { ...view, filters: { ...EMPTY_FILTERS, siteStatus: ['available', 'planned'], minArea: 50, areaUnit: 'ha' } });
    expect(out).toBe('?keep=1&st=available,planned&minarea=50&au=ha');
    const back = parseUrlView(out);
    expect(back.filters).toMatchObject({ siteStatus: ['available', 'planned'], minArea: 50, areaUnit: 'ha' });
    expect(minAreaKm2(back.filters)).toBe(0.5);
  });

  it('drops unknown statuses and out-of-range or malformed minimums', () => {
    const v = parseUrlView('?st=sold,reserved,available&minarea=-3&au=acre');
    expect(v.filters.siteStatus).toEqual(['available', 'reserved']);
    expect(v.filters.minArea).toBeNull();
    expect(v.filters.areaUnit).toBe('km2');
    expect(parseUrlView('?minarea=abc').filters.minArea).toBeNull();
    expect(minAreaKm2(parseUrlView('?minarea=2.5').filters)).toBe(2.5);
  });
});
