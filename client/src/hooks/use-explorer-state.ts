import { useCallback, useMemo, useState } from 'react';
import { EMPTY_FILTERS, type DockTab, type ExplorerFilters, type UrlView } from '../lib/url-state';

/** At most this many parks side by side. */
export const MAX_COMPARE = 4;

/** The investor views' state: side tab, explorer filters, parks to compare and the charts' group. */
export interface ExplorerState {
  tab: DockTab;
  setTab: (tab: DockTab) => void;
  filters: ExplorerFilters;
  /** Merges a change; picking a chain clears the free-text query and vice versa. */
  setFilters: (change: Partial<ExplorerFilters>) => void;
  compare: string[];
  /** Adds or removes a park; adding a fifth drops the oldest. */
  toggleCompare: (parkId: string) => void;
  setCompare: (parkIds: string[]) => void;
  chartGroup: string | null;
  setChartGroup: (groupId: string | null) => void;
}

/** Holds the explorer state, starting from what the URL carried. */
export function useExplorerState(initial: UrlView): ExplorerState {
  const [tab, setTab] = useState<DockTab>(() => (initial.panel && initial.panel !== 'none' ? initial.panel : 'layers'));
  const [filters, setFiltersState] = useState<ExplorerFilters>(() => ({ ...EMPTY_FILTERS, ...initial.filters }));
  const [compare, setCompareState] = useState<string[]>(() => initial.compare);
  const [chartGroup, setChartGroup] = useState<string | null>(() => initial.chartGroup);

  const setFilters = useCallback((change: Partial<ExplorerFilters>) => {
    setFiltersState((prev) => {
      const next = { ...prev, ...change };
      if (change.chain) next.q = '';
      if (change.q && change.q.trim()) next.chain = null;
      return next;
    });
  }, []);

  const toggleCompare = useCallback((parkId: string) => {
    setCompareState((prev) => {
      if (prev.includes(parkId)) return prev.filter((p) => p !== parkId);
      return [...prev, parkId].slice(-MAX_COMPARE);
    });
  }, []);
  const setCompare = useCallback((parkIds: string[]) => setCompareState([...new Set(parkIds)].slice(0, MAX_COMPARE)), []);

  return useMemo(
    () => ({ tab, setTab, filters, setFilters, compare, toggleCompare, setCompare, chartGroup, setChartGroup }),
    [tab, filters, setFilters, compare, toggleCompare, setCompare, chartGroup],
  );
}
