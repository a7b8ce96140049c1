import i18next, { type i18n as I18next, type TFunction } from 'i18next';
import ICU from 'i18next-icu';
import zhMessages from '../locales/zh.json';
import enMessages from '../locales/en.json';
import argNames from '../locales/args.json';
import type { MessageNode, MessageTree } from './i18n-check';
import type { Strings } from '../locales/shape';

export type { Strings };

/** The two UI languages; zh is the default because the source documents are Chinese. */
export type Lang = 'zh' | 'en';

/**
 * The app's i18next instance: ICU messages (i18next-icu over intl-messageformat) from one locale
 * file per language (client/src/locales/zh.json, en.json). Resources are bundled, so it is ready
 * synchronously and works offline.
 */
export const i18n: I18next = i18next.createInstance();
void i18n.use(new ICU()).init({
  resources: { zh: { translation: zhMessages }, en: { translation: enMessages } },
  lng: 'zh',
  fallbackLng: false,
  supportedLngs: ['zh', 'en'],
  nsSeparator: false,
  keySeparator: '.',
  returnEmptyString: true,
  interpolation: { escapeValue: false },
  initAsync: false,
});

const args = argNames as Record<string, string[]>;

/**
 * Builds the typed strings object of a language over i18next: a message without arguments is a
 * string, one with arguments a function taking them in the order args.json lists them — so call
 * sites keep reading `t.inv.parkCount(n)` while every text comes from the locale files.
 */
function build(t: TFunction, node: MessageNode, key: string): unknown {
  if (typeof node === 'string') {
    const names = args[key];
    if (!names) return t(key);
    return (...values: unknown[]) => t(key, Object.fromEntries(names.map((n, i) => [n, values[i]])));
  }
  if (Array.isArray(node)) return node.map((child, i) => build(t, child, `${key}.${i}`));
  // Each member is translated the first time it is read, then kept: building all ~800 messages up front
  // (ICU parsing each) cost ~100 ms of main thread before the first render, in front of the map (issue 19).
  const out: Record<string, unknown> = {};
  for (const [k, child] of Object.entries(node)) {
    Object.defineProperty(out, k, {
      enumerable: true,
      configurable: true,
      get() {
        const value = build(t, child, key ? `${key}.${k}` : k);
        Object.defineProperty(out, k, { value, enumerable: true, configurable: false, writable: false });
        return value;
      },
    });
  }
  return out;
}

const cache = new Map<Lang, Strings>();

/** UI strings for a language (built once per language; each message translated when first read). */
export function strings(lang: Lang): Strings {
  let s = cache.get(lang);
  if (!s) {
    s = build(i18n.getFixedT(lang), zhMessages as MessageTree, '') as Strings;
    cache.set(lang, s);
  }
  return s;
}

/** The feature property that holds a name in the given language. */
export function nameField(lang: Lang): 'name_zh' | 'name_en' {
  return lang === 'zh' ? 'name_zh' : 'name_en';
}

/** Picks the zh or en member of a bilingual record, falling back to the other when one is empty. */
export function pick(lang: Lang, zhText: string | null | undefined, enText: string | null | undefined): string {
  const first = lang === 'zh' ? zhText : enText;
  const second = lang === 'zh' ? enText : zhText;
  return first || second || '';
}

/** Formats a number for the UI with the language's digit grouping. */
export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits }).format(value);
}
