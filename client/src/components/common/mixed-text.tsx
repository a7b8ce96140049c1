import { Fragment } from 'react';
import { useI18n } from '../../hooks/use-i18n';
import { usePlaceNames } from '../../hooks/use-place-names';

const HAN_RUN = /[\u3400-\u9fff]+/g;
const HAS_HAN = /[\u3400-\u9fff]/;

/**
 * English text from the data that may still hold Chinese (a method naming 海军大道, a target listing
 * 泰州石化): in English each Chinese run that is a feature's name reads as its English name; any other
 * run stays as written, marked lang="zh-CN" (no English or pinyin in the data to show instead).
 * In Chinese the text is shown as it is.
 */
export function MixedText({ text }: { text: string }) {
  const { lang } = useI18n();
  const names = usePlaceNames();
  if (lang === 'zh' || !HAS_HAN.test(text)) return <>{text}</>;
  const parts: Array<{ text: string; zh: boolean }> = [];
  let at = 0;
  for (const m of text.matchAll(HAN_RUN)) {
    if (m.index > at) parts.push({ text: text.slice(at, m.index), zh: false });
    const en = names.get(m[0]);
    parts.push(en ? { text: en, zh: false } : { text: m[0], zh: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), zh: false });
  return (
    <>
      {parts.map((p, i) => (p.zh ? <span key={i} lang="zh-CN">{p.text}</span> : <Fragment key={i}>{p.text}</Fragment>))}
    </>
  );
}
