import { useQuery } from '@tanstack/react-query';
import type { SiteStatus } from '@contract/api';
import { fetchSites, queryKeys } from '../lib/api';

/** GET /api/sites with the explorer's site filters (statuses, minimum area in km²); keeps the last answer while a new one loads. */
export function useSites(status: SiteStatus[], minKm2: number | null) {
  return useQuery({
    queryKey: queryKeys.sites(status, minKm2),
    queryFn: ({ signal }) => fetchSites(status, minKm2, signal),
    staleTime: 60_000,
    placeholderData: (prev) => prev,
  });
}
