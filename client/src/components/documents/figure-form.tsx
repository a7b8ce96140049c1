import { useId, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { FigureInput, FigureKind, FigureSubjectType, FigureV2 } from '@contract/api';
import { useAuth } from '../../hooks/use-auth';
import { invalidateFigureData } from '../../hooks/use-figures';
import { useI18n } from '../../hooks/use-i18n';
import { useChains } from '../../hooks/use-investor-data';
import { createFigure } from '../../lib/api';
import { pick } from '../../lib/i18n';
import { problemText } from '../../lib/problem-text';

const SUBJECT_TYPES: FigureSubjectType[] = ['chain', 'park', 'zone', 'district', 'site'];
const KINDS: FigureKind[] = ['actual', 'target'];

/**
 * Attaches a figure to a document by hand (POST /api/figures): subject, metric, year, actual or target,
 * value, unit and the quote. The server checks the quote is in the document and the value in the quote;
 * its 422 is shown with the reason it gives.
 */
export function FigureForm({ documentId }: { documentId: string }) {
  const { lang, t } = useI18n();
  const d2 = t.documents2;
  const auth = useAuth();
  const chains = useChains();
  const queryClient = useQueryClient();
  const uid = useId();
  const [subjectType, setSubjectType] = useState<FigureSubjectType>('chain');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<FigureV2 | null>(null);
  if (!auth.canEdit) return null;

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const text = (k: string) => String(f.get(k) ?? '').trim();
    const input: FigureInput = {
      subject_type: subjectType,
      subject_id: text('subject_id'),
      metric: text('metric'),
      year: text('year') ? Number(text('year')) : null,
      kind: text('kind') as FigureKind,
      value: Number(text('value')),
      unit: text('unit'),
      document_id: documentId,
      quote: text('quote'),
      ...(text('metric_zh') ? { metric_zh: text('metric_zh') } : {}),
    };
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      setSaved(await createFigure(input, auth.csrfToken));
      form.reset();
      await invalidateFigureData(queryClient);
    } catch (err) {
      setError(problemText(err, d2));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="figure-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${uid}-h`}>
      <h3 id={`${uid}-h`}>{d2.figureFormTitle}</h3>
      <p className="muted small-note">{d2.figureFormHint}</p>
      <div className="doc-form-grid">
        <label>
          {d2.subject}
          <select name="subject_type" value={subjectType} onChange={(e) => setSubjectType(e.target.value as FigureSubjectType)}>
            {SUBJECT_TYPES.map((s) => <option key={s} value={s}>{d2.subjectTypes[s]}</option>)}
          </select>
        </label>
        <label>
          {d2.subjectId}
          <input name="subject_id" required maxLength={80} list={subjectType === 'chain' ? `${uid}-chains` : undefined} />
          <datalist id={`${uid}-chains`}>
            {(chains.data ?? []).map((c) => <option key={c.id} value={c.id}>{pick(lang, c.name_zh, c.name_en)}</option>)}
          </datalist>
        </label>
        <label>
          {d2.metricId}
          <input name="metric" required pattern="[a-z0-9][a-z0-9-]*" maxLength={60} defaultValue="revenue" />
        </label>
        <label>
          {d2.metricZh}
          <input name="metric_zh" maxLength={120} />
        </label>
        <label>
          {d2.year}
          <input name="year" type="number" min={1949} max={2100} step={1} />
        </label>
        <label>
          {d2.kind}
          <select name="kind" defaultValue="actual">
            {KINDS.map((k) => <option key={k} value={k}>{d2.kinds[k]}</option>)}
          </select>
        </label>
        <label>
          {d2.value}
          <input name="value" type="number" step="any" required />
        </label>
        <label>
          {d2.unit}
          <input name="unit" required maxLength={20} defaultValue="亿元" />
        </label>
        <label className="wide">
          {d2.quote}
          <textarea name="quote" required rows={3} maxLength={2000} lang="zh-CN" />
        </label>
      </div>
      <div className="doc-form-actions">
        <button type="submit" className="doc-button primary" disabled={busy}>{d2.saveFigure}</button>
      </div>
      {error && <p className="doc-error figure-error" role="alert">{error}</p>}
      {saved && <p className="doc-ok figure-saved" role="status" data-figure-id={saved.id}>{d2.figureSaved} {saved.id}</p>}
    </form>
  );
}
