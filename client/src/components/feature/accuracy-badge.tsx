import type { Accuracy } from '@contract/api';
import { useI18n } from '../../hooks/use-i18n';
import { MixedText } from '../common/mixed-text';

/** The accuracy class as a badge, with its plain-language explanation and the feature's method. */
export function AccuracyBadge({ accuracy, method }: { accuracy: Accuracy; method?: string | null }) {
  const { lang, t } = useI18n();
  return (
    <div className={`accuracy-block accuracy-${accuracy}`}>
      <span className={`accuracy-badge accuracy-${accuracy}`} data-accuracy={accuracy}>
        {t.accuracy[accuracy]}
        {lang === 'zh' && <span className="accuracy-badge-en" lang="en">{accuracy}</span>}
      </span>
      <p className="accuracy-explain">{t.accuracyExplain[accuracy]}</p>
      {method && (
        <p className="accuracy-method">
          <strong>{t.method}</strong>{" "}
          <MixedText text={method} />
        </p>
      )}
    </div>
  );
}
