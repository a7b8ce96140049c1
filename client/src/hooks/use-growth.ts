import { useQuery } from '@tanstack/react-query';
import { fetchGrowth, queryKeys } from '../lib/api';

/** Derived annual growth of one subject (feature, chain or district id); idle while `subject` is null. */
export function useGrowth(subject: string | null) {
  return useQuery({
    queryKey: queryKeys.growth(subject ?? ''),
    queryFn: ({ signal }) => fetchGrowth(subject!, signal),
    enabled: subject !== null,
    staleTime: Infinity,
  });
}
