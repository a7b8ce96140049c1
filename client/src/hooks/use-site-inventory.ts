import { useQuery } from '@tanstack/react-query';
import { fetchSite, fetchSiteInventory, fetchSiteNearby, queryKeys } from '../lib/api';

/** What the Sites panel filters by; areas in the unit the investor chose (亩 or m²). */
export interface InventoryFilters {
  kind: string;
  status: string[];
  park: string;
  chain: string;
  unit: 'mu' | 'm2';
  min: number | null;
  max: number | null;
}

/** The query string of GET /api/sites for these filters (m² become 亩 for land area; floor space is m²). */
export function inventoryQuery(f: InventoryFilters): string {
  const p = new URLSearchParams();
  if (f.kind) p.set('kind', f.kind);
  if (f.status.length) p.set('status', f.status.join(','));
  if (f.park) p.set('park', f.park);
  if (f.chain) p.set('chain', f.chain);
  const toMu = (v: number) => (f.unit === 'mu' ? v : (v * 15) / 10000);
  const floor = f.kind && f.kind !== 'land';
  if (f.min !== null) {
    if (floor) p.set('min_floor_area_m2', String(f.unit === 'm2' ? f.min : (f.min * 10000) / 15));
    else p.set('min_area_mu', String(toMu(f.min)));
  }
  if (f.max !== null && !floor) p.set('max_area_mu', String(toMu(f.max)));
  return p.toString().replace(/%2C/gi, ',');
}

/** GET /api/sites with the Sites panel's filters; keeps the last answer while a new one loads. */
export function useSiteInventory(f: InventoryFilters) {
  const qs = inventoryQuery(f);
  return useQuery({
    queryKey: queryKeys.siteInventory(qs),
    queryFn: ({ signal }) => fetchSiteInventory(qs, signal),
    staleTime: 30_000,
    placeholderData: (prev) => prev,
  });
}

/** GET /api/sites/:id/nearby for the open site card. */
export function useSiteNearby(id: string) {
  return useQuery({ queryKey: queryKeys.siteNearby(id), queryFn: ({ signal }) => fetchSiteNearby(id, signal), staleTime: 60_000 });
}

/** GET /api/sites/:id for a card opened from elsewhere (a match result) whose site the current filters leave out. */
export function useSite(id: string | null) {
  return useQuery({ queryKey: queryKeys.site(id ?? ''), queryFn: ({ signal }) => fetchSite(id!, signal), enabled: id !== null, staleTime: 30_000 });
}
