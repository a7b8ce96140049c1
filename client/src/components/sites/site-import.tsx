import { useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { SiteImportPreview, SiteImportResult } from '@contract/sites';
import { useI18n } from '../../hooks/use-i18n';
import { useStaff } from '../../hooks/use-staff';
import { ApiError, IMPORT_CRS, chooseSiteImportCrs, commitSiteImport, uploadSiteImport } from '../../lib/api';
import { formatNumber } from '../../lib/i18n';

/** Sheets and every GIS file the server reads through GDAL (a MIF with its MID, so several files may be picked). */
export const SITE_IMPORT_ACCEPT = '.xlsx,.csv,.zip,.gpkg,.geojson,.json,.kml,.kmz,.fgb,.dxf,.mif,.mid';
const M2_PER_MU = 10000 / 15;

const failure = (err: unknown) => (err instanceof ApiError && err.problem?.detail ? err.problem.detail : (err as Error).message);

/**
 * The Sites tab's import for editors: a sheet or a GIS file → the preview of every row (key, create or
 * update, area, errors), the CRS asked for when the file does not say it → commit, all or nothing.
 */
export function SiteImport() {
  const { lang, t } = useI18n();
  const s = t.sites.importer;
  const staff = useStaff();
  const queryClient = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const [crs, setCrs] = useState('');
  const [encoding, setEncoding] = useState('');
  const [chosen, setChosen] = useState<string>(IMPORT_CRS[1]);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<SiteImportPreview | null>(null);
  const [result, setResult] = useState<SiteImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!staff?.auth.canEdit) return null;
  const csrf = staff.auth.csrfToken;

  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
    } catch (err) {
      setError(failure(err));
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const files = [...(fileRef.current?.files ?? [])];
    if (!files.length) return;
    void run(async () => {
      setResult(null);
      setPreview(await uploadSiteImport(files, { crs: crs || undefined, encoding: encoding || undefined }, csrf));
    });
  };
  const reset = () => {
    setPreview(null);
    setResult(null);
    setError(null);
  };

  return (
    <details className="site-import" data-step={result ? 'done' : preview ? 'preview' : 'upload'} data-import={preview?.id ?? ''}>
      <summary>{s.heading}</summary>
      {error && <p className="staff-error" role="alert">{error}</p>}
      {!preview ? (
        <form className="import-form" onSubmit={submit}>
          <p className="staff-hint">{s.hint}</p>
          <label>{s.file}<input ref={fileRef} type="file" name="file" accept={SITE_IMPORT_ACCEPT} multiple required /></label>
          <label>{s.crs}
            <select name="crs" value={crs} onChange={(e) => setCrs(e.target.value)}>
              <option value="">{s.crsAuto}</option>
              {IMPORT_CRS.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </label>
          <label>{s.encoding}
            <select name="encoding" value={encoding} onChange={(e) => setEncoding(e.target.value)}>
              <option value="">{s.encodingAuto}</option>
              <option value="GBK">GBK / GB18030</option>
              <option value="UTF-8">UTF-8</option>
            </select>
          </label>
          <button type="submit" disabled={busy}>{busy ? s.uploading : s.upload}</button>
        </form>
      ) : (
        <div className="site-import-preview">
          <p><strong>{preview.filename}</strong> · {s.format} {preview.format} · {s.crs} {preview.crs ?? '?'}</p>
          <p className="muted">{s.crsFrom}: {preview.crs_from}</p>
          {preview.warnings.length > 0 && <ul className="site-import-warnings" aria-label={s.warnings}>{preview.warnings.map((w) => <li key={w}>{w}</li>)}</ul>}
          {preview.needs_crs && (
            <div className="site-import-crs" role="group" aria-label={s.crs}>
              <span>{s.needsCrs}</span>
              <select name="choose-crs" value={chosen} onChange={(e) => setChosen(e.target.value)}>
                {(preview.crs_choices ?? IMPORT_CRS.map((code) => ({ code, label: code }))).map((c) => <option key={c.code} value={c.code}>{c.code}</option>)}
              </select>
              <button type="button" disabled={busy} onClick={() => void run(async () => setPreview(await chooseSiteImportCrs(preview.id, chosen, csrf)))}>{s.chooseCrs}</button>
            </div>
          )}
          <p>{s.errorRows}: <strong className="site-import-errors">{preview.errors}</strong></p>
          <div className="site-import-table">
            <table>
              <thead><tr><th>{s.row}</th><th>{s.key}</th><th>{s.name}</th><th>{s.action}</th><th>{s.area}</th><th>{s.errors}</th></tr></thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.row} className={r.errors.length ? 'has-errors' : undefined}>
                    <td>{r.row}</td><td>{r.key}</td><td>{r.name_zh}</td><td>{r.action === 'update' ? s.update : s.create}</td>
                    <td>{r.area_m2 === null ? '' : formatNumber(lang, r.area_m2 / M2_PER_MU, 1)}</td>
                    <td>{r.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result ? (
            <p className="staff-ok" role="status">{s.done}: {result.created} {s.created}, {result.updated} {s.updated}, {result.unchanged} {s.unchanged}</p>
          ) : (
            <button type="button" disabled={busy || preview.errors > 0 || preview.needs_crs}
              onClick={() => void run(async () => {
                setResult(await commitSiteImport(preview.id, csrf));
                // The inventory list, the Sites layer and the parks' site counts all change.
                await queryClient.invalidateQueries();
              })}>{s.commit}</button>
          )}
          <button type="button" className="link-button" onClick={reset}>{s.again}</button>
        </div>
      )}
    </details>
  );
}
