import { useState, type ReactNode } from 'react';
import type { AtlasFeatureCollection, Chain } from '@contract/api';
import type { CitationV2 } from '@contract/documents';
import type { SiteFeature, SiteSource } from '@contract/sites';
import { useI18n } from '../../hooks/use-i18n';
import { useSite, useSiteInventory, useSiteNearby, type InventoryFilters } from '../../hooks/use-site-inventory';
import { formatNumber, pick } from '../../lib/i18n';
import { CitationQuote } from '../feature/citation-quote';
import { SiteImport } from './site-import';
import './sites.css';

const KINDS = ['land', 'factory', 'office', 'warehouse'];
const STATUSES = ['available', 'reserved', 'planned', 'occupied'];
const M2_PER_MU = 10000 / 15;

/** The Sites tab: filters (kind, status, park, chain, area range in 亩 or m²), the matching sites, and a site's card. */
export function SiteInventory({ byId, chains, onSelectFeature, openSiteId = null }: {
  byId: Record<string, AtlasFeatureCollection>;
  chains: Chain[] | undefined;
  /** A site to open the card of when the tab opens (the selected feature, when it is a site). */
  openSiteId?: string | null;
  /** Selects a site on the map (its feature of layer 'sites') and flies there. */
  onSelectFeature: (id: string) => void;
}) {
  const { lang, t } = useI18n();
  const s = t.sites;
  const [f, setF] = useState<InventoryFilters>({ kind: '', status: [], park: '', chain: '', unit: 'mu', min: null, max: null });
  const [open, setOpen] = useState<string | null>(() => (openSiteId && byId.sites?.features.some((x) => String(x.id) === openSiteId) ? openSiteId : null));
  const q = useSiteInventory(f);
  const inList = open ? q.data?.features.find((x) => x.id === open) : undefined;
  const single = useSite(open && q.data && !inList ? open : null);
  const set = (c: Partial<InventoryFilters>) => setF((x) => ({ ...x, ...c }));
  const parks = (byId.parks?.features ?? []).map((p) => ({ id: String(p.id), name: pick(lang, p.properties.name_zh, p.properties.name_en) }));
  const num = (v: string) => (v.trim() === '' || !Number.isFinite(Number(v)) || Number(v) < 0 ? null : Number(v));
  const features = q.data?.features ?? [];
  const current = inList ?? (open ? single.data : undefined);

  if (current) return <SiteCard site={current} parks={parks} chains={chains} onBack={() => setOpen(null)} onShow={() => onSelectFeature(current.id)} />;
  return (
    <section className="site-inventory" aria-label={s.heading}>
      <h2>{s.heading}</h2>
      <SiteImport />
      <fieldset className="inventory-filters">
        <legend>{s.filtersLabel}</legend>
        <label className="field"><span className="field-label">{s.kind}</span>
          <select name="kind" value={f.kind} onChange={(e) => set({ kind: e.target.value, unit: e.target.value && e.target.value !== 'land' ? 'm2' : f.unit })}>
            <option value="">{s.anyKind}</option>
            {KINDS.map((k) => <option key={k} value={k}>{s.kinds[k]}</option>)}
          </select>
        </label>
        <div className="check-group" role="group" aria-label={s.status}>
          <span className="field-label">{s.status}</span>
          {STATUSES.map((st) => (
            <label key={st} className="check-row">
              <input type="checkbox" name="status" value={st} checked={f.status.includes(st)}
                onChange={(e) => set({ status: e.target.checked ? [...f.status, st] : f.status.filter((x) => x !== st) })} />
              <span className={`status-tag status-${st}`}>{s.statuses[st]}</span>
            </label>
          ))}
        </div>
        <label className="field"><span className="field-label">{s.park}</span>
          <select name="park" value={f.park} onChange={(e) => set({ park: e.target.value })}>
            <option value="">{s.anyPark}</option>
            {parks.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <label className="field"><span className="field-label">{s.chain}</span>
          <select name="chain" value={f.chain} onChange={(e) => set({ chain: e.target.value })}>
            <option value="">{s.anyChain}</option>
            {(chains ?? []).map((c) => <option key={c.id} value={c.id}>{pick(lang, c.name_zh, c.name_en)}</option>)}
          </select>
        </label>
        <div className="field-row">
          <label className="field"><span className="field-label">{s.minArea}</span>
            <input type="number" name="min" min={0} step="any" inputMode="decimal" onChange={(e) => set({ min: num(e.target.value) })} /></label>
          <label className="field"><span className="field-label">{s.maxArea}</span>
            <input type="number" name="max" min={0} step="any" inputMode="decimal" onChange={(e) => set({ max: num(e.target.value) })} /></label>
          <label className="field"><span className="field-label">{s.unit}</span>
            <select name="unit" value={f.unit} onChange={(e) => set({ unit: e.target.value === 'm2' ? 'm2' : 'mu' })}>
              <option value="mu">{s.units.mu}</option>
              <option value="m2">{s.units.m2}</option>
            </select></label>
        </div>
        {f.kind && f.kind !== 'land' && <span className="field-hint">{s.floorHint}</span>}
      </fieldset>
      <p className="inventory-count" aria-live="polite">{q.isLoading ? s.loading : s.count(features.length)}</p>
      <ul className="inventory-list">
        {features.map((x) => (
          <li key={x.id} data-site-id={x.id} className={x.properties.demo ? 'is-demo' : undefined}>
            <button type="button" className="link-button" onClick={() => setOpen(x.id)}>{pick(lang, x.properties.name_zh, x.properties.name_en)}</button>
            {x.properties.demo && <span className="demo-badge">{s.demo}</span>}
            <span className="inventory-meta">
              {s.kinds[x.properties.kind]} · <span className={`status-tag status-${x.properties.status ?? 'unknown'}`}>{x.properties.status ? s.statuses[x.properties.status] : s.unknown}</span>
              {' · '}{areaText(lang, x, s.units, s.unknown)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A site's area as the card and list say it: 亩 and m² for land, floor area for buildings; "unknown" when not stated. */
function areaText(lang: 'zh' | 'en', x: SiteFeature, units: Record<string, string>, unknown: string): string {
  const p = x.properties;
  const m2 = p.kind === 'land' ? p.area_m2 : p.floor_area_m2 ?? p.area_m2;
  if (m2 === null) return unknown;
  return `${formatNumber(lang, m2 / M2_PER_MU, 1)} ${units.mu} / ${formatNumber(lang, m2, 0)} ${units.m2}`;
}

/** Every attribute of one site, with an explicit "unknown" for each value the sources do not give. */
export function SiteCard({ site, parks, chains, onBack, onShow }: {
  site: SiteFeature;
  parks: Array<{ id: string; name: string }>;
  chains: Chain[] | undefined;
  onBack: () => void;
  onShow: () => void;
}) {
  const { lang, t } = useI18n();
  const s = t.sites;
  const p = site.properties;
  const u = (v: ReactNode | null | undefined) => (v === null || v === undefined || v === '' ? <span className="unknown">{s.unknown}</span> : v);
  const n = (v: number | null, unit: string, digits = 2) => (v === null ? null : `${formatNumber(lang, v, digits)} ${unit}`);
  const b = (v: boolean | null) => (v === null ? null : v ? s.yes : s.no);
  const range = (a: number | null, z: number | null, unit = '') => (a === null && z === null ? null : `${a === null ? '' : formatNumber(lang, a, 2)}–${z === null ? '' : formatNumber(lang, z, 2)}${unit}`);
  const rows: Array<[string, ReactNode]> = [
    [s.kind, s.kinds[p.kind]],
    [s.status, p.status ? <span className={`status-tag status-${p.status}`}>{s.statuses[p.status]}</span> : null],
    [s.statusAsOf, p.status_as_of],
    [s.park, parks.find((x) => x.id === p.park_id)?.name ?? null],
    [s.area, p.area_m2 === null ? null : `${formatNumber(lang, p.area_mu!, 1)} ${s.units.mu} / ${formatNumber(lang, p.area_m2, 0)} ${s.units.m2}`],
    [s.floorArea, n(p.floor_area_m2, s.units.m2, 0)],
    [s.floors, p.floors === null ? null : String(p.floors)],
    [s.floorLoad, n(p.floor_load_kn_m2, 'kN/m²')],
    [s.clearHeight, n(p.clear_height_m, 'm')],
    [s.landUse, p.land_use_code ? `${p.land_use_code} ${pick(lang, p.land_use_zh, p.land_use_en)}` : p.land_use_note],
    [s.plotRatio, range(p.plot_ratio_min, p.plot_ratio_max)],
    [s.heightMax, n(p.height_max_m, 'm')],
    [s.greenRatio, range(p.green_ratio_min_pct, p.green_ratio_max_pct, '%')],
    [s.price, p.price_value === null ? null : `${formatNumber(lang, p.price_value, 2)} ${p.price_unit}`],
    [s.power, n(p.utility_power_kva, 'kVA', 0)],
    [s.water, b(p.utility_water)], [s.gas, b(p.utility_gas)], [s.steam, b(p.utility_steam)], [s.wastewater, b(p.utility_wastewater)], [s.g5, b(p.utility_5g)],
    [s.restrictions, p.restrictions],
    [s.chains, p.chains.length ? p.chains.map((c) => { const ch = chains?.find((x) => x.id === c); return ch ? pick(lang, ch.name_zh, ch.name_en) : c; }).join('、') : null],
    [s.contact, [p.contact_unit, p.contact_name, p.contact_phone, p.contact_email].filter(Boolean).join(' · ') || null],
    [s.notes, p.notes],
    [s.accuracy, t.accuracy[p.accuracy as keyof typeof t.accuracy] as ReactNode ?? p.accuracy],
  ];
  return (
    <article className={`site-card${p.demo ? ' is-demo' : ''}`} data-site-id={p.id}>
      <button type="button" className="link-button" onClick={onBack}>← {s.back}</button>
      <h2>{pick(lang, p.name_zh, p.name_en)} {p.demo && <span className="demo-badge">{s.demo}</span>}</h2>
      {p.demo && <p className="demo-note" role="note">{s.demoNote}</p>}
      <button type="button" className="show-on-map" onClick={onShow}>{s.showOnMap}</button>
      <section className="site-photos" aria-label={s.photos}>
        {p.photo_ids.length === 0 ? <p className="unknown">{s.noPhotos}</p> : p.photo_ids.map((id) => (
          <a key={id} href={`/api/sites/${p.id}/photos/${id}`} target="_blank" rel="noreferrer">
            <img src={`/api/sites/${p.id}/photos/${id}?size=thumb`} alt={pick(lang, p.name_zh, p.name_en)} loading="lazy" />
          </a>
        ))}
      </section>
      <dl className="site-facts">
        {rows.map(([k, v]) => <div key={k} className="site-fact"><dt>{k}</dt><dd>{u(v)}</dd></div>)}
      </dl>
      <SiteDistances id={p.id} />
      <section className="site-source">
        <h3>{s.source}</h3>
        {p.source.kind === 'document' && <SourceQuote source={p.source} />}
        {p.source.kind === 'staff' && <p>{s.sourceStaff(p.source.by ?? '?', (p.source.at ?? '').slice(0, 10))}{p.source.note ? ` · ${p.source.note}` : ''}</p>}
        {p.source.kind === 'demo' && <p className="demo-note">{s.demoNote}</p>}
      </section>
    </article>
  );
}

/** A document site's quote through the shared quote component: its translation in English, the Chinese original one click away. */
function SourceQuote({ source }: { source: SiteSource }) {
  if (!source.citation_id || !source.document_id || source.quote === null) return null;
  const citation: CitationV2 = {
    id: source.citation_id, document_id: source.document_id, quote: source.quote, quote_en: source.quote_en,
    document_title_zh: source.document_title_zh ?? source.document_id, document_title_en: source.document_title_en ?? source.document_id,
    first_seq: source.first_seq, last_seq: source.last_seq,
  };
  return <CitationQuote citation={citation} />;
}

const NEARBY_KINDS = ['port', 'station', 'expressway'] as const;

/** Distances to the port, railway station and expressway already on the map, approximate where a position is schematic. */
function SiteDistances({ id }: { id: string }) {
  const { lang, t } = useI18n();
  const s = t.sites;
  const q = useSiteNearby(id);
  return (
    <section className="site-distances" aria-label={s.nearby} aria-busy={q.isLoading}>
      <h3>{s.nearby}</h3>
      {q.isLoading ? <p>{s.nearbyLoading}</p> : (
        <dl className="site-facts">
          {NEARBY_KINDS.map((kind) => {
            const n = q.data?.find((x) => x.kind === kind);
            // Approximate distances keep one decimal of a kilometre at most: a schematic point is not metre-exact.
            const km = n ? formatNumber(lang, n.distance_m / 1000, n.approximate || n.distance_m >= 10_000 ? 1 : 2) : '';
            return (
              <div key={kind} className="site-fact" data-nearby={kind}>
                <dt>{s.nearbyKinds[kind]}</dt>
                <dd>
                  {n ? <>
                    <span className="nearby-name">{pick(lang, n.name_zh, n.name_en)}</span>{' '}
                    <strong className="nearby-distance" data-distance-m={n.distance_m}>{n.approximate ? s.nearbyApproxDistance(km) : s.nearbyDistance(km)}</strong>
                    {(n.to === 'line' || n.approximate) && <span className="nearby-note">{[n.to === 'line' ? s.nearbyLine : null, n.approximate ? s.nearbyApprox : null].filter(Boolean).join('; ')}</span>}
                  </> : <span className="unknown">{q.isError ? s.unknown : s.nearbyNone}</span>}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </section>
  );
}
