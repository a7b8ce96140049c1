import { useQuery } from '@tanstack/react-query';
import { fetchLayers, queryKeys } from '../lib/api';

/** The layer catalogue (GET /api/layers), sorted by drawing order. */
export function useLayers() {
  return useQuery({ queryKey: queryKeys.layers, queryFn: ({ signal }) => fetchLayers(signal), staleTime: Infinity });
}
