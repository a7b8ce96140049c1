import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** A locale file: nested sections whose leaves are ICU messages. */
export interface MessageTree {
  [key: string]: MessageNode;
}

/** A message, a list of messages (kept as a JSON array, which i18next reads as keys 0, 1, …) or a section. */
export type MessageNode = string | MessageNode[] | MessageTree;

/** For each message that takes arguments (dotted key), its argument names in call order. */
export type ArgSpec = Record<string, string[]>;

/** Every leaf of a locale tree as [dotted key, message]. */
export function leaves(tree: MessageTree | MessageNode[], prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]: [string, MessageNode]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}

function argumentsOf(elements: MessageFormatElement[], into: Set<string>): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(el.value);
      for (const opt of Object.values(el.options)) argumentsOf(opt.value, into);
    }
    if (el.type === TYPE.tag) argumentsOf(el.children, into);
  }
  return into;
}

/**
 * The problems of a pair of locale files: keys present in one language only, keys containing the
 * separators i18next splits on, messages that do not parse as ICU, and placeholders that the
 * argument list does not declare. Empty when the locales are usable.
 */
export function checkLocales(locales: Record<'zh' | 'en', MessageTree>, args: ArgSpec): string[] {
  const problems: string[] = [];
  const zh = new Map(leaves(locales.zh));
  const en = new Map(leaves(locales.en));
  for (const k of zh.keys()) if (!en.has(k)) problems.push(`missing in en: ${k}`);
  for (const k of en.keys()) if (!zh.has(k)) problems.push(`missing in zh: ${k}`);
  for (const k of Object.keys(args)) if (!zh.has(k)) problems.push(`args.json names an unknown message: ${k}`);
  for (const [lang, map] of [['zh', zh], ['en', en]] as const) {
    for (const [k, msg] of map) {
      if (k.split('.').some((part) => part === '')) problems.push(`${lang}: empty key segment in ${k}`);
      let used: Set<string>;
      try {
        used = argumentsOf(parse(msg), new Set());
      } catch (e) {
        problems.push(`${lang}: ${k} does not parse: ${(e as Error).message}`);
        continue;
      }
      const declared = new Set(args[k] ?? []);
      for (const a of used) if (!declared.has(a)) problems.push(`${lang}: ${k} uses {${a}} which args.json does not declare`);
    }
  }
  return problems;
}
