import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { bbox } from '@turf/turf';
import { useI18n } from '../../hooks/use-i18n';
import { useMapOverlay, type OverlayStyle } from '../../hooks/use-map-overlay';
import { useStaff } from '../../hooks/use-staff';
import { ApiError, fetchCompare, fetchHistory, queryKeys, staffKeys, type CompareQuery } from '../../lib/api';
import { formatNumber, pick, type Lang } from '../../lib/i18n';
import { SIDE_COLORS, SwipeMaps } from './swipe-maps';
import './compare.css';

/** Overlay view: A dashed red and B blue outlines, with what B removed filled red and what it added filled green. */
export const PART_COLORS = { added: '#1a9641', removed: '#d7191c' } as const;
const OVERLAY: Record<string, OverlayStyle> = {
  removed: { color: PART_COLORS.removed, width: 0.5, fillOpacity: 0.45 },
  added: { color: PART_COLORS.added, width: 0.5, fillOpacity: 0.45 },
  b: { color: SIDE_COLORS.b, width: 3 },
  a: { color: SIDE_COLORS.a, width: 2.5, dash: [2, 1.5] },
};
const NO_FEATURES: GeoJSON.Feature[] = [];

/** m² with the hectares beside them: the units planning staff quote. */
export function formatM2(lang: Lang, m2: number): string {
  return `${formatNumber(lang, m2, 0)} m² (${formatNumber(lang, m2 / 1e4, 2)} ${lang === 'zh' ? '公顷' : 'ha'})`;
}

/**
 * Plan-version compare: two versions of a feature (from its history) or two layers, shown as a swipe
 * (A left, B right of a divider) or overlaid, with the unchanged, added and removed areas from PostGIS.
 */
