import { useEffect, useId, useState } from 'react';
import type { AtlasFeatureCollection, SiteInfo, SiteStatus } from '@contract/api';
import { useI18n } from '../../hooks/use-i18n';
import { useSites } from '../../hooks/use-sites';
import { formatNumber, pick, type Lang } from '../../lib/i18n';
import { SITE_STATUS_ORDER, type AreaUnit, type ExplorerFilters } from '../../lib/url-state';
import { CitationQuote } from '../feature/citation-quote';

/** True when a status or minimum-area filter is on. */
export function siteFiltersOn(f: ExplorerFilters): boolean {
  return f.siteStatus.length > 0 || f.minArea !== null;
}

/** An area in the unit the investor chose: 3.29 km² ↔ 329 公顷 / ha. */
export function formatArea(lang: Lang, km2: number, unit: AreaUnit, unitNames: Record<AreaUnit, string>): string {
  const v = unit === 'ha' ? km2 * 100 : km2;
  return `${formatNumber(lang, v, unit === 'ha' ? 1 : 2)} ${unitNames[unit]}`;
}

/** Status checkboxes, minimum area and its unit (ha / km²); every change goes into the filters (and so the URL). */
export function SiteFilters({ filters, setFilters }: { filters: ExplorerFilters; setFilters: (change: Partial<ExplorerFilters>) => void }) {
  const { t } = useI18n();
  const uid = useId();
  const s = t.inv.siteFilter;
  // The typed text stays local so "0." can be typed; only a valid number (or nothing) reaches the filters.
  const [text, setText] = useState(filters.minArea === null ? '' : String(filters.minArea));
  useEffect(() => {
    setText((prev) => (Number(prev) === filters.minArea && prev.trim() !== '' ? prev : filters.minArea === null ? '' : String(filters.minArea)));
  }, [filters.minArea]);
  const toggle = (status: SiteStatus, on: boolean) => {
    const next = on ? [...filters.siteStatus, status] : filters.siteStatus.filter((x) => x !== status);
    setFilters({ siteStatus: SITE_STATUS_ORDER.filter((x) => next.includes(x)) });
  };
  return (
    <fieldset className="site-filters">
      <legend>{s.legend}</legend>
      <div className="site-status-checks" role="group" aria-labelledby={`${uid}-st`}>
        <span id={`${uid}-st`} className="field-label">{s.status}</span>
        {SITE_STATUS_ORDER.map((status) => (
          <label key={status} className="check-row">
            <input type="checkbox" name="st" value={status} checked={filters.siteStatus.includes(status)} onChange={(e) => toggle(status, e.target.checked)} />
            <span className={`status-tag status-${status}`}>{t.inv.siteStatus[status] ?? status}</span>
          </label>
        ))}
      </div>
      <div className="field-row min-area-row">
        <label className="field">
          <span className="field-label">{s.minArea}</span>
          <input
            type="number"
            name="minarea"
            inputMode="decimal"
            min={0}
            step="any"
            value={text}
            aria-describedby={`${uid}-hint`}
            onChange={(e) => {
              setText(e.target.value);
              const raw = e.target.value.trim();
              const n = Number(raw);
              if (raw === '') setFilters({ minArea: null });
              else if (Number.isFinite(n) && n >= 0) setFilters({ minArea: n });
            }}
          />
        </label>
        <label className="field">
          <span className="field-label">{s.unit}</span>
          <select name="au" value={filters.areaUnit} onChange={(e) => {
              // The minimum keeps its meaning: 300 ha becomes 3 km², not 300 km².
              const unit: AreaUnit = e.target.value === 'ha' ? 'ha' : 'km2';
              if (unit === filters.areaUnit) return;
              const v = filters.minArea;
              setFilters({ areaUnit: unit, minArea: v === null ? null : Number((unit === 'ha' ? v * 100 : v / 100).toPrecision(6)) });
            }}>
            <option value="km2">{s.units.km2}</option>
            <option value="ha">{s.units.ha}</option>
          </select>
        </label>
      </div>
      <span id={`${uid}-hint`} className="field-hint">{s.hint}</span>
    </fieldset>
  );
}

