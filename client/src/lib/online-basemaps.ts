import type { RasterSourceSpecification } from '@maplibre/maplibre-gl-style-spec';

/*
 * Online raster basemaps. They are the only external URLs in the client, and a source is added to
 * the map only while the user has switched it on, so the default app makes no outside request.
 * Both are WGS84/CGCS2000-aligned Web Mercator tiles, matching the project's WGS84 data
 * (GCJ-02 services such as Amap would sit ~500 m off).
 */

/** The online basemaps a user can switch on. */
export type OnlineBasemapId = 'tianditu' | 'osm';

/** The user's online-basemap choices. */
export interface OnlineBasemapState {
  tianditu: boolean;
  osm: boolean;
  /** 天地图 developer key (tk); the service refuses tiles without one. */
  tiandituKey: string;
}

/** One raster source and its map layer id. */
export interface OnlineBasemapSource {
  id: string;
  source: RasterSourceSpecification;
}

function tiandituTiles(layer: 'vec' | 'cva', key: string): string[] {
  const tk = encodeURIComponent(key.trim());
  return [0, 1, 2, 3, 4, 5, 6, 7].map(
    (n) =>
      `https://t${n}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}` +
      `&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${tk}`,
  );
}

/** The raster sources for the current choices, bottom first; empty when nothing is switched on. */
export function onlineBasemapSources(state: OnlineBasemapState): OnlineBasemapSource[] {
  const out: OnlineBasemapSource[] = [];
  if (state.osm) {
    out.push({
      id: 'online:osm',
      source: {
        type: 'raster', tileSize: 256, maxzoom: 19,
        tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
        attribution: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
      },
    });
  }
  if (state.tianditu && state.tiandituKey.trim()) {
    const attribution = '© <a href="https://www.tianditu.gov.cn/">天地图</a>';
    out.push({ id: 'online:tianditu-vec', source: { type: 'raster', tileSize: 256, maxzoom: 18, tiles: tiandituTiles('vec', state.tiandituKey), attribution } });
    out.push({ id: 'online:tianditu-cva', source: { type: 'raster', tileSize: 256, maxzoom: 18, tiles: tiandituTiles('cva', state.tiandituKey), attribution } });
  }
  return out;
}
