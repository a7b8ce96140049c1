import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { bbox } from '@turf/turf';
import type { ImportItem, ImportPreview, ImportResult } from '@contract/api';
import { useI18n } from '../../hooks/use-i18n';
import { useMapOverlay, type OverlayStyle } from '../../hooks/use-map-overlay';
import { useStaff } from '../../hooks/use-staff';
import { ApiError, IMPORT_CRS, chooseImportCrs, commitImport, discardImport, fetchImport, queryKeys, staffKeys, uploadImport } from '../../lib/api';
import { pick } from '../../lib/i18n';
import { formatAreaChange } from '../../lib/measure';
import './import.css';

export { IMPORT_CRS } from '../../lib/api';
/** Preview colours by item status (the browser test reads them back from the map's pixels). */
export const PREVIEW_COLORS = { new: '#2166ac', changed: '#e08214', unchanged: '#7f7f7f', rejected: '#b2182b' } as const;
const OVERLAY: Record<string, OverlayStyle> = {
  unchanged: { color: PREVIEW_COLORS.unchanged, width: 2, fillOpacity: 0.1 },
  changed: { color: PREVIEW_COLORS.changed, width: 3, fillOpacity: 0.2 },
  new: { color: PREVIEW_COLORS.new, width: 3, fillOpacity: 0.2 },
  rejected: { color: PREVIEW_COLORS.rejected, width: 3, dash: [2, 1.5] },
};
// Everything the server reads through GDAL (a shapefile's loose parts are for the API; the form sends one file).
const ACCEPT = '.geojson,.json,.zip,.kml,.kmz,.gpkg,.dxf,.fgb,.csv,.mif';
const FIT_PADDING = { top: 80, bottom: 60, left: 380, right: 460 };

/** The message of a failed call: the problem's detail when the server sent one. */
const failure = (err: unknown) => (err instanceof ApiError && err.problem?.detail ? err.problem.detail : (err as Error).message);

/**
 * Import for editors: upload a file into a layer → choose the CRS when the file does not say it, with
 * the staged geometry drawn on the map for the choice (so a wrong guess is seen) → the validation
 * summary with reasons, ST_MakeValid repair on offer → commit (one transaction) → the map refreshes.
 */
export function ImportPanel() {
  const { t } = useI18n();
  const [batchId, setBatchId] = useState<string | null>(null);
  const [makeValid, setMakeValid] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const preview = useQuery({
    queryKey: staffKeys.importPreview(batchId ?? '', makeValid),
    queryFn: ({ signal }) => fetchImport(batchId!, makeValid, signal),
    enabled: batchId !== null,
    placeholderData: (prev) => prev,
    staleTime: Infinity,
  });

  const reset = () => {
    setBatchId(null);
    setMakeValid(false);
    setResult(null);
    setMessage(null);
  };

  return (
    <div className="import-panel" data-batch={batchId ?? ''} data-step={result ? 'done' : batchId ? 'preview' : 'upload'}>
      {message && <p className={message.error ? 'staff-error' : 'staff-ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      {batchId === null ? (
        <UploadForm onUploaded={(p) => { setBatchId(p.id); setMessage(null); }} onError={(text) => setMessage({ text, error: true })} />
      ) : preview.data ? (
        <PreviewView
          preview={preview.data}
          loading={preview.isFetching}
          makeValid={makeValid}
          onMakeValid={setMakeValid}
          result={result}
          onResult={setResult}
          onMessage={setMessage}
          onReset={reset}
        />
      ) : preview.error ? (
        <p className="staff-error" role="alert">{failure(preview.error)}</p>
      ) : (
        <p className="muted">{t.loading}</p>
      )}
    </div>
  );
}

