import type { AtlasFeature } from '@contract/api';
import { labelPoints } from '../../lib/atlas-data';
import type { PresenterFeature } from './presenter';

/** Where a highlighted feature's label goes: the polygon label point, a line's middle vertex, the point itself. */
function labelAt(f: AtlasFeature): [number, number] | null {
  const g = f.geometry;
  if (!g) return null;
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    const p = labelPoints({ type: 'FeatureCollection', features: [f] }).features[0];
    return p ? (p.geometry.coordinates as [number, number]) : null;
  }
  if (g.type === 'Point') return g.coordinates as [number, number];
  if (g.type === 'MultiPoint') return (g.coordinates[0] as [number, number]) ?? null;
  const line = g.type === 'LineString' ? g.coordinates : g.type === 'MultiLineString' ? g.coordinates[0] ?? [] : [];
  return line.length ? (line[Math.floor(line.length / 2)] as [number, number]) : null;
}

/** The presenter's view of the features `ids` names, looked up with `get`; unknown or geometry-less ids are skipped. */
export function presenterFeatures(ids: string[], lang: 'zh' | 'en', get: (id: string) => AtlasFeature | undefined): PresenterFeature[] {
  return ids.flatMap((id) => {
    const f = get(id);
    const label = f ? labelAt(f) : null;
    if (!f?.geometry || !label) return [];
    const name = (lang === 'en' ? f.properties.name_en || f.properties.name_zh : f.properties.name_zh || f.properties.name_en) ?? id;
    return [{ id, name, geometry: f.geometry, label }];
  });
}
