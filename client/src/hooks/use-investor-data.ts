import { useEffect, useMemo, useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { Chain, DerivedGrowth, DocumentInfo, FeatureDetail } from '@contract/api';
import { fetchChains, fetchFeature, fetchGrowth, fetchMatch, probeParkBrief, queryKeys } from '../lib/api';
import { useDocuments } from './use-documents';

/** Free-text queries shorter than this are not sent (one Latin letter matches nothing useful). */
const MIN_QUERY = 2;

/** The 30 chains (GET /api/chains), cached for the session. */
export function useChains() {
  return useQuery({ queryKey: queryKeys.chains, queryFn: ({ signal }) => fetchChains(signal), staleTime: Infinity });
}

/** Chain groups in the chains' seq order, each with its chains. */
export interface ChainGroup {
  id: string;
  name_zh: string;
  name_en: string;
  chains: Chain[];
}

/** Groups chains by group_id, keeping the documents' order. */
export function groupChains(chains: Chain[] | undefined): ChainGroup[] {
  const out = new Map<string, ChainGroup>();
  for (const c of [...(chains ?? [])].sort((a, b) => a.seq - b.seq)) {
    const g = out.get(c.group_id) ?? { id: c.group_id, name_zh: c.group_zh, name_en: c.group_en, chains: [] };
    g.chains.push(c);
    out.set(c.group_id, g);
  }
  return [...out.values()];
}

/** Documents by id (for the “data as of” year of every figure). */
export function useDocumentIndex(): Map<string, DocumentInfo> | undefined {
  const docs = useDocuments();
  return useMemo(() => (docs.data ? new Map(docs.data.map((d) => [d.id, d])) : undefined), [docs.data]);
}

/** A value that follows `value` after it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [out, setOut] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setOut(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return out;
}

/** GET /api/match for a chain id or an industry text; idle when neither is given. */
export function useMatch(chain: string | null, q: string) {
  const text = q.trim();
  const by = { chain, q: chain ? null : text };
  return useQuery({
    queryKey: queryKeys.match(by),
    queryFn: ({ signal }) => fetchMatch(by, signal),
    enabled: chain !== null || text.length >= MIN_QUERY,
    staleTime: 5 * 60_000,
    placeholderData: (prev) => prev,
  });
}

/** Feature details (chains, targets, children) of several features, by id; missing until loaded. */
export function useFeatureDetails(ids: string[]): Map<string, FeatureDetail> {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: queryKeys.feature(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchFeature(id, signal),
      staleTime: 5 * 60_000,
    })),
    combine: (results) => {
      const out = new Map<string, FeatureDetail>();
      results.forEach((r, i) => {
        if (r.data) out.set(ids[i], r.data);
      });
      return out;
    },
  });
}

/** Derived growth rows of several subjects (chains), by subject id. */
export function useGrowthOf(subjects: string[]): Map<string, DerivedGrowth[]> {
  return useQueries({
    queries: subjects.map((s) => ({
      queryKey: queryKeys.growth(s),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchGrowth(s, signal),
      staleTime: Infinity,
    })),
    combine: (results) => {
      const out = new Map<string, DerivedGrowth[]>();
      results.forEach((r, i) => {
        if (r.data) out.set(subjects[i], r.data);
      });
      return out;
    },
  });
}

/** Whether the park's PDF brief exists (HEAD; false while the endpoint is not deployed). */
export function useParkBrief(parkId: string, lang: string) {
  return useQuery({
    queryKey: queryKeys.parkBrief(parkId, lang),
    queryFn: ({ signal }) => probeParkBrief(parkId, lang, signal),
    staleTime: 10 * 60_000,
    retry: false,
  });
}
