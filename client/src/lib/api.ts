import { queryOptions } from '@tanstack/react-query';
import type {
  AtlasFeatureCollection,
  Chain,
  FeatureDetail,
  Health,
  LayerInfo,
  Problem,
} from '@contract/api';
import type { DerivedGrowth, Figure, SearchHit } from '@contract/api';
import type { ChainGraph, MatchResult } from '@contract/api';
import type { SitesResult, SiteStatus } from '@contract/api';
import type { SiteCollection, SiteFeature, SiteImportPreview, SiteImportResult, SiteNearby } from '@contract/sites';
import type { AtlasFeature, AuthSession, ExportCrs, ExportFormat, FeaturePatch, HistoryEntry, NewFeature } from '@contract/api';
import type { CompareResult, ImportPreview, ImportResult } from '@contract/api';
import type { Briefing, BriefingStep, SavedView, ViewState } from '@contract/api';
import type { DiscrepancyEntry, DocumentDetailV2, DocumentInfoV2, DocumentUploaded, FigureInput, FigureList, FigureV2, Suggestion, SuggestionAccepted } from '@contract/api';

/** An HTTP failure carrying the server's RFC 9457 problem document when it sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;

  constructor(status: number, problem: Problem | null, url: string) {
    super(problem ? `${problem.title}${problem.detail ? `: ${problem.detail}` : ''}` : `HTTP ${status} for ${url}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

/** GETs a same-origin JSON resource; throws ApiError on a non-2xx answer. */
async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { signal, headers: { accept: 'application/json, application/geo+json' } });
  if (!response.ok) {
    let problem: Problem | null = null;
    // Problem documents are optional: a proxy error page must not hide the status code.
    if ((response.headers.get('content-type') ?? '').includes('json')) {
      problem = (await response.json().catch(() => null)) as Problem | null;
    }
    throw new ApiError(response.status, problem, path);
  }
  return (await response.json()) as T;
}

/** TanStack Query keys; every key the client uses is built here so invalidation has one source. */
export const queryKeys = {
  health: ['health'] as const,
  layers: ['layers'] as const,
  layer: (id: string) => ['layers', id] as const,
  feature: (id: string) => ['features', id] as const,
  chains: ['chains'] as const,
  chainGraph: (id: string) => ['chains', id, 'graph'] as const,
  search: (q: string, limit: number) => ['search', q, limit] as const,
  documents: ['documents'] as const,
  document: (id: string) => ['documents', id] as const,
  discrepancies: ['discrepancies'] as const,
  /** null = every figure of every subject. */
  targets: (subject: string | null) => ['targets', subject ?? '*'] as const,
  growth: (subject: string) => ['analytics', 'growth', subject] as const,
  /** Exactly one of chain / q is used: chain when given. */
  match: (by: { chain: string | null; q: string | null }) => ['match', by.chain ?? '', by.chain ? '' : (by.q ?? '')] as const,
  parkBrief: (parkId: string, lang: string) => ['parks', parkId, 'brief', lang] as const,
  /** Under layer('sites')'s data: statuses (sorted) and the minimum area in km² (null = none). */
  sites: (status: SiteStatus[], minKm2: number | null) => ['sites', [...status].sort().join(','), minKm2] as const,
  /** The inventory (GET /api/sites) for one query string of filters. */
  siteInventory: (qs: string) => ['site-inventory', qs] as const,
  /** Under siteInventory's prefix, so a refreshed inventory refreshes the card's distances too. */
  siteNearby: (id: string) => ['site-inventory', 'nearby', id] as const,
  site: (id: string) => ['site-inventory', 'site', id] as const,
  /** The session (GET /api/auth/me). */
  me: ['auth', 'me'] as const,
  /** Under feature(id), so invalidating a feature refreshes its history too. */
  history: (id: string) => ['features', id, 'history'] as const,
  views: ['views'] as const,
  briefings: ['briefings'] as const,
  briefing: (id: string) => ['briefings', id] as const,
};

