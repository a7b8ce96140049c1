import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchSearch, queryKeys } from '../lib/api';

/** Waits this long after the last keystroke before asking the server. */
const DEBOUNCE_MS = 200;
const LIMIT = 12;

/** The value once it has stopped changing for `ms`. */
export function useDebouncedValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const id = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(id);
  }, [value, ms]);
  return settled;
}

/** Debounced GET /api/search for the typed text; idle for blank text, keeps the last hits while the next load. */
export function useSearch(text: string) {
  const q = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const query = useQuery({
    queryKey: queryKeys.search(q, LIMIT),
    queryFn: ({ signal }) => fetchSearch(q, LIMIT, signal),
    enabled: q.length > 0 && q.length <= 100,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
  // Typed text the server has not answered yet (debounce pending or request in flight).
  const settling = text.trim() !== q || query.isFetching;
  return { q, hits: q.length > 0 ? (query.data ?? []) : [], settling, error: query.error };
}
