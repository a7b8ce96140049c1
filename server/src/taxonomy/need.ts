import type { SpaceNeed } from '../../../contract/taxonomy.js';
import { normalise } from './tokenize.js';

/** m² per unit; `land` marks units only used for land (an area in 亩 is a plot, not a floor). */
const UNITS: Array<{ re: string; m2: number; land: boolean }> = [
  { re: '万平方米|万平米|万㎡', m2: 10_000, land: false },
  { re: '平方公里|平方千米|km2|km²|sq\\.? ?km|square kilomet(?:er|re)s?', m2: 1_000_000, land: true },
  { re: '公顷|hectares?|ha\\b', m2: 10_000, land: true },
  { re: '亩|mu\\b', m2: 10_000 / 15, land: true },
  { re: 'acres?', m2: 4_046.856, land: true },
  { re: '平方米|平米|㎡|m2|m²|sq\\.? ?m\\b|sqm|square met(?:er|re)s?', m2: 1, land: false },
  { re: 'sq\\.? ?ft|sqft|square f(?:ee|oo)t', m2: 0.09290304, land: false },
];

const AREA = new RegExp(`(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?\\s*(${UNITS.map((u) => u.re).join('|')})`, 'iu');

const KINDS: Array<{ kind: NonNullable<SpaceNeed['kind']>; re: RegExp }> = [
  { kind: 'factory', re: /标准厂房|厂房|车间|工厂|\bfactor(?:y|ies)\b|\bworkshops?\b|\bplant buildings?\b/u },
  { kind: 'warehouse', re: /仓库|仓储|库房|\bwarehous(?:e|es|ing)\b/u },
  { kind: 'office', re: /写字楼|办公楼|办公用房|办公|\boffices?\b/u },
  { kind: 'land', re: /工业用地|土地|用地|地块|\bland\b|\bplots?\b|\bparcels?\b/u },
];

/**
 * Reads a stated space need from a query (“50亩”, “5000平方米 厂房”, “5,000 m2 factory”, “3 hectares”):
 * the area in m² and the kind of space, or null when the query states neither. `rest` is the query without
 * the area, so its digits are not read as an industry code.
 */
export function parseNeed(q: string): { need: SpaceNeed | null; rest: string } {
  const s = normalise(q);
  const m = AREA.exec(s);
  let area: number | null = null;
  let land = false;
  const texts: string[] = [];
  let rest = s;
  if (m) {
    const value = Number(`${m[1].replace(/,/g, '')}${m[2] ? `.${m[2]}` : ''}`);
    const unit = UNITS.find((u) => new RegExp(`^(?:${u.re})$`, 'iu').test(m[3]))!;
    area = Math.round(value * unit.m2 * 100) / 100;
    land = unit.land;
    texts.push(m[0].trim());
    rest = s.slice(0, m.index) + ' ' + s.slice(m.index + m[0].length);
  }
  const k = KINDS.find((x) => x.re.test(rest));
  if (k) texts.push(k.re.exec(rest)![0]);
  const kind = k?.kind ?? (land ? 'land' : null);
  if (area === null && kind === null) return { need: null, rest };
  return { need: { area_m2: area, kind, text: texts.join(' ') }, rest };
}
