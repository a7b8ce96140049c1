import { useId, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { DocumentInfoV2, DocumentProblem, DocumentUploaded } from '@contract/api';
import { useAuth } from '../../hooks/use-auth';
import { useI18n } from '../../hooks/use-i18n';
import { useSources } from '../../hooks/use-sources';
import { ApiError, queryKeys, uploadDocument } from '../../lib/api';
import type { Strings } from '../../lib/i18n';

/** A refused upload, said in the user's language with the server's own words beside it. */
interface Refusal {
  message: string;
  detail: string | null;
  existingId: string | null;
}

/** Why the server refused an upload (its problem document), in the UI's words. */
function refusal(e: unknown, d2: Strings['documents2']): Refusal {
  if (!(e instanceof ApiError)) return { message: d2.errUnreadable, detail: e instanceof Error ? e.message : String(e), existingId: null };
  const p = (e.problem ?? {}) as Partial<DocumentProblem>;
  const detail = p.detail ?? e.message;
  if (e.status === 409) return { message: d2.errDuplicate, detail, existingId: p.existing_id ?? null };
  if (e.status === 401 || e.status === 403) return { message: d2.errAuth, detail, existingId: null };
  if (e.status === 413) return { message: d2.errTooLarge, detail, existingId: null };
  if (e.status === 415) return { message: d2.errFormat, detail, existingId: null };
  if (p.reason === 'no text layer') return { message: d2.errNoTextLayer, detail, existingId: null };
  if (p.reason === 'encrypted') return { message: d2.errEncrypted, detail, existingId: null };
  return { message: e.status === 422 && !p.reason ? detail : d2.errUnreadable, detail: e.status === 422 && !p.reason ? null : detail, existingId: null };
}

/**
 * Staff upload of a PDF (text layer), DOCX, TXT or Markdown with its title, date and status (POST
 * /api/documents). A refusal says why (a 409 links the document that already has the same text) and
 * stores nothing; a success opens the extractor's suggestions for review.
 */
export function DocumentUpload({ documents }: { documents: DocumentInfoV2[] }) {
  const { t } = useI18n();
  const d2 = t.documents2;
  const auth = useAuth();
  const sources = useSources();
  const queryClient = useQueryClient();
  const uid = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('draft');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Refusal | null>(null);
  const [done, setDone] = useState<DocumentUploaded | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const file = fileRef.current?.files?.[0];
    setError(null);
    setDone(null);
    if (!file) {
      setError({ message: d2.noFile, detail: null, existingId: null });
      return;
    }
    const data = new FormData(form);
    const fields: Record<string, string> = {};
    for (const key of ['title_zh', 'date', 'status', 'superseded_by']) fields[key] = String(data.get(key) ?? '').trim();
    if (fields.status !== 'superseded') delete fields.superseded_by;
    setBusy(true);
    try {
      const stored = await uploadDocument(file, fields, auth.csrfToken);
      setDone(stored);
      form.reset();
      setStatus('draft');
      await queryClient.invalidateQueries({ queryKey: queryKeys.documents });
      if (stored.suggestions > 0) sources?.openSuggestions(stored.id);
    } catch (err) {
      setError(refusal(err, d2));
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) auth.refresh();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="doc-upload" onSubmit={(e) => void submit(e)} aria-labelledby={`${uid}-h`}>
      <h3 id={`${uid}-h`}>{d2.uploadHeading}</h3>
      <p className="muted small-note">{d2.uploadHint}</p>
      <div className="doc-form-grid">
        <label>
          {d2.file}
          <input ref={fileRef} type="file" name="file" accept=".pdf,.docx,.txt,.md,.markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown" />
        </label>
        <label>
          {d2.titleZh}
          <input type="text" name="title_zh" maxLength={300} />
        </label>
        <label>
          {d2.date}
          <input type="date" name="date" />
        </label>
        <label>
          {d2.status}
          <select name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
            {(['draft', 'final', 'superseded'] as const).map((s) => <option key={s} value={s}>{d2.statuses[s]}</option>)}
          </select>
        </label>
        {status === 'superseded' && (
          <label>
            {d2.supersededBy}
            <select name="superseded_by" defaultValue="" required>
              <option value="" disabled>{d2.chooseDocument}</option>
              {documents.filter((d) => d.format).map((d) => <option key={d.id} value={d.id}>{d.id} {d.title_zh}</option>)}
            </select>
          </label>
        )}
      </div>
      <div className="doc-form-actions">
        <button type="submit" className="doc-button primary" disabled={busy}>{busy ? d2.uploading : d2.upload}</button>
      </div>
      {error && (
        <div className="doc-error upload-error" role="alert">
          {error.message}
          {error.existingId && (
            <>
              {' '}
              <button type="button" className="link-button" data-document-id={error.existingId} onClick={() => sources?.openDocument({ documentId: error.existingId! })}>
                {d2.openExisting} ({error.existingId})
              </button>
            </>
          )}
          {error.detail && <span className="muted" lang="en"> — {error.detail}</span>}
        </div>
      )}
      {done && (
        <p className="doc-ok upload-ok" role="status">
          {d2.uploaded(done.paragraphs)} {d2.suggestionsFound(done.suggestions)}{' '}
          <button type="button" className="link-button" data-document-id={done.id} onClick={() => sources?.openDocument({ documentId: done.id })}>{done.id}</button>
          {done.suggestions > 0 && (
            <>
              {' · '}
              <button type="button" className="link-button" onClick={() => sources?.openSuggestions(done.id)}>{d2.review}</button>
            </>
          )}
        </p>
      )}
    </form>
  );
}
