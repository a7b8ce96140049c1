/*
 * English text from the data that still names places in Chinese (a method naming 海军大道, a target
 * listing 泰州石化): which Chinese runs read as a feature's English name and which stay Chinese.
 */

const HAN_RUN = /[\u3400-\u9fff]+/g;
const HAS_HAN = /[\u3400-\u9fff]/;

/** A piece of a mixed text: `zh` when it is Chinese left as written (to be marked lang="zh-CN"). */
export interface MixedPart {
  text: string;
  zh: boolean;
}

/** Whether a text holds any Han character. */
export function hasHan(text: string): boolean {
  return HAS_HAN.test(text);
}

/**
 * The lang to mark a person's own text with (a view's or briefing's title, a caption): it is shown as
 * written, in whatever language its author wrote it, so Chinese is marked zh-CN and anything else left unmarked.
 */
export function userTextLang(text: string | null | undefined): 'zh-CN' | undefined {
  return text && HAS_HAN.test(text) ? 'zh-CN' : undefined;
}

/** Splits a text into runs: each Chinese run that `names` knows becomes its English name, the rest stays Chinese. */
export function splitMixed(text: string, names: ReadonlyMap<string, string>): MixedPart[] {
  const parts: MixedPart[] = [];
  let at = 0;
  for (const m of text.matchAll(HAN_RUN)) {
    if (m.index > at) parts.push({ text: text.slice(at, m.index), zh: false });
    const en = names.get(m[0]);
    parts.push(en ? { text: en, zh: false } : { text: m[0], zh: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), zh: false });
  return parts;
}

/**
 * name_zh → name_en of features; a name with a bracketed other name (“海军大道（海军路）”) is also
 * known by the part before the bracket. The first feature with a name keeps it.
 */
export function placeNameMap(features: Iterable<{ properties: Record<string, unknown> }>): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of features) {
    const zh = f.properties.name_zh;
    const en = f.properties.name_en;
    if (typeof zh !== 'string' || typeof en !== 'string' || !zh || !en) continue;
    if (!out.has(zh)) out.set(zh, en);
    const head = zh.split(/[（(]/)[0].trim();
    if (head && head !== zh && !out.has(head)) out.set(head, en);
  }
  return out;
}
