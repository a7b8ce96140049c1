import { useI18n } from '../../hooks/use-i18n';
import type { Lang } from '../../lib/i18n';

const LANGS: Array<{ lang: Lang; label: string; htmlLang: string }> = [
  { lang: 'zh', label: '中文', htmlLang: 'zh-CN' },
  { lang: 'en', label: 'EN', htmlLang: 'en' },
];

/** 中文/EN segmented switch; changes UI strings and map labels, never the camera. */
export function LangSwitch() {
  const { lang, t, setLang } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={`${t.language} / Language`}>
      {LANGS.map((l) => (
        <button key={l.lang} type="button" lang={l.htmlLang} aria-pressed={lang === l.lang} onClick={() => setLang(l.lang)}>
          {l.label}
        </button>
      ))}
    </div>
  );
}
