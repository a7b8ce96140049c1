import { Fragment } from 'react';
import { useI18n } from '../../hooks/use-i18n';
import { usePlaceNames } from '../../hooks/use-place-names';
import { hasHan, splitMixed } from '../../lib/mixed-text';

/**
 * English text from the data that may still hold Chinese: in English each Chinese run that is a
 * feature's name reads as its English name; any other run stays as written, marked lang="zh-CN" (the
 * data has no English or pinyin for it). In Chinese the text is shown as it is.
 */
export function MixedText({ text }: { text: string }) {
  const { lang } = useI18n();
  const names = usePlaceNames();
  if (lang === 'zh' || !hasHan(text)) return <>{text}</>;
  return (
    <>
      {splitMixed(text, names).map((p, i) => (p.zh ? <span key={i} lang="zh-CN">{p.text}</span> : <Fragment key={i}>{p.text}</Fragment>))}
    </>
  );
}