export function ComparePanel({ featureId, a: a0, b: b0 }: { featureId?: string; a?: number | null; b?: number | null }) {
  const { lang, t } = useI18n();
  const staff = useStaff()!;
  const [mode, setMode] = useState<'swipe' | 'overlay'>('swipe');

  const history = useQuery({
    queryKey: queryKeys.history(featureId ?? ''),
    queryFn: ({ signal }) => fetchHistory(featureId!, signal),
    enabled: !!featureId,
  });
  const versions = useMemo(() => (history.data ?? []).filter((h) => h.op !== 'delete'), [history.data]);
  const [va, setVa] = useState<number | null>(a0 ?? null);
  const [vb, setVb] = useState<number | null>(b0 ?? null);
  useEffect(() => {
    if (!versions.length) return;
    if (vb === null) setVb(versions[versions.length - 1].version);
    if (va === null) setVa(versions[Math.max(0, versions.length - 2)].version);
  }, [versions, va, vb]);

  const areaLayers = useMemo(() => (staff.layers ?? []).filter((l) => l.geometry_type === 'polygon' && l.feature_count > 0), [staff.layers]);
  const [la, setLa] = useState('');
  const [lb, setLb] = useState('');
  useEffect(() => {
    if (featureId || !areaLayers.length) return;
    if (!la) setLa((areaLayers.find((l) => l.id === 'parks') ?? areaLayers[0]).id);
    if (!lb) setLb((areaLayers.find((l) => l.id === 'zones') ?? areaLayers[areaLayers.length - 1]).id);
  }, [featureId, areaLayers, la, lb]);

  const query: CompareQuery | null = featureId
    ? va !== null && vb !== null ? { a: `${featureId}@${va}`, b: `${featureId}@${vb}` } : null
    : la && lb ? { layerA: la, layerB: lb } : null;
  const result = useQuery({
    queryKey: staffKeys.compare(query ?? { a: '', b: '' }),
    queryFn: ({ signal }) => fetchCompare(query!, signal),
    enabled: query !== null,
    placeholderData: (prev) => prev,
  });
  const data = result.data;

  const overlay = useMemo<GeoJSON.Feature[]>(() => {
    if (!data || mode !== 'overlay') return NO_FEATURES;
    const f = (geometry: GeoJSON.Geometry | null, role: string): GeoJSON.Feature[] => (geometry ? [{ type: 'Feature', geometry, properties: { role } }] : []);
    return [...f(data.removed, 'removed'), ...f(data.added, 'added'), ...f(data.b.geometry, 'b'), ...f(data.a.geometry, 'a')];
  }, [data, mode]);
  useMapOverlay(staff.map, 'compare', overlay, OVERLAY);

  // Go to the compared geometries when they change.
  const extentKey = data ? JSON.stringify(bbox({ type: 'GeometryCollection', geometries: [data.a.geometry, data.b.geometry] })) : '';
  useEffect(() => {
    if (!staff.map || !extentKey) return;
    const [x0, y0, x1, y1] = JSON.parse(extentKey) as number[];
    staff.map.fitBounds([[x0, y0], [x1, y1]], { padding: { top: 80, bottom: 60, left: 380, right: 460 }, maxZoom: 16, duration: 0 });
  }, [staff.map, extentKey]);

  const versionLabel = (v: number) => {
    const h = versions.find((x) => x.version === v);
    const last = versions[versions.length - 1]?.version === v && history.data?.[history.data.length - 1]?.op !== 'delete';
    return `${t.staff.version(v)}${last ? ` (${t.io.current})` : ''}${h ? ` · ${h.changed_by ?? ''}` : ''}`;
  };
  const error = result.error ? (result.error instanceof ApiError && result.error.problem?.detail ? result.error.problem.detail : result.error.message) : null;

  return (
    <div className="compare-versions" data-mode={mode} data-query={query ? new URLSearchParams(query as Record<string, string>).toString() : ''}>
      {featureId ? (
        <div className="compare-pickers">
          <label>
            <span className="side-swatch" style={{ background: SIDE_COLORS.a }} aria-hidden="true" />{t.io.versionA}
            <select name="version-a" value={va ?? ''} onChange={(e) => setVa(Number(e.target.value))}>
              {versions.map((h) => <option key={h.version} value={h.version}>{versionLabel(h.version)}</option>)}
            </select>
          </label>
          <label>
            <span className="side-swatch" style={{ background: SIDE_COLORS.b }} aria-hidden="true" />{t.io.versionB}
            <select name="version-b" value={vb ?? ''} onChange={(e) => setVb(Number(e.target.value))}>
              {versions.map((h) => <option key={h.version} value={h.version}>{versionLabel(h.version)}</option>)}
            </select>
          </label>
        </div>
      ) : (
        <div className="compare-pickers">
          <label>
            <span className="side-swatch" style={{ background: SIDE_COLORS.a }} aria-hidden="true" />{t.io.layerA}
            <select name="layer-a" value={la} onChange={(e) => setLa(e.target.value)}>
              {areaLayers.map((l) => <option key={l.id} value={l.id}>{pick(lang, l.title_zh, l.title_en)}</option>)}
            </select>
          </label>
          <label>
            <span className="side-swatch" style={{ background: SIDE_COLORS.b }} aria-hidden="true" />{t.io.layerB}
            <select name="layer-b" value={lb} onChange={(e) => setLb(e.target.value)}>
              {areaLayers.map((l) => <option key={l.id} value={l.id}>{pick(lang, l.title_zh, l.title_en)}</option>)}
            </select>
          </label>
        </div>
      )}

      <div className="compare-mode" role="group">
        <button type="button" className="staff-button small" aria-pressed={mode === 'swipe'} onClick={() => setMode('swipe')}>{t.io.modeSwipe}</button>
        <button type="button" className="staff-button small" aria-pressed={mode === 'overlay'} onClick={() => setMode('overlay')}>{t.io.modeOverlay}</button>
      </div>
      <p className="staff-hint">{mode === 'swipe' ? t.io.swipeHint : t.io.overlayHint}</p>

      {error && <p className="staff-error" role="alert">{error}</p>}
      {(result.isFetching || history.isPending && !!featureId) && <p className="muted">{t.loading}</p>}
      {data && (
        <>
          <dl className="compare-areas">
            <div data-area="a"><dt>{t.io.areaA}</dt><dd data-m2={data.area_a_m2}>{formatM2(lang, data.area_a_m2)}</dd></div>
            <div data-area="b"><dt>{t.io.areaB}</dt><dd data-m2={data.area_b_m2}>{formatM2(lang, data.area_b_m2)}</dd></div>
            <div data-area="unchanged"><dt>{t.io.unchanged}</dt><dd data-m2={data.unchanged_m2}>{formatM2(lang, data.unchanged_m2)}</dd></div>
            <div data-area="added"><dt><span className="side-swatch" style={{ background: PART_COLORS.added }} aria-hidden="true" />{t.io.added}</dt><dd data-m2={data.added_m2}>+{formatM2(lang, data.added_m2)}</dd></div>
            <div data-area="removed"><dt><span className="side-swatch" style={{ background: PART_COLORS.removed }} aria-hidden="true" />{t.io.removed}</dt><dd data-m2={data.removed_m2}>−{formatM2(lang, data.removed_m2)}</dd></div>
          </dl>
          <p className="staff-note">{t.io.areaMethod}</p>
          {mode === 'swipe' && staff.map && <SwipeMaps map={staff.map} a={data.a.geometry} b={data.b.geometry} />}
        </>
      )}
    </div>
  );
}
