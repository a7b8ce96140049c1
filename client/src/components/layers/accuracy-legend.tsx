import type { Accuracy } from '@contract/api';
import { useI18n } from '../../hooks/use-i18n';
import { accuracyLegendItem } from '../../lib/layer-style';
import { LegendSwatch } from './legend-swatch';

const CLASSES: Accuracy[] = ['surveyed', 'digitised', 'schematic'];

/** Explains how the three accuracy classes are drawn, with swatches from the map's own constants. */
export function AccuracyLegend() {
  const { t } = useI18n();
  return (
    <section className="accuracy-legend" aria-labelledby="accuracy-legend-heading">
      <h2 id="accuracy-legend-heading" className="panel-heading">{t.accuracyHeading}</h2>
      <ul>
        {CLASSES.map((a) => (
          <li key={a}>
            <LegendSwatch item={accuracyLegendItem(a)} />
            <div>
              <strong>{t.accuracy[a]}</strong> <span className="muted">· {t.accuracyLegend[a]}</span>
              <p className="legend-explain">{t.accuracyExplain[a]}</p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
