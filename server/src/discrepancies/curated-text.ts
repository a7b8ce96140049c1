/**
 * The curated checks' English texts (seeds/discrepancies.json) name mapped places as `{name:<id>}`, so a
 * check reads a place's English name from the same row the map, search and legends read it from
 * (features.name_en, chains.name_en) instead of a second hand-kept copy.
 */

const NAME_REF = /\{name:([a-z0-9][a-z0-9_-]*)\}/g;

/** Replaces each `{name:<id>}` by that subject's English name; an unknown id is kept as written, so a test can find it. */
export function resolveNameRefs(text: string, names: ReadonlyMap<string, { zh: string; en: string }>): string {
  return text.replace(NAME_REF, (ref, id: string) => names.get(id)?.en || ref);
}
