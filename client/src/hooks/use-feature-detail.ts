import { useQuery } from '@tanstack/react-query';
import { fetchFeature, queryKeys } from '../lib/api';

/** A feature's detail (GET /api/features/:id); idle while `id` is null. */
export function useFeatureDetail(id: string | null) {
  return useQuery({
    queryKey: queryKeys.feature(id ?? ''),
    queryFn: ({ signal }) => fetchFeature(id!, signal),
    enabled: id !== null,
    staleTime: 5 * 60_000,
  });
}
