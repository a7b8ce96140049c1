import { createContext, useContext } from 'react';
import type { AtlasFeature, LayerInfo } from '@contract/api';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { IndexedFeature } from '../lib/atlas-data';
import type { AuthState } from './use-auth';

/** The staff tool that owns the map (and the staff sheet) right now; null when none does. */
export type StaffTool =
  | { kind: 'edit'; featureId: string }
  | { kind: 'history'; featureId: string }
  | { kind: 'draw' }
  | { kind: 'measure'; shape: 'line' | 'polygon' }
  | { kind: 'export' }
  | { kind: 'import' }
  /** Plan-version compare: two versions of a feature (a/b; null = current), or two layers when featureId is absent. */
  | { kind: 'compare'; featureId?: string; a?: number | null; b?: number | null }
  | null;

/** What the account menu, the feature panel's staff buttons and the tools share. */
export interface StaffApi {
  auth: AuthState;
  map: MapLibreMap | null;
  layers: LayerInfo[] | undefined;
  index: Map<string, IndexedFeature>;
  tool: StaffTool;
  setTool: (tool: StaffTool) => void;
  /** Selects a feature as the app does (null clears the selection). */
  selectFeature: (featureId: string | null) => void;
  /** Switches a layer on (a feature created in a hidden layer must be seen). */
  showLayer: (layerId: string) => void;
  /** Puts a feature the server returned after a write into the caches and refetches its layer, detail and history. */
  afterWrite: (feature: AtlasFeature, alsoFeatures?: Array<string | null | undefined>) => Promise<void>;
  /** Shows a short message under the map toolbar (a save, a revert). */
  notify: (text: string) => void;
}

/** React context for StaffApi; null outside StaffProvider (then no staff control is shown). */
export const StaffContext = createContext<StaffApi | null>(null);

/** The staff API, or null when no provider is mounted. */
export function useStaff(): StaffApi | null {
  return useContext(StaffContext);
}
