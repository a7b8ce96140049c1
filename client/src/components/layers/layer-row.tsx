import { useId, useState } from 'react';
import type { AtlasFeature, LayerInfo } from '@contract/api';
import { useI18n } from '../../hooks/use-i18n';
import { pick } from '../../lib/i18n';
import type { LayerControl, LegendItem } from '../../lib/layer-style';
import { hasHan } from '../../lib/mixed-text';
import { MixedText } from '../common/mixed-text';
import { LegendSwatch } from './legend-swatch';

/** Props of one layer's row in the layer panel. */
export interface LayerRowProps {
  info: LayerInfo;
  control: LayerControl;
  legend: LegendItem[];
  features: AtlasFeature[] | undefined;
  error: Error | undefined;
  selectedId: string | null;
  onVisible: (visible: boolean) => void;
  onOpacity: (opacity: number) => void;
  onSelectFeature: (featureId: string) => void;
  onRetry: () => void;
}

/** A layer's toggle, legend swatch, opacity slider and (expandable) keyboard-reachable feature list. */
export function LayerRow({ info, control, legend, features, error, selectedId, onVisible, onOpacity, onSelectFeature, onRetry }: LayerRowProps) {
  const { lang, t } = useI18n();
  const [expanded, setExpanded] = useState(false);
  const uid = useId();
  const title = pick(lang, info.title_zh, info.title_en);
  const description = pick(lang, info.description_zh, info.description_en);
  const names = new Map((features ?? []).map((f) => [String(f.id), pick(lang, f.properties.name_zh, f.properties.name_en)]));
  const layerSwatch = legend.find((l) => l.featureId === null) ?? legend[0];
  const perFeature = legend.filter((l) => l.featureId !== null);
  const perStatus = legend.filter((l) => l.status);
  const count = features?.length ?? info.feature_count;
  const percent = Math.round(control.opacity * 100);

  return (
    <li className={`layer-row${control.visible ? '' : ' is-off'}`}>
      <div className="layer-row-main">
        <input id={`${uid}-toggle`} type="checkbox" checked={control.visible} onChange={(e) => onVisible(e.target.checked)} />
        <label htmlFor={`${uid}-toggle`} className="layer-title" title={description && (lang === 'zh' || !hasHan(description)) ? description : undefined}>
          {layerSwatch && <LegendSwatch item={layerSwatch} />}
          <span className="layer-name">{title}</span>
        </label>
        <button
          type="button"
          className="icon-button expand-button"
          aria-expanded={expanded}
          aria-controls={`${uid}-features`}
          onClick={() => setExpanded((v) => !v)}
          title={expanded ? t.hideFeatures : t.listFeatures}
        >
          <span className="visually-hidden">{`${expanded ? t.hideFeatures : t.listFeatures}: ${title}`}</span>
          <span className="feature-count" aria-hidden="true">{count}</span>
          <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12" className={expanded ? 'chevron open' : 'chevron'}>
            <path d="M4 2.5 L8 6 L4 9.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
          </svg>
        </button>
      </div>
      <div className="layer-row-opacity">
        <label htmlFor={`${uid}-opacity`} className="visually-hidden">{`${t.opacity}: ${title}`}</label>
        <span className="opacity-label" aria-hidden="true">{t.opacity}</span>
        <input
          id={`${uid}-opacity`}
          type="range" min={0} max={100} step={5} value={percent}
          disabled={!control.visible}
          aria-valuetext={`${percent}%`}
          onChange={(e) => onOpacity(Number(e.target.value) / 100)}
        />
        <output htmlFor={`${uid}-opacity`} className="opacity-value">{percent}%</output>
      </div>
      {error && (
        <p className="layer-error" role="alert">
          {t.loadFailed}: {error.message}{' '}
          <button type="button" className="link-button" onClick={onRetry}>{t.retry}</button>
        </p>
      )}
      {perFeature.length > 0 && (
        <ul className="legend-sublist">
          {perFeature.map((item) => (
            <li key={item.featureId}>
              <LegendSwatch item={item} size="sm" />
              <span>{names.get(item.featureId!) ?? item.featureId}</span>
            </li>
          ))}
        </ul>
      )}
      {perStatus.length > 0 && (
        <ul className="legend-sublist legend-status">
          {perStatus.map((item) => (
            <li key={item.status} data-status={item.status}>
              <LegendSwatch item={item} size="sm" />
              <span>{t.inv.siteStatus[item.status!]}</span>
            </li>
          ))}
          {layerSwatch && (
            <li data-status="unknown">
              <LegendSwatch item={layerSwatch} size="sm" />
              <span>{t.sites.unknown}</span>
            </li>
          )}
        </ul>
      )}
      <div id={`${uid}-features`} hidden={!expanded} className="feature-list">
        {expanded && (
          <>
            {description && <p className="layer-description"><MixedText text={description} /></p>}
            {!features ? (
              <p className="muted">{error ? t.loadFailed : t.loading}</p>
            ) : features.length === 0 ? (
              <p className="muted">{t.noFeatures}</p>
            ) : (
              <ul>
                {features.map((f) => {
                  const fid = String(f.id);
                  return (
                    <li key={fid}>
                      <button
                        type="button"
                        className={`feature-button${selectedId === fid ? ' is-selected' : ''}`}
                        aria-current={selectedId === fid ? 'true' : undefined}
                        onClick={() => onSelectFeature(fid)}
                      >
                        <span>{pick(lang, f.properties.name_zh, f.properties.name_en)}</span>
                        <span className={`accuracy-tag accuracy-${f.properties.accuracy}`}>{t.accuracy[f.properties.accuracy]}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </>
        )}
      </div>
    </li>
  );
}
