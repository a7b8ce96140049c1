import type {
  AtlasFeatureCollection,
  Chain,
  FeatureDetail,
  Health,
  LayerInfo,
  Problem,
} from '@contract/api';

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

/** GET /api/features/:id — a feature with its chains, targets and children. */
export function fetchFeature(id: string, signal?: AbortSignal): Promise<FeatureDetail> {
  return getJson<FeatureDetail>(`/api/features/${encodeURIComponent(id)}`, signal);
}

/** GET /api/chains — the industry chains with their figures. */
export function fetchChains(signal?: AbortSignal): Promise<Chain[]> {
  return getJson<Chain[]>('/api/chains', signal);
}