/** GET /api/health. */
export function fetchHealth(signal?: AbortSignal): Promise<Health> {
  return getJson<Health>('/api/health', signal);
}

/** GET /api/layers — the layer catalogue, sorted by `sort` on the client too because the order drives drawing. */
export async function fetchLayers(signal?: AbortSignal): Promise<LayerInfo[]> {
  const layers = await getJson<LayerInfo[]>('/api/layers', signal);
  return [...layers].sort((a, b) => a.sort - b.sort || a.id.localeCompare(b.id));
}

/** GET /api/layers/:id — one layer's features as GeoJSON (WGS84). */
export function fetchLayer(id: string, signal?: AbortSignal): Promise<AtlasFeatureCollection> {
  return getJson<AtlasFeatureCollection>(`/api/layers/${encodeURIComponent(id)}`, signal);
}

/** The catalogue as a query: one definition for useLayers and the early prefetch in main.tsx. */
export const layersQuery = queryOptions({ queryKey: queryKeys.layers, queryFn: ({ signal }) => fetchLayers(signal), staleTime: Infinity });

/** A layer's GeoJSON as a query: one definition for useLayerData and the early prefetch in main.tsx. */
export const layerQuery = (id: string) => queryOptions({ queryKey: queryKeys.layer(id), queryFn: ({ signal }) => fetchLayer(id, signal), staleTime: Infinity });

/** GET /api/features/:id — a feature with its chains, targets and children. */
export function fetchFeature(id: string, signal?: AbortSignal): Promise<FeatureDetail> {
  return getJson<FeatureDetail>(`/api/features/${encodeURIComponent(id)}`, signal);
}

/** GET /api/chains — the industry chains with their figures. */
export function fetchChains(signal?: AbortSignal): Promise<Chain[]> {
  return getJson<Chain[]>('/api/chains', signal);
}

/** GET /api/chains/:id/graph — the chain's segments (upstream → downstream) with enterprises, host parks and gaps. */
export function fetchChainGraph(id: string, signal?: AbortSignal): Promise<ChainGraph> {
  return getJson<ChainGraph>(`/api/chains/${encodeURIComponent(id)}/graph`, signal);
}

/** GET /api/search — features, chains, layers and figures whose name contains q (either language), best first. */
export function fetchSearch(q: string, limit: number, signal?: AbortSignal): Promise<SearchHit[]> {
  return getJson<SearchHit[]>(`/api/search?q=${encodeURIComponent(q)}&limit=${limit}`, signal);
}

/** GET /api/documents — the documents without their text, with status, paragraphs and open suggestions. */
export function fetchDocuments(signal?: AbortSignal): Promise<DocumentInfoV2[]> {
  return getJson<DocumentInfoV2[]>('/api/documents', signal);
}

/** GET /api/documents/:id — one document's text, its paragraphs (pages, stored English) and the quotes cited from it with their places. */
export function fetchDocument(id: string, signal?: AbortSignal): Promise<DocumentDetailV2> {
  return getJson<DocumentDetailV2>(`/api/documents/${encodeURIComponent(id)}`, signal);
}

/** GET /api/discrepancies — where the documents disagree, both sides cited. */
export function fetchDiscrepancies(signal?: AbortSignal): Promise<DiscrepancyEntry[]> {
  return getJson<DiscrepancyEntry[]>('/api/discrepancies', signal);
}

/** GET /api/targets[?subject=] — cited figures of one subject, or all of them when subject is null. */
export function fetchTargets(subject: string | null, signal?: AbortSignal): Promise<Figure[]> {
  return getJson<Figure[]>(subject === null ? '/api/targets' : `/api/targets?subject=${encodeURIComponent(subject)}`, signal);
}

/** GET /api/analytics/growth?subject= — annual growth implied by each target and its base (derived). */
export function fetchGrowth(subject: string, signal?: AbortSignal): Promise<DerivedGrowth[]> {
  return getJson<DerivedGrowth[]>(`/api/analytics/growth?subject=${encodeURIComponent(subject)}`, signal);
}