/** One site: name (selects it), park, status, and its area — computed, stated with its quote, or why there is none. */
export function SiteItem({ site, byId, unit, selected, onSelect, showPark = true }: {
  site: SiteInfo;
  byId: Record<string, AtlasFeatureCollection>;
  unit: AreaUnit;
  selected: boolean;
  onSelect: () => void;
  showPark?: boolean;
}) {
  const { lang, t } = useI18n();
  const s = t.inv.siteFilter;
  const a = site.area;
  const nameOf = (id: string | null) => {
    if (!id) return null;
    for (const fc of Object.values(byId)) {
      const f = fc.features.find((x) => String(x.id) === id);
      if (f) return pick(lang, f.properties.name_zh, f.properties.name_en);
    }
    return id;
  };
  const park = showPark ? nameOf(site.park_id) : null;
  const statedText = a.stated ? formatArea(lang, Number(a.stated.value), unit, s.units) : null;
  return (
    <li className={`site-row site-item${selected ? ' is-selected' : ''}`} data-site-id={site.id} data-area-km2={a.km2 ?? ''}>
      <div className="site-row-head">
        <button type="button" className="park-name-button" onClick={onSelect} aria-current={selected ? 'true' : undefined}>
          <span className="park-name">{pick(lang, site.name_zh, site.name_en)}</span>
          {park && <span className="park-other-name">{park}</span>}
        </button>
        {site.status && <span className={`status-tag status-${site.status}`}>{t.inv.siteStatus[site.status] ?? site.status}</span>}
      </div>
      {a.km2 !== null ? (
        <p className="site-meta site-area">
          <strong>{formatArea(lang, a.km2, unit, s.units)}</strong>
          {a.basis === 'computed' && <span className="muted"> · {s.computedOn(pick(lang, a.computed_from_name_zh, a.computed_from_name_en))}</span>}
          {a.basis === 'entered' && <span className="muted"> · {s.entered}</span>}
        </p>
      ) : (
        <p className="site-meta site-area is-unknown">
          <strong>{t.inv.areaUnknown}</strong> <span className="muted">· {pick(lang, a.reason_zh, a.reason_en)}</span>
        </p>
      )}
      {a.stated && (
        <details className="site-stated">
          <summary>{s.stated(statedText ?? '')}</summary>
          <CitationQuote citation={a.stated.citation} />
        </details>
      )}
      {site.land_use && <p className="site-meta muted">{t.inv.landUse}: {site.land_use}</p>}
    </li>
  );
}

/** A site's area as a fact row (dt/dd) for the feature panel: computed, stated, or “area not stated” with the reason. */
export function SiteAreaFact({ siteId }: { siteId: string }) {
  const { lang, t } = useI18n();
  const sites = useSites([], null);
  const a = sites.data?.sites.find((x) => x.id === siteId)?.area;
  if (!a) return null;
  const s = t.inv.siteFilter;
  return (
    <div className="fact-wide site-area-fact">
      <dt>{t.area}</dt>
      <dd>
        {a.km2 !== null ? `${formatNumber(lang, a.km2, a.km2 < 0.1 ? 4 : 2)} ${s.units.km2}` : t.inv.areaUnknown}
        <span className="muted small-note">
          {' · '}
          {a.km2 === null ? pick(lang, a.reason_zh, a.reason_en)
            : a.basis === 'computed' ? s.computedOn(pick(lang, a.computed_from_name_zh, a.computed_from_name_en))
            : a.basis === 'entered' ? s.entered
            : s.stated(`${a.stated?.value_text} ${a.stated?.unit}`)}
        </span>
        {a.floor_area_m2 !== null && <span className="site-floor-area"> · {s.floorArea(formatNumber(lang, a.floor_area_m2, 0))}</span>}
      </dd>
    </div>
  );
}
