import { useId } from 'react';
import { useI18n } from '../../hooks/use-i18n';
import type { OnlineBasemapState } from '../../lib/online-basemaps';

/** Opt-in switches for the online basemaps; nothing is requested until one is switched on. */
export function OnlineBasemapToggles({ state, onChange }: { state: OnlineBasemapState; onChange: (next: OnlineBasemapState) => void }) {
  const { t } = useI18n();
  const uid = useId();
  const keyMissing = state.tianditu && !state.tiandituKey.trim();
  return (
    <fieldset className="online-basemaps">
      <legend className="panel-heading">{t.onlineBasemaps}</legend>
      <p className="legend-explain">{t.onlineWarning}</p>
      <div className="check-row">
        <input id={`${uid}-tdt`} type="checkbox" checked={state.tianditu} onChange={(e) => onChange({ ...state, tianditu: e.target.checked })} />
        <label htmlFor={`${uid}-tdt`}>{t.tianditu}</label>
      </div>
      {state.tianditu && (
        <div className="key-row">
          <label htmlFor={`${uid}-tk`}>{t.tiandituKey}</label>
          <input
            id={`${uid}-tk`} type="password" autoComplete="off" spellCheck={false}
            value={state.tiandituKey}
            aria-describedby={keyMissing ? `${uid}-tk-hint` : undefined}
            onChange={(e) => onChange({ ...state, tiandituKey: e.target.value })}
          />
          {keyMissing && <p id={`${uid}-tk-hint`} className="hint">{t.tiandituKeyMissing}</p>}
        </div>
      )}
      <div className="check-row">
        <input id={`${uid}-osm`} type="checkbox" checked={state.osm} onChange={(e) => onChange({ ...state, osm: e.target.checked })} />
        <label htmlFor={`${uid}-osm`}>{t.osm}</label>
      </div>
    </fieldset>
  );
}
