import { useEffect, useState } from 'react';
import type { ControlPosition, IControl, Map as MapLibreMap } from 'maplibre-gl';

/**
 * An element placed as a MapLibre control at `position` while the caller is mounted, for a React portal.
 * Being a control, it moves with the map's control corners (the app shifts them beside its panels)
 * and its clicks never reach the map.
 */
export function useMapControl(map: MapLibreMap | null, position: ControlPosition, className: string): HTMLElement | null {
  const [el, setEl] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!map) return;
    const container = document.createElement('div');
    container.className = `maplibregl-ctrl ${className}`;
    const control: IControl = { onAdd: () => container, onRemove: () => container.remove() };
    map.addControl(control, position);
    setEl(container);
    return () => {
      setEl(null);
      if (map.hasControl(control)) map.removeControl(control);
    };
  }, [map, position, className]);
  return el;
}