/** GET /api/sites/areas?status=…&min_area_km2=… — sites with their computed / stated area, unknown areas apart. */
export function fetchSites(status: SiteStatus[], minKm2: number | null, signal?: AbortSignal): Promise<SitesResult> {
  const p = new URLSearchParams();
  if (status.length) p.set('status', status.join(','));
  if (minKm2 !== null) p.set('min_area_km2', String(minKm2));
  const qs = p.toString().replace(/%2C/gi, ',');
  return getJson<SitesResult>(`/api/sites/areas${qs ? `?${qs}` : ''}`, signal);
}

/** GET /api/sites?<filters>: the sites and buildings inventory as GeoJSON (contract/sites.ts). */
export function fetchSiteInventory(qs: string, signal?: AbortSignal): Promise<SiteCollection> {
  return getJson<SiteCollection>(`/api/sites${qs ? `?${qs}` : ''}`, signal);
}

/** GET /api/sites/:id: one site as a GeoJSON Feature. */
export function fetchSite(id: string, signal?: AbortSignal): Promise<SiteFeature> {
  return getJson<SiteFeature>(`/api/sites/${encodeURIComponent(id)}`, signal);
}

/** GET /api/sites/:id/nearby: the nearest mapped port, station and expressway, geodesic metres. */
export async function fetchSiteNearby(id: string, signal?: AbortSignal): Promise<SiteNearby[]> {
  return (await getJson<{ site_id: string; nearby: SiteNearby[] }>(`/api/sites/${encodeURIComponent(id)}/nearby`, signal)).nearby;
}

/** GET /api/match?chain=<id> or ?q=<industry text> — parks and sites ranked with every part of the score. */
export function fetchMatch(by: { chain: string | null; q: string | null }, signal?: AbortSignal): Promise<MatchResult> {
  const query = by.chain ? `chain=${encodeURIComponent(by.chain)}` : `q=${encodeURIComponent(by.q ?? '')}`;
  return getJson<MatchResult>(`/api/match?${query}`, signal);
}

/** URL of a park's one-page PDF brief (GET /api/parks/:id/brief.pdf?lang=). */
export function parkBriefUrl(parkId: string, lang: string): string {
  return `/api/parks/${encodeURIComponent(parkId)}/brief.pdf?lang=${encodeURIComponent(lang)}`;
}

/** HEAD of a park's PDF brief: true when the server has it, false on 404 (the endpoint may not exist yet). */
export async function probeParkBrief(parkId: string, lang: string, signal?: AbortSignal): Promise<boolean> {
  const response = await fetch(parkBriefUrl(parkId, lang), { method: 'HEAD', signal });
  if (response.status === 404 || response.status === 405) return false;
  if (!response.ok) throw new ApiError(response.status, null, parkBriefUrl(parkId, lang));
  return (response.headers.get('content-type') ?? '').includes('pdf');
}

// ---------- Staff: sign-in, edits, history, export ----------

