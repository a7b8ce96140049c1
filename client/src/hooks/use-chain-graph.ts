import { useQuery } from '@tanstack/react-query';
import { fetchChainGraph, queryKeys } from '../lib/api';

/** GET /api/chains/:id/graph, cached for the session (the taxonomy changes only with a reseed). */
export function useChainGraph(chainId: string) {
  return useQuery({ queryKey: queryKeys.chainGraph(chainId), queryFn: ({ signal }) => fetchChainGraph(chainId, signal), staleTime: Infinity });
}
