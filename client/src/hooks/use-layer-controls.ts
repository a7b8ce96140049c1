import { useCallback, useEffect, useState } from 'react';
import type { LayerInfo } from '@contract/api';
import type { LayerControl } from '../lib/layer-style';

/** Visibility and opacity per layer id, plus setters. */
export interface LayerControls {
  controls: Record<string, LayerControl>;
  setVisible: (layerId: string, visible: boolean) => void;
  setOpacity: (layerId: string, opacity: number) => void;
}

/** Per-layer toggles, initialised from each layer's `style.visible` when the catalogue arrives. */
export function useLayerControls(layers: LayerInfo[] | undefined): LayerControls {
  const [controls, setControls] = useState<Record<string, LayerControl>>({});

  useEffect(() => {
    if (!layers) return;
    setControls((prev) => {
      const next = { ...prev };
      for (const l of layers) next[l.id] ??= { visible: l.style.visible ?? true, opacity: 1 };
      return next;
    });
  }, [layers]);

  const setVisible = useCallback((layerId: string, visible: boolean) => {
    setControls((prev) => ({ ...prev, [layerId]: { ...(prev[layerId] ?? { opacity: 1 }), visible } }));
  }, []);
  const setOpacity = useCallback((layerId: string, opacity: number) => {
    setControls((prev) => ({ ...prev, [layerId]: { ...(prev[layerId] ?? { visible: true }), opacity } }));
  }, []);

  return { controls, setVisible, setOpacity };
}
