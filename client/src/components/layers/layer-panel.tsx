import { useMemo } from 'react';
import type { LayerInfo, Theme } from '@contract/api';
import { useI18n } from '../../hooks/use-i18n';
import type { LayerDataState } from '../../hooks/use-layer-data';
import type { LayerControls } from '../../hooks/use-layer-controls';
import { summarise } from '../../lib/atlas-data';
import { buildLayerRender } from '../../lib/layer-style';
import type { OnlineBasemapState } from '../../lib/online-basemaps';
import { AccuracyLegend } from './accuracy-legend';
import { LayerRow } from './layer-row';
import { OnlineBasemapToggles } from './online-basemap-toggles';

/** Theme order of the panel: what the atlas is about first, the basemap last. */
const THEME_ORDER: Theme[] = ['administrative', 'parks', 'zones', 'structure', 'networks', 'nodes', 'sites', 'basemap'];

/** Props of the layer panel. */
export interface LayerPanelProps {
  id: string;
  layers: LayerInfo[] | undefined;
  layersError: Error | null;
  data: LayerDataState;
  controls: LayerControls;
  basemaps: OnlineBasemapState;
  onBasemapsChange: (next: OnlineBasemapState) => void;
  selectedId: string | null;
  onSelectFeature: (featureId: string) => void;
  onRetryLayers: () => void;
}

/** The layer panel: layers grouped by theme, the accuracy legend and the online basemap switches. */
export function LayerPanel(props: LayerPanelProps) {
  const { id, layers, layersError, data, controls, basemaps, onBasemapsChange, selectedId, onSelectFeature, onRetryLayers } = props;
  const { lang, t } = useI18n();

  const groups = useMemo(() => {
    const byTheme = new Map<Theme, LayerInfo[]>();
    for (const l of layers ?? []) byTheme.set(l.theme, [...(byTheme.get(l.theme) ?? []), l]);
    return THEME_ORDER.filter((th) => byTheme.has(th)).map((th) => ({ theme: th, layers: byTheme.get(th)! }));
  }, [layers]);

  return (
    <nav id={id} className="layer-panel" aria-label={t.layers}>
      <h2 className="panel-heading visually-hidden">{t.layers}</h2>
      {!layers && !layersError && <p className="muted panel-pad">{t.loading}</p>}
      {layersError && (
        <p className="layer-error panel-pad" role="alert">
          {t.errorLayers}: {layersError.message}{' '}
          <button type="button" className="link-button" onClick={onRetryLayers}>{t.retry}</button>
        </p>
      )}
      {groups.map((group) => (
        <section key={group.theme} className="theme-group" aria-labelledby={`theme-${group.theme}`}>
          <h3 id={`theme-${group.theme}`} className="theme-heading">{t.themes[group.theme]}</h3>
          <ul className="layer-list">
            {group.layers.map((info) => {
              const control = controls.controls[info.id] ?? { visible: info.style.visible ?? true, opacity: 1 };
              // The same builder as the map's, so the swatches show exactly what is drawn.
              const render = buildLayerRender(info, summarise(data.byId[info.id]), control, lang);
              return (
                <LayerRow
                  key={info.id}
                  info={info}
                  control={control}
                  legend={render.legend}
                  features={data.byId[info.id]?.features}
                  error={data.errors[info.id]}
                  selectedId={selectedId}
                  onVisible={(v) => controls.setVisible(info.id, v)}
                  onOpacity={(o) => controls.setOpacity(info.id, o)}
                  onSelectFeature={onSelectFeature}
                  onRetry={() => data.retry(info.id)}
                />
              );
            })}
          </ul>
        </section>
      ))}
      <AccuracyLegend />
      <OnlineBasemapToggles state={basemaps} onChange={onBasemapsChange} />
    </nav>
  );
}
