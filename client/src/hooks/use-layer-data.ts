import { useCallback } from 'react';
import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import type { AtlasFeatureCollection, LayerInfo } from '@contract/api';
import { layerQuery } from '../lib/api';

/** The features of every catalogue layer, as they arrive. */
export interface LayerDataState {
  /** Loaded collections by layer id. */
  byId: Record<string, AtlasFeatureCollection>;
  /** Errors by layer id. */
  errors: Record<string, Error>;
  /** True once every layer has either loaded or failed. */
  settled: boolean;
  /** Refetches one layer. */
  retry: (layerId: string) => void;
}

/**
 * Fetches every layer's GeoJSON (GET /api/layers/:id). All layers are fetched up front, hidden ones
 * too: the data set is small, and the label font and the feature lists need every name.
 */
export function useLayerData(layers: LayerInfo[] | undefined): LayerDataState {
  // A stable combine: TanStack re-runs it (and hands back a new object) only when a result changes,
  // so `byId` keeps its identity across unrelated renders and the map does not re-upload sources.
  const combine = useCallback(
    (results: Array<UseQueryResult<AtlasFeatureCollection, Error>>): LayerDataState => {
      const byId: Record<string, AtlasFeatureCollection> = {};
      const errors: Record<string, Error> = {};
      const refetchers: Record<string, () => void> = {};
      results.forEach((r, i) => {
        const id = layers![i].id;
        if (r.data) byId[id] = r.data;
        if (r.error) errors[id] = r.error;
        refetchers[id] = () => void r.refetch();
      });
      return {
        byId,
        errors,
        settled: layers !== undefined && results.every((r) => !r.isPending),
        retry: (layerId: string) => refetchers[layerId]?.(),
      };
    },
    [layers],
  );
  return useQueries({
    queries: (layers ?? []).map((layer) => layerQuery(layer.id)),
    combine,
  });
}
