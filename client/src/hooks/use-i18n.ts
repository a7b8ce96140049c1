import { createContext, useContext } from 'react';
import { strings, type Lang, type Strings } from '../lib/i18n';

/** The current language and its strings, provided once by the app. */
export interface I18n {
  lang: Lang;
  t: Strings;
  setLang: (lang: Lang) => void;
}

/** React context carrying the UI language. */
export const I18nContext = createContext<I18n>({ lang: 'zh', t: strings('zh'), setLang: () => {} });

/** The current language, its strings and the setter. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
