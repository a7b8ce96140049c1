import { useEffect, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Briefing, BriefingStep, SavedView, ViewState } from '@contract/api';
import { useAuth } from '../../hooks/use-auth';
import { useI18n } from '../../hooks/use-i18n';
import {
  briefingHtmlUrl,
  briefingPdfUrl,
  createBriefing,
  createView,
  deleteBriefing,
  deleteView,
  duplicateBriefing,
  fetchBriefing,
  fetchBriefings,
  fetchViews,
  printView,
  queryKeys,
  reorderViews,
  updateBriefing,
  updateView,
} from '../../lib/api';
import { briefingStrings } from './briefing-strings';
import './briefing.css';
import { download } from '../../lib/download';
import { userTextLang } from '../../lib/mixed-text';

/** Props of the briefing builder. */
export interface BriefingPanelProps {
  /** The briefing to open (from `?briefing=`), else none. */
  briefingId: string | null;
  onBriefingId: (id: string | null) => void;
  onClose: () => void;
  /** The current screen as a view state (null while the map is not ready). */
  capture: (highlightSelected: boolean) => ViewState | null;
  /** Puts a saved view on the map. */
  onShowView: (view: SavedView) => void;
  onPresent: (briefing: Briefing) => void;
  onExportPng: (scale: 1 | 2 | 4, title: string) => Promise<void>;
}

interface Draft {
  id: string | null;
  title: string;
  subtitle: string;
  steps: BriefingStep[];
}

const EMPTY: Draft = { id: null, title: '', subtitle: '', steps: [] };
/** Drag data types: a saved view (its id) and a step (its index). */
const DRAG_VIEW = 'application/x-atlas-view';
const DRAG_STEP = 'application/x-atlas-step';

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return list;
  const out = [...list];
  const [x] = out.splice(from, 1);
  out.splice(to, 0, x);
  return out;
}

/** A row button's accessible name: the action, then the view's title marked with its own language (an aria-label could not be). */
function ActionName({ action, title }: { action: string; title: string }) {
  return (
    <span className="visually-hidden">
      {action}: <span lang={userTextLang(title)}>{title}</span>
    </span>
  );
}

