import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Chain, Figure } from '@contract/api';
import { fetchChains, fetchTargets, queryKeys } from '../lib/api';

/** Chains and figures by id, for resolving the ids that search hits and discrepancy subjects carry. */
export interface SubjectIndex {
  chains: Map<string, Chain>;
  figures: Map<string, Figure>;
  /** False until both lists have loaded (an id may then still be a feature id). */
  loaded: boolean;
}

/** Every chain and every figure, indexed by id; fetched once when `enabled` first turns true. */
export function useSubjectIndex(enabled: boolean): SubjectIndex {
  const chains = useQuery({ queryKey: queryKeys.chains, queryFn: ({ signal }) => fetchChains(signal), staleTime: Infinity, enabled });
  const targets = useQuery({ queryKey: queryKeys.targets(null), queryFn: ({ signal }) => fetchTargets(null, signal), staleTime: Infinity, enabled });
  return useMemo(() => {
    const figures = new Map<string, Figure>();
    for (const f of targets.data ?? []) figures.set(f.id, f);
    // Chain figures come with /api/chains as well; /api/targets already lists them, this only fills gaps.
    for (const c of chains.data ?? []) for (const f of c.figures) if (!figures.has(f.id)) figures.set(f.id, f);
    return { chains: new Map((chains.data ?? []).map((c) => [c.id, c])), figures, loaded: !!chains.data && !!targets.data };
  }, [chains.data, targets.data]);
}