/** Sends a same-origin JSON write with the session cookie and the CSRF token; throws ApiError (with the problem's extra members) on a non-2xx. */
async function sendJson<T>(method: string, path: string, body: unknown, opts: { csrf?: string | null; ifMatch?: number } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/geo+json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (opts.csrf) headers['x-csrf-token'] = opts.csrf;
  if (opts.ifMatch !== undefined) headers['if-match'] = `"${opts.ifMatch}"`;
  const response = await fetch(path, { method, credentials: 'same-origin', headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) {
    let problem: Problem | null = null;
    if ((response.headers.get('content-type') ?? '').includes('json')) problem = (await response.json().catch(() => null)) as Problem | null;
    throw new ApiError(response.status, problem, path);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** GET /api/auth/me — the signed-in user and CSRF token, or nulls. */
export async function fetchMe(signal?: AbortSignal): Promise<AuthSession> {
  const response = await fetch('/api/auth/me', { signal, credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!response.ok) throw new ApiError(response.status, null, '/api/auth/me');
  return (await response.json()) as AuthSession;
}

/** POST /api/auth/login — opens a session (HttpOnly cookie); 401 on a wrong name or password. */
export function login(username: string, password: string): Promise<AuthSession> {
  return sendJson<AuthSession>('POST', '/api/auth/login', { username, password });
}

/** POST /api/auth/logout — ends the session. */
export function logout(): Promise<void> {
  return sendJson<void>('POST', '/api/auth/logout', undefined);
}

/** PATCH /api/features/:id with If-Match: the version edited; 412 carries VersionConflictProblem, 422 InvalidGeometryProblem. */
export function patchFeature(id: string, version: number, patch: FeaturePatch, csrf: string | null): Promise<AtlasFeature> {
  return sendJson<AtlasFeature>('PATCH', `/api/features/${encodeURIComponent(id)}`, patch, { csrf, ifMatch: version });
}

/** POST /api/features — creates a feature (version 1); 409 when the id is taken. */
export function createFeature(feature: NewFeature, csrf: string | null): Promise<AtlasFeature> {
  return sendJson<AtlasFeature>('POST', '/api/features', feature, { csrf });
}

/** GET /api/features/:id/history?geometry=true — every version, oldest first, with geometries. */
export function fetchHistory(id: string, signal?: AbortSignal): Promise<HistoryEntry[]> {
  return getJson<HistoryEntry[]>(`/api/features/${encodeURIComponent(id)}/history?geometry=true`, signal);
}

/** POST /api/features/:id/revert — restores history version `to` as a new version, if the feature is still at `current`. */
export function revertFeature(id: string, current: number, to: number, csrf: string | null): Promise<AtlasFeature> {
  return sendJson<AtlasFeature>('POST', `/api/features/${encodeURIComponent(id)}/revert`, { version: to }, { csrf, ifMatch: current });
}

/** What GET /api/export should write: a layer, a set of ids and/or a WGS84 bbox, as one format and CRS. */
export interface ExportRequest {
  layer?: string;
  ids?: string[];
  bbox?: [number, number, number, number];
  format: ExportFormat;
  crs: ExportCrs;
}

/** URL of GET /api/export for a request (a download link; the server names the file). */
export function exportUrl(req: ExportRequest): string {
  const q = new URLSearchParams();
  if (req.layer) q.set('layer', req.layer);
  if (req.ids?.length) q.set('ids', req.ids.join(','));
  if (req.bbox) q.set('bbox', req.bbox.map((v) => v.toFixed(6)).join(','));
  q.set('format', req.format);
  q.set('crs', req.crs);
  return `/api/export?${q.toString()}`;
}

// ---------- Saved views and briefings ----------

/** GET /api/views — every saved view in its sort order. */
export function fetchViews(signal?: AbortSignal): Promise<SavedView[]> {
  return getJson<SavedView[]>('/api/views', signal);
}

/** GET /api/views/:id. */
export function fetchView(id: string, signal?: AbortSignal): Promise<SavedView> {
  return getJson<SavedView>(`/api/views/${encodeURIComponent(id)}`, signal);
}

/** POST /api/views (editor). */
export function createView(body: { title: string; note: string; state: ViewState }, csrf: string | null): Promise<SavedView> {
  return sendJson<SavedView>('POST', '/api/views', body, { csrf });
}

/** PATCH /api/views/:id (editor). */
export function updateView(id: string, patch: { title?: string; note?: string; state?: ViewState }, csrf: string | null): Promise<SavedView> {
  return sendJson<SavedView>('PATCH', `/api/views/${encodeURIComponent(id)}`, patch, { csrf });
}

/** DELETE /api/views/:id (editor). */
export function deleteView(id: string, csrf: string | null): Promise<void> {
  return sendJson<void>('DELETE', `/api/views/${encodeURIComponent(id)}`, undefined, { csrf });
}

/** PUT /api/views-order (editor): the views in the given order. */
export function reorderViews(ids: string[], csrf: string | null): Promise<SavedView[]> {
  return sendJson<SavedView[]>('PUT', '/api/views-order', { ids }, { csrf });
}

/** GET /api/briefings. */
export function fetchBriefings(signal?: AbortSignal): Promise<Briefing[]> {
  return getJson<Briefing[]>('/api/briefings', signal);
}

/** GET /api/briefings/:id — with the steps' views resolved. */
export function fetchBriefing(id: string, signal?: AbortSignal): Promise<Briefing> {
  return getJson<Briefing>(`/api/briefings/${encodeURIComponent(id)}`, signal);
}

/** POST /api/briefings (editor). */
export function createBriefing(body: { title: string; subtitle: string; steps: BriefingStep[] }, csrf: string | null): Promise<Briefing> {
  return sendJson<Briefing>('POST', '/api/briefings', body, { csrf });
}

/** PATCH /api/briefings/:id (editor). */
export function updateBriefing(id: string, patch: { title?: string; subtitle?: string; steps?: BriefingStep[] }, csrf: string | null): Promise<Briefing> {
  return sendJson<Briefing>('PATCH', `/api/briefings/${encodeURIComponent(id)}`, patch, { csrf });
}

/** POST /api/briefings/:id/duplicate (editor). */
export function duplicateBriefing(id: string, csrf: string | null): Promise<Briefing> {
  return sendJson<Briefing>('POST', `/api/briefings/${encodeURIComponent(id)}/duplicate`, undefined, { csrf });
}

/** DELETE /api/briefings/:id (editor). */
export function deleteBriefing(id: string, csrf: string | null): Promise<void> {
  return sendJson<void>('DELETE', `/api/briefings/${encodeURIComponent(id)}`, undefined, { csrf });
}

/** Download links of a briefing: its PDF (one page per step) and its self-contained HTML. */
export function briefingPdfUrl(id: string, lang?: string): string {
  return `/api/briefings/${encodeURIComponent(id)}/export.pdf${lang ? `?lang=${lang}` : ''}`;
}
export function briefingHtmlUrl(id: string): string {
  return `/api/briefings/${encodeURIComponent(id)}/export.html`;
}

/** POST /api/print — a PDF of a view state; resolves to the PDF bytes. */
export async function printView(body: { state: ViewState; title: string; paper: 'A4' | 'A3'; orientation: 'portrait' | 'landscape' }): Promise<Blob> {
  const response = await fetch('/api/print', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/pdf, application/problem+json' }, body: JSON.stringify({ ...body, format: 'pdf' }) });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as Problem | null;
    throw new ApiError(response.status, problem, '/api/print');
  }
  return response.blob();
}

// ---------- Staff: imports and plan-version compare ----------

/** POST /api/imports (multipart: file, layer, crs?, encoding?) — stores a preview batch; 413/422 problems for bad files. */
export async function uploadImport(file: File, fields: { layer: string; crs?: string; encoding?: string }, csrf: string | null): Promise<ImportPreview> {
  const form = new FormData();
  form.set('layer', fields.layer);
  if (fields.crs) form.set('crs', fields.crs);
  if (fields.encoding) form.set('encoding', fields.encoding);
  form.set('file', file, file.name);
  const response = await fetch('/api/imports', { method: 'POST', credentials: 'same-origin', headers: csrf ? { 'x-csrf-token': csrf, accept: 'application/json' } : { accept: 'application/json' }, body: form });
  if (!response.ok) {
    const problem = (response.headers.get('content-type') ?? '').includes('json') ? ((await response.json().catch(() => null)) as Problem | null) : null;
    throw new ApiError(response.status, problem, '/api/imports');
  }
  return (await response.json()) as ImportPreview;
}

/** GET /api/imports/:id[?makeValid=true] — the preview with every item's WGS 84 geometry, status and reasons. */
export function fetchImport(id: string, makeValid: boolean, signal?: AbortSignal): Promise<ImportPreview> {
  return getJson<ImportPreview>(`/api/imports/${encodeURIComponent(id)}${makeValid ? '?makeValid=true' : ''}`, signal);
}

/** POST /api/imports/:id/crs — chooses (or changes) the CRS the file's coordinates are read in. */
export function chooseImportCrs(id: string, crs: string, csrf: string | null): Promise<ImportPreview> {
  return sendJson<ImportPreview>('POST', `/api/imports/${encodeURIComponent(id)}/crs`, { crs }, { csrf });
}

/** POST /api/imports/:id/commit — writes new and changed items in one transaction; 412 when the preview is stale. */
export function commitImport(id: string, body: { accuracy: 'surveyed' | 'digitised'; makeValid: boolean; preview_token: string }, csrf: string | null): Promise<ImportResult> {
  return sendJson<ImportResult>('POST', `/api/imports/${encodeURIComponent(id)}/commit`, body, { csrf });
}

/** DELETE /api/imports/:id — discards an uncommitted preview. */
export function discardImport(id: string, csrf: string | null): Promise<void> {
  return sendJson<void>('DELETE', `/api/imports/${encodeURIComponent(id)}`, undefined, { csrf });
}

/** DELETE /api/features/:id with If-Match — deletes the feature; its history stays (and can restore it). */
export function deleteFeature(id: string, version: number, csrf: string | null): Promise<void> {
  return sendJson<void>('DELETE', `/api/features/${encodeURIComponent(id)}`, undefined, { csrf, ifMatch: version });
}

/** What GET /api/compare compares: two feature refs (`id` or `id@version`) or two layers. */
export type CompareQuery = { a: string; b: string } | { layerA: string; layerB: string };

/** GET /api/compare — both sides and the unchanged / added / removed areas (m², PostGIS). */
export function fetchCompare(q: CompareQuery, signal?: AbortSignal): Promise<CompareResult> {
  return getJson<CompareResult>(`/api/compare?${new URLSearchParams(q as Record<string, string>).toString()}`, signal);
}

/** Query keys of the staff import and compare tools. */
export const staffKeys = {
  importPreview: (id: string, makeValid: boolean) => ['imports', id, makeValid] as const,
  compare: (q: CompareQuery) => ['compare', q] as const,
};

// ---------- Living documents, figures and discrepancies (issue 15) ----------

/** Query keys of the document library, suggestions, figures and structures (under `documents` / `figures`, so one invalidation refreshes them). */
export const documentKeys = {
  suggestions: (id: string) => ['documents', id, 'suggestions'] as const,
  figures: (subjectType: string, subjectId: string) => ['figures', subjectType, subjectId] as const,
};

/** POST /api/documents (multipart `file` + metadata fields) — 201 DocumentUploaded; 409 carries `existing_id`, 422 `reason`. */
export async function uploadDocument(file: File, fields: Record<string, string>, csrf: string | null): Promise<DocumentUploaded> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== '') form.set(k, v);
  form.set('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrf) headers['x-csrf-token'] = csrf;
  const response = await fetch('/api/documents', { method: 'POST', credentials: 'same-origin', headers, body: form });
  if (!response.ok) {
    const problem = (response.headers.get('content-type') ?? '').includes('json') ? ((await response.json().catch(() => null)) as Problem | null) : null;
    throw new ApiError(response.status, problem, '/api/documents');
  }
  return (await response.json()) as DocumentUploaded;
}

/** GET /api/documents/:id/suggestions — the extractor's proposals with their quotes and decisions. */
export function fetchSuggestions(id: string, signal?: AbortSignal): Promise<Suggestion[]> {
  return getJson<Suggestion[]>(`/api/documents/${encodeURIComponent(id)}/suggestions`, signal);
}

/** POST …/suggestions/:sid/accept — creates the figure (or structure); 422 as POST /api/figures, 409 when decided. */
export function acceptSuggestion(docId: string, sid: string, csrf: string | null): Promise<SuggestionAccepted> {
  return sendJson<SuggestionAccepted>('POST', `/api/documents/${encodeURIComponent(docId)}/suggestions/${encodeURIComponent(sid)}/accept`, {}, { csrf });
}

/** POST …/suggestions/:sid/reject {reason?}. */
export function rejectSuggestion(docId: string, sid: string, reason: string, csrf: string | null): Promise<Suggestion> {
  return sendJson<Suggestion>('POST', `/api/documents/${encodeURIComponent(docId)}/suggestions/${encodeURIComponent(sid)}/reject`, reason ? { reason } : {}, { csrf });
}

/** POST /api/figures — 201 the figure, or 422 whose `reason` says which check failed. */
export function createFigure(input: FigureInput, csrf: string | null): Promise<FigureV2> {
  return sendJson<FigureV2>('POST', '/api/figures', input, { csrf });
}

/** GET /api/figures?subject_type=&subject_id= — every figure (superseded ones marked) and the current series. */
export function fetchFigures(subjectType: string, subjectId: string, signal?: AbortSignal): Promise<FigureList> {
  return getJson<FigureList>(`/api/figures?subject_type=${encodeURIComponent(subjectType)}&subject_id=${encodeURIComponent(subjectId)}`, signal);
}

/** POST /api/discrepancies/:id/resolve {reason} or /reopen {reason?} (editor) — the entry with its history. */
export function decideDiscrepancy(id: string, action: 'resolve' | 'reopen', reason: string, csrf: string | null): Promise<DiscrepancyEntry> {
  return sendJson<DiscrepancyEntry>('POST', `/api/discrepancies/${encodeURIComponent(id)}/${action}`, { reason }, { csrf });
}

/** POST /api/sites/imports — a sheet (XLSX/CSV) or a GIS file (with its loose parts) into a preview of the sites inventory; nothing is written. */
export async function uploadSiteImport(files: File[], fields: { crs?: string; encoding?: string }, csrf: string | null): Promise<SiteImportPreview> {
  const form = new FormData();
  if (fields.crs) form.set('crs', fields.crs);
  if (fields.encoding) form.set('encoding', fields.encoding);
  for (const f of files) form.append('file', f, f.name);
  const response = await fetch('/api/sites/imports', { method: 'POST', credentials: 'same-origin', headers: csrf ? { 'x-csrf-token': csrf, accept: 'application/json' } : { accept: 'application/json' }, body: form });
  if (!response.ok) {
    const problem = (response.headers.get('content-type') ?? '').includes('json') ? ((await response.json().catch(() => null)) as Problem | null) : null;
    throw new ApiError(response.status, problem, '/api/sites/imports');
  }
  return (await response.json()) as SiteImportPreview;
}

/** POST /api/sites/imports/:id/crs — reads every feature of a file that did not say its CRS again, in `crs`. */
export function chooseSiteImportCrs(id: string, crs: string, csrf: string | null): Promise<SiteImportPreview> {
  return sendJson<SiteImportPreview>('POST', `/api/sites/imports/${encodeURIComponent(id)}/crs`, { crs }, { csrf });
}

/** POST /api/sites/imports/:id/commit — writes every row in one transaction, or none (422 naming the bad rows). */
export function commitSiteImport(id: string, csrf: string | null): Promise<SiteImportResult> {
  return sendJson<SiteImportResult>('POST', `/api/sites/imports/${encodeURIComponent(id)}/commit`, undefined, { csrf });
}

/** The CRSs the import APIs offer for files that do not say theirs (server/src/imports/source-crs.ts CRS_CHOICES). */
export const IMPORT_CRS = ['EPSG:4490', 'EPSG:4549', 'EPSG:4326', 'GCJ-02', 'BD-09'] as const;