/** 汇报 / Briefings: capture views, order them, build and present briefings, export images and PDFs. Everyone reads and presents; editors write. */
export function BriefingPanel({ briefingId, onBriefingId, onClose, capture, onShowView, onPresent, onExportPng }: BriefingPanelProps) {
  const { lang } = useI18n();
  const s = briefingStrings(lang);
  const auth = useAuth();
  const qc = useQueryClient();
  const csrf = auth.csrfToken;
  const canEdit = auth.canEdit;
  const views = useQuery({ queryKey: queryKeys.views, queryFn: ({ signal }) => fetchViews(signal) });
  const briefings = useQuery({ queryKey: queryKeys.briefings, queryFn: ({ signal }) => fetchBriefings(signal) });
  const current = useQuery({ queryKey: queryKeys.briefing(briefingId ?? ''), queryFn: ({ signal }) => fetchBriefing(briefingId!, signal), enabled: !!briefingId });
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [message, setMessage] = useState('');
  const [viewTitle, setViewTitle] = useState('');
  const [viewNote, setViewNote] = useState('');
  const [highlightSel, setHighlightSel] = useState(true);
  const [renaming, setRenaming] = useState<{ id: string; title: string } | null>(null);
  const [paper, setPaper] = useState<'A4' | 'A3'>('A4');
  const [orientation, setOrientation] = useState<'landscape' | 'portrait'>('landscape');
  // What is being dragged: kept in a ref (a drop can come before React re-renders) and in the drag data.
  const dragFrom = useRef<{ kind: 'view' | 'step'; index: number } | null>(null);
  const setDragFrom = (v: { kind: 'view' | 'step'; index: number } | null) => {
    dragFrom.current = v;
  };
  const [htmlSize, setHtmlSize] = useState<string | null>(null);

  useEffect(() => {
    const b = current.data;
    if (b) setDraft({ id: b.id, title: b.title, subtitle: b.subtitle, steps: b.steps.map((x) => ({ view_id: x.view_id, caption: x.caption })) });
    else if (!briefingId) setDraft(EMPTY);
    setHtmlSize(null);
  }, [current.data, briefingId]);

  const fail = (err: unknown) => setMessage(s.error(err instanceof Error ? err.message : String(err)));
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: queryKeys.views });
    void qc.invalidateQueries({ queryKey: queryKeys.briefings });
  };
  const run = useMutation({ mutationFn: (fn: () => Promise<unknown>) => fn(), onError: fail, onSettled: refresh });
  const busy = run.isPending;

  const viewList = views.data ?? [];
  const viewById = new Map(viewList.map((v) => [v.id, v]));

  const onCapture = (e: FormEvent) => {
    e.preventDefault();
    const state = capture(highlightSel);
    const title = viewTitle.trim();
    if (!state || !title) return;
    run.mutate(async () => {
      const v = await createView({ title, note: viewNote.trim(), state }, csrf);
      setViewTitle('');
      setViewNote('');
      setMessage(s.captured(v.title));
    });
  };

  const reorder = (from: number, to: number) => {
    const next = move(viewList, from, to);
    if (next === viewList) return;
    qc.setQueryData(queryKeys.views, next);
    run.mutate(() => reorderViews(next.map((v) => v.id), csrf));
  };

  const addStep = (viewId: string, at?: number) =>
    setDraft((d) => {
      const steps = [...d.steps];
      steps.splice(at ?? steps.length, 0, { view_id: viewId, caption: '' });
      return { ...d, steps };
    });
  const setSteps = (fn: (steps: BriefingStep[]) => BriefingStep[]) => setDraft((d) => ({ ...d, steps: fn(d.steps) }));

  const saveBriefing = (e: FormEvent) => {
    e.preventDefault();
    const body = { title: draft.title.trim(), subtitle: draft.subtitle.trim(), steps: draft.steps };
    if (!body.title) return;
    run.mutate(async () => {
      const b = draft.id ? await updateBriefing(draft.id, body, csrf) : await createBriefing(body, csrf);
      qc.setQueryData(queryKeys.briefing(b.id), b);
      onBriefingId(b.id);
      setMessage(s.saved);
    });
  };

  const onDropSteps = (e: DragEvent, at: number) => {
    e.preventDefault();
    e.stopPropagation();
    const viewId = e.dataTransfer.getData(DRAG_VIEW);
    const stepIndex = e.dataTransfer.getData(DRAG_STEP);
    const from = dragFrom.current;
    setDragFrom(null);
    if (!canEdit) return;
    if (viewId && viewById.has(viewId)) addStep(viewId, at);
    else if (stepIndex !== '') setSteps((st) => move(st, Number(stepIndex), Math.min(at, st.length - 1)));
    else if (from?.kind === 'view') addStep(viewList[from.index].id, at);
    else if (from?.kind === 'step') setSteps((st) => move(st, from.index, Math.min(at, st.length - 1)));
  };

  const exportHtml = async (id: string) => {
    const r = await fetch(briefingHtmlUrl(id));
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    const blob = await r.blob();
    setHtmlSize((blob.size / 1048576).toFixed(1));
    download(blob, `${id}.html`);
  };

  const printCurrent = () => {
    const state = capture(true);
    if (!state) return;
    run.mutate(async () => download(await printView({ state, title: draft.title.trim() || s.title, paper, orientation }), `atlas-${paper}-${orientation}.pdf`));
  };

  const saved = draft.id !== null;
  const presentable = current.data && current.data.id === draft.id ? current.data : null;

  return (
    <section className="briefing-panel" aria-labelledby="briefing-panel-title" data-testid="briefing-panel">
      <header className="briefing-head">
        <h2 id="briefing-panel-title">{s.title}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={s.close}>
          ×
        </button>
      </header>
      {message && (
        <p className="briefing-message" role="status">
          {message}
        </p>
      )}
      {!canEdit && <p className="briefing-hint">{s.editorsOnly}</p>}

      <h3>{s.views}</h3>
      {canEdit && (
        <form className="briefing-capture" onSubmit={onCapture}>
          <label>
            {s.viewTitle}
            <input name="view-title" value={viewTitle} maxLength={200} required onChange={(e) => setViewTitle(e.target.value)} />
          </label>
          <label>
            {s.viewNote}
            <textarea name="view-note" value={viewNote} maxLength={4000} rows={2} onChange={(e) => setViewNote(e.target.value)} />
          </label>
          <label className="briefing-check">
            <input type="checkbox" checked={highlightSel} onChange={(e) => setHighlightSel(e.target.checked)} />
            {s.highlightSelected}
          </label>
          <button type="submit" className="primary" disabled={busy || !viewTitle.trim()}>
            {s.capture}
          </button>
        </form>
      )}
      {viewList.length === 0 ? (
        <p className="briefing-hint">{s.noViews}</p>
      ) : (
        <ol className="briefing-views" aria-label={s.views}>
          {viewList.map((v, i) => (
            <li
              key={v.id}
              data-view-id={v.id}
              draggable={canEdit}
              onDragStart={(e) => {
                e.dataTransfer.setData(DRAG_VIEW, v.id);
                e.dataTransfer.setData('text/plain', v.title);
                e.dataTransfer.effectAllowed = 'copyMove';
                setDragFrom({ kind: 'view', index: i });
              }}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                const from = viewList.findIndex((x) => x.id === e.dataTransfer.getData(DRAG_VIEW));
                if (from >= 0) reorder(from, i);
                setDragFrom(null);
              }}
            >
              {renaming?.id === v.id ? (
                <form
                  className="briefing-rename"
                  onSubmit={(e) => {
                    e.preventDefault();
                    const title = renaming.title.trim();
                    if (title) run.mutate(() => updateView(v.id, { title }, csrf));
                    setRenaming(null);
                  }}
                >
                  <input aria-label={s.viewTitle} value={renaming.title} maxLength={200} autoFocus onChange={(e) => setRenaming({ id: v.id, title: e.target.value })} />
                  <button type="submit">{s.save}</button>
                  <button type="button" onClick={() => setRenaming(null)}>
                    {s.cancel}
                  </button>
                </form>
              ) : (
                <>
                  {/* As the author wrote them (marked zh-CN when Chinese); the note shown, not a tooltip, which a phone cannot hover. */}
                  <span className="briefing-view-title" lang={userTextLang(v.title)}>
                    {v.title}
                  </span>
                  {v.note && (
                    <span className="briefing-view-note" lang={userTextLang(v.note)}>
                      {v.note}
                    </span>
                  )}
                </>
              )}
              <span className="briefing-row-tools">
                <button type="button" onClick={() => onShowView(v)}>
                  {s.show}
                </button>
                {canEdit && (
                  <>
                    <button type="button" onClick={() => addStep(v.id)}>
                      {s.addStep}
                    </button>
                    <button type="button" disabled={i === 0 || busy} onClick={() => reorder(i, i - 1)}>
                      <span aria-hidden="true">↑</span>
                      <ActionName action={s.moveUp} title={v.title} />
                    </button>
                    <button type="button" disabled={i === viewList.length - 1 || busy} onClick={() => reorder(i, i + 1)}>
                      <span aria-hidden="true">↓</span>
                      <ActionName action={s.moveDown} title={v.title} />
                    </button>
                    <button type="button" onClick={() => setRenaming({ id: v.id, title: v.title })}>
                      {s.rename}
                    </button>
                    <button type="button" onClick={() => run.mutate(() => deleteView(v.id, csrf))}>
                      <span aria-hidden="true">{s.remove}</span>
                      <ActionName action={s.remove} title={v.title} />
                    </button>
                  </>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}

      <h3>{s.briefings}</h3>
      <div className="briefing-picker">
        <select aria-label={s.briefings} value={briefingId ?? ''} onChange={(e) => onBriefingId(e.target.value || null)}>
          <option value="">{canEdit ? s.newBriefing : '—'}</option>
          {(briefings.data ?? []).map((b) => (
            <option key={b.id} value={b.id} lang={userTextLang(b.title)}>
              {b.title}
            </option>
          ))}
        </select>
      </div>
      {(briefings.data ?? []).length === 0 && <p className="briefing-hint">{s.noBriefings}</p>}

      {(canEdit || saved) && (
        <form className="briefing-edit" onSubmit={saveBriefing}>
          <label>
            {s.briefingTitle}
            <input name="briefing-title" value={draft.title} maxLength={200} required readOnly={!canEdit} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
          </label>
          <label>
            {s.subtitle}
            <input name="briefing-subtitle" value={draft.subtitle} maxLength={400} readOnly={!canEdit} onChange={(e) => setDraft({ ...draft, subtitle: e.target.value })} />
          </label>
          <p className="briefing-steps-label">{s.steps}</p>
          <ol className="briefing-steps" aria-label={s.steps} onDragOver={(e) => e.preventDefault()} onDrop={(e) => onDropSteps(e, draft.steps.length)}>
            {draft.steps.length === 0 && <li className="briefing-hint">{s.noSteps}</li>}
            {draft.steps.map((st, i) => {
              const v = viewById.get(st.view_id);
              return (
                <li
                  key={`${st.view_id}-${i}`}
                  data-step={i + 1}
                  draggable={canEdit}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(DRAG_STEP, String(i));
                    e.dataTransfer.effectAllowed = 'move';
                    setDragFrom({ kind: 'step', index: i });
                  }}
                  onDragOver={(e) => e.preventDefault()}
                  onDrop={(e) => onDropSteps(e, i)}
                >
                  <span className="briefing-step-title">
                    {s.step(i + 1)} · {v ? <span lang={userTextLang(v.title)}>{v.title}</span> : s.missingView}
                  </span>
                  <label>
                    {s.caption}
                    <textarea
                      value={st.caption}
                      rows={2}
                      maxLength={1000}
                      readOnly={!canEdit}
                      onChange={(e) => setSteps((list) => list.map((x, n) => (n === i ? { ...x, caption: e.target.value } : x)))}
                    />
                  </label>
                  {canEdit && (
                    <span className="briefing-row-tools">
                      <button type="button" aria-label={`${s.moveUp}: ${s.step(i + 1)}`} disabled={i === 0} onClick={() => setSteps((list) => move(list, i, i - 1))}>
                        ↑
                      </button>
                      <button type="button" aria-label={`${s.moveDown}: ${s.step(i + 1)}`} disabled={i === draft.steps.length - 1} onClick={() => setSteps((list) => move(list, i, i + 1))}>
                        ↓
                      </button>
                      <button type="button" aria-label={`${s.remove}: ${s.step(i + 1)}`} onClick={() => setSteps((list) => list.filter((_, n) => n !== i))}>
                        {s.remove}
                      </button>
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
          {canEdit && (
            <div className="briefing-actions">
              <button type="submit" className="primary" disabled={busy || !draft.title.trim()}>
                {s.saveBriefing}
              </button>
              {saved && (
                <>
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() =>
                      run.mutate(async () => {
                        const b = await duplicateBriefing(draft.id!, csrf);
                        onBriefingId(b.id);
                      })
                    }
                  >
                    {s.duplicate}
                  </button>
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() =>
                      run.mutate(async () => {
                        await deleteBriefing(draft.id!, csrf);
                        onBriefingId(null);
                      })
                    }
                  >
                    {s.deleteBriefing}
                  </button>
                </>
              )}
            </div>
          )}
        </form>
      )}
      {saved && (
        <div className="briefing-actions">
          <button type="button" className="primary" disabled={!presentable || presentable.steps.length === 0} onClick={() => presentable && onPresent(presentable)}>
            {s.present}
          </button>
          <a href={`/?briefing=${encodeURIComponent(draft.id!)}`}>{s.link}</a>
          <a href={briefingPdfUrl(draft.id!, lang)} target="_blank" rel="noreferrer">
            {s.pdf}
          </a>
          <button type="button" disabled={busy} onClick={() => run.mutate(() => exportHtml(draft.id!))}>
            {s.html}
          </button>
          {htmlSize && (
            <span className="briefing-size" data-testid="html-size">
              {s.htmlSize(htmlSize)}
            </span>
          )}
        </div>
      )}

      <h3>{s.exports}</h3>
      <div className="briefing-actions">
        {([1, 2, 4] as const).map((n) => (
          <button key={n} type="button" disabled={busy} onClick={() => run.mutate(() => onExportPng(n, draft.title.trim() || s.title))}>
            {s.png(n)}
          </button>
        ))}
      </div>
      <div className="briefing-actions">
        <label>
          {s.paper}{' '}
          <select value={paper} onChange={(e) => setPaper(e.target.value as 'A4' | 'A3')}>
            <option value="A4">A4</option>
            <option value="A3">A3</option>
          </select>
        </label>
        <select aria-label={s.paper} value={orientation} onChange={(e) => setOrientation(e.target.value as 'landscape' | 'portrait')}>
          <option value="landscape">{s.landscape}</option>
          <option value="portrait">{s.portrait}</option>
        </select>
        <button type="button" disabled={busy} onClick={printCurrent}>
          {s.print}
        </button>
      </div>
    </section>
  );
}
