import { useQuery } from '@tanstack/react-query';
import { layersQuery } from '../lib/api';

/** The layer catalogue (GET /api/layers), sorted by drawing order. */
export function useLayers() {
  return useQuery(layersQuery);
}
