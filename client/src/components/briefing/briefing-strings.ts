import { strings, type Strings } from '../../lib/i18n';

/** The briefing builder's and present mode's words: the `briefing` section of the locale files (client/src/locales). */
export type BriefingStrings = Strings['briefing'];

/** The briefing section of a language's strings (built once per language by lib/i18n.ts). */
export function briefingStrings(lang: 'zh' | 'en'): BriefingStrings {
  return strings(lang).briefing;
}