/** Step 1: the file, its target layer and (optionally) its CRS and Shapefile encoding. */
function UploadForm({ onUploaded, onError }: { onUploaded: (p: ImportPreview) => void; onError: (text: string) => void }) {
  const { lang, t } = useI18n();
  const staff = useStaff()!;
  const layers = useMemo(() => (staff.layers ?? []).filter((l) => l.theme !== 'basemap'), [staff.layers]);
  const [layerId, setLayerId] = useState('');
  const [crs, setCrs] = useState('');
  const [encoding, setEncoding] = useState('');
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!layerId && layers.length) setLayerId((layers.find((l) => l.id === 'zones') ?? layers[0]).id);
  }, [layers, layerId]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file || !layerId) return;
    setBusy(true);
    try {
      onUploaded(await uploadImport(file, { layer: layerId, crs: crs || undefined, encoding: encoding || undefined }, staff.auth.csrfToken));
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) staff.auth.refresh();
      onError(failure(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="import-form" onSubmit={(e) => void submit(e)}>
      <p className="staff-hint">{t.io.importHint}</p>
      <label>
        {t.io.file}
        <input ref={fileRef} type="file" name="file" accept={ACCEPT} required />
      </label>
      <label>
        {t.io.targetLayer}
        <select name="layer" value={layerId} onChange={(e) => setLayerId(e.target.value)}>
          {layers.map((l) => <option key={l.id} value={l.id}>{pick(lang, l.title_zh, l.title_en)}</option>)}
        </select>
      </label>
      <label>
        {t.io.declaredCrs}
        <select name="crs" value={crs} onChange={(e) => setCrs(e.target.value)}>
          <option value="">{t.io.crsFromFile}</option>
          {IMPORT_CRS.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </label>
      <label>
        {t.io.encoding}
        <select name="encoding" value={encoding} onChange={(e) => setEncoding(e.target.value)}>
          <option value="">{t.io.encodingAuto}</option>
          <option value="UTF-8">UTF-8</option>
          <option value="GBK">GBK</option>
        </select>
      </label>
      <div className="staff-actions">
        <button type="submit" className="staff-button primary" disabled={busy}>{busy ? t.io.uploading : t.io.upload}</button>
      </div>
      {busy && <progress className="import-progress" aria-label={t.io.uploading} />}
    </form>
  );
}

interface PreviewProps {
  preview: ImportPreview;
  loading: boolean;
  makeValid: boolean;
  onMakeValid: (on: boolean) => void;
  result: ImportResult | null;
  onResult: (r: ImportResult) => void;
  onMessage: (m: { text: string; error: boolean } | null) => void;
  onReset: () => void;
}

/** Steps 2–4: CRS choice with the live map preview, the validation summary, commit. */
function PreviewView({ preview, loading, makeValid, onMakeValid, result, onResult, onMessage, onReset }: PreviewProps) {
  const { lang, t } = useI18n();
  const staff = useStaff()!;
  const queryClient = useQueryClient();
  const [crsBusy, setCrsBusy] = useState(false);
  /** The choice being applied: the radio follows the click at once, the map once the server re-projected. */
  const [pendingCrs, setPendingCrs] = useState<string | null>(null);
  const [committing, setCommitting] = useState(false);
  const [accuracy, setAccuracy] = useState<'surveyed' | 'digitised'>('digitised');
  const items = useMemo(() => preview.items ?? [], [preview.items]);
  const committed = preview.status === 'committed' || result !== null;

  // The staged geometry as the server projected it for the current CRS; redrawn on every change.
  const overlay = useMemo<GeoJSON.Feature[]>(
    () => committed ? [] : items.filter((i) => i.geometry).map((i) => ({ type: 'Feature', geometry: i.geometry!, properties: { role: i.status === 'awaiting_crs' ? 'new' : i.status, seq: i.seq } })),
    [items, committed],
  );
  useMapOverlay(staff.map, 'import-preview', overlay, OVERLAY);

  const zoom = (features: GeoJSON.Feature[]) => {
    if (!staff.map || !features.length) return;
    const [x0, y0, x1, y1] = bbox({ type: 'FeatureCollection', features });
    staff.map.fitBounds([[x0, y0], [x1, y1]], { padding: FIT_PADDING, maxZoom: 16, duration: 0 });
  };
  // The first time there is something to show, go there; later CRS changes redraw in place so a shift is seen.
  const zoomed = useRef(false);
  useEffect(() => {
    if (!zoomed.current && overlay.length) {
      zoomed.current = true;
      zoom(overlay);
    }
  });

  const choose = async (code: string) => {
    setCrsBusy(true);
    setPendingCrs(code);
    onMessage(null);
    try {
      await chooseImportCrs(preview.id, code, staff.auth.csrfToken);
      await queryClient.invalidateQueries({ queryKey: ['imports', preview.id] });
    } catch (err) {
      onMessage({ text: failure(err), error: true });
    } finally {
      setCrsBusy(false);
      setPendingCrs(null);
    }
  };

  const writable = preview.summary.new + preview.summary.changed;
  const commit = async () => {
    setCommitting(true);
    onMessage(null);
    try {
      const r = await commitImport(preview.id, { accuracy, makeValid, preview_token: preview.preview_token }, staff.auth.csrfToken);
      onResult(r);
      onMessage({ text: t.io.committed(r.inserted.length, r.updated.length, r.unchanged, r.rejected), error: false });
      // The map draws layers from GET /api/layers/:id (and tiles from the server, whose cache the commit bumped).
      staff.showLayer(preview.layer_id);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.layer(preview.layer_id), exact: true }),
        queryClient.invalidateQueries({ queryKey: queryKeys.layers, exact: true }),
        ...[...r.inserted, ...r.updated].map((id) => queryClient.invalidateQueries({ queryKey: queryKeys.feature(id) })),
      ]);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        await queryClient.invalidateQueries({ queryKey: ['imports', preview.id] });
        onMessage({ text: t.io.stale, error: true });
      } else {
        if (err instanceof ApiError && (err.status === 401 || err.status === 403)) staff.auth.refresh();
        onMessage({ text: failure(err), error: true });
      }
    } finally {
      setCommitting(false);
    }
  };

  const discard = async () => {
    try {
      await discardImport(preview.id, staff.auth.csrfToken);
      onReset();
    } catch (err) {
      onMessage({ text: failure(err), error: true });
    }
  };

  // The server describes the choices while the CRS is open; keep the descriptions once one is chosen.
  const [crsLabels, setCrsLabels] = useState<Record<string, string>>({});
  useEffect(() => {
    if (preview.crs_choices) setCrsLabels(Object.fromEntries(preview.crs_choices.map((c) => [c.code, c.label])));
  }, [preview.crs_choices]);
  const choices = preview.crs_choices?.map((c) => c.code) ?? [...IMPORT_CRS];
  const kml = preview.format === 'kml' || preview.format === 'kmz';
  const s = preview.summary;
  const invalid = items.filter((i) => i.can_make_valid || i.repaired);
  const awaiting = preview.needs_crs;

  return (
    <div className="import-preview" data-crs={preview.crs?.code ?? ''} data-loading={loading || crsBusy}>
      <p className="import-file"><strong>{preview.filename}</strong> · {preview.format.toUpperCase()} · {t.io.targetLayer}: {preview.layer_id}</p>
      {preview.warnings.map((w) => <p key={w} className="staff-warning">{w}</p>)}

      <section className="import-section import-crs" aria-labelledby="import-crs-h">
        <h3 id="import-crs-h">{t.io.crsHeading}</h3>
        {preview.crs ? <p className="import-crs-now">{t.io.crsIs(preview.crs.code, preview.crs_from)}</p> : <p className="staff-warning">{t.io.needsCrs}</p>}
        {!committed && (
          <fieldset className="crs-choices" disabled={crsBusy || committing}>
            <legend className="staff-note">{awaiting ? t.io.declaredCrs : t.io.changeCrs}</legend>
            {choices.map((code) => {
              const label = crsLabels[code];
              const off = kml && code === 'EPSG:4549';
              return (
                <label key={code} className="crs-choice" title={label}>
                  <input type="radio" name="import-crs" value={code} checked={(pendingCrs ?? preview.crs?.code) === code} disabled={off} onChange={() => void choose(code)} />
                  <span className="crs-code">{code}</span>
                  {label && <span className="crs-label">{label}</span>}
                </label>
              );
            })}
          </fieldset>
        )}
        {(crsBusy || loading) && <progress className="import-progress" aria-label={t.io.crsBusy} />}
        {!committed && preview.crs && overlay.length === 0 && items.length > 0 && <p className="staff-warning">{t.io.noGeometryOnMap}</p>}
        {overlay.length > 0 && (
          <div className="import-legend">
            <ul className="overlay-legend">
              {(['new', 'changed', 'unchanged', 'rejected'] as const).map((k) => (
                <li key={k}><span className={`legend-line${k === 'rejected' ? ' dashed' : ''}`} style={{ borderColor: PREVIEW_COLORS[k] }} aria-hidden="true" />{t.io.previewLegend[k]}</li>
              ))}
            </ul>
            <button type="button" className="link-button" onClick={() => zoom(overlay)}>{t.io.zoomToPreview}</button>
          </div>
        )}
      </section>

      <section className="import-section" aria-labelledby="import-summary-h">
        <h3 id="import-summary-h">{t.io.summaryHeading}</h3>
        <dl className="import-summary">
          {(['new', 'changed', 'unchanged', 'rejected', ...(s.awaiting_crs ? ['awaiting_crs' as const] : [])] as const).map((k) => (
            <div key={k} data-status={k}><dt>{t.io.statuses[k]}</dt><dd>{s[k]}</dd></div>
          ))}
        </dl>
        {Object.keys(s.reasons).length > 0 && (
          <ul className="import-reasons">
            {Object.entries(s.reasons).map(([code, n]) => <li key={code} data-reason={code}>{t.io.reasonNames[code] ?? code}: {n}</li>)}
          </ul>
        )}
        {invalid.length > 0 && !committed && (
          <div className="import-invalid">
            <h4>{t.io.invalidHeading}</h4>
            <ul>{invalid.map((i) => <li key={i.seq}>#{i.seq} {i.name_zh}: {i.invalid_reason}{i.repaired ? ` — ${t.io.repaired}` : ''}</li>)}</ul>
            <label className="import-check">
              <input type="checkbox" name="make-valid" checked={makeValid} onChange={(e) => onMakeValid(e.target.checked)} />
              {t.io.makeValid(invalid.length)}
            </label>
          </div>
        )}
        <ol className="import-items">
          {items.map((i) => <ItemRow key={i.seq} item={i} lang={lang} />)}
        </ol>
      </section>

      {!committed ? (
        <section className="import-section" aria-label={t.io.commit(writable)}>
          <label>
            {t.io.accuracy}
            <select name="accuracy" value={accuracy} onChange={(e) => setAccuracy(e.target.value as 'surveyed' | 'digitised')}>
              <option value="digitised">{t.io.accuracyNames.digitised}</option>
              <option value="surveyed">{t.io.accuracyNames.surveyed}</option>
            </select>
          </label>
          {writable === 0 && !awaiting && <p className="staff-note">{t.io.nothingToCommit}</p>}
          <div className="staff-actions">
            <button type="button" className="staff-button primary import-commit" disabled={writable === 0 || awaiting || committing || crsBusy || loading} onClick={() => void commit()}>
              {committing ? t.io.committing : t.io.commit(writable)}
            </button>
            <button type="button" className="staff-button" disabled={committing} onClick={() => void discard()}>{t.io.discard}</button>
          </div>
          {committing && <progress className="import-progress" aria-label={t.io.committing} />}
        </section>
      ) : (
        <div className="staff-actions">
          {result && (
            <dl className="import-summary import-result">
              <div data-status="inserted"><dt>{t.io.statuses.new}</dt><dd>{result.inserted.length}</dd></div>
              <div data-status="updated"><dt>{t.io.statuses.changed}</dt><dd>{result.updated.length}</dd></div>
              <div data-status="unchanged"><dt>{t.io.statuses.unchanged}</dt><dd>{result.unchanged}</dd></div>
              <div data-status="rejected"><dt>{t.io.statuses.rejected}</dt><dd>{result.rejected}</dd></div>
            </dl>
          )}
          <button type="button" className="staff-button" onClick={onReset}>{t.io.another}</button>
        </div>
      )}
    </div>
  );
}

/** One item: status, name, the feature it writes, reasons and warnings, area and its change. */
function ItemRow({ item: i, lang }: { item: ImportItem; lang: 'zh' | 'en' }) {
  const { t } = useI18n();
  return (
    <li className="import-item" data-status={i.status} data-seq={i.seq}>
      <div className="import-item-head">
        <span className={`import-status import-status-${i.status}`}>{t.io.statuses[i.status] ?? i.status}</span>
        <strong>{pick(lang, i.name_zh, i.name_en)}</strong>
        {i.feature_id && <span className="staff-note">{t.io.willBe} {i.feature_id}</span>}
      </div>
      {i.reasons.map((r) => <p key={r.code} className="import-reason" data-reason={r.code}>{t.io.reasonNames[r.code] ?? r.code}: {r.message}</p>)}
      {i.warnings.map((w) => <p key={w} className="import-warning">{w}</p>)}
      {i.area_km2 !== null && (
        <p className="staff-note">
          {t.io.area}: {i.area_km2.toFixed(4)} km²
          {i.area_change_km2 !== null && i.area_change_km2 !== 0 && <> · {t.io.areaChange}: <span className={i.area_change_km2 > 0 ? 'gain' : 'loss'}>{formatAreaChange(lang, i.area_change_km2)}</span></>}
        </p>
      )}
    </li>
  );
}
