import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
// The bundled typeface: the app must show Chinese on machines without any CJK font.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles/app.css';
// Phone layout last: its rules override the desktop ones (and lazy chunks' styles, by one more selector).
import './styles/phone.css';
import { App } from './components/app/app';
import { fetchFeature, layerQuery, layersQuery, queryKeys } from './lib/api';
import { loadMaplibre } from './lib/maplibre';
import { labelText } from './lib/atlas-data';
import { loadFontFor, VERTICAL_FORMS } from './lib/fonts';

// MapLibre (its own chunk) downloads and compiles while React renders the panels.
loadMaplibre().catch(() => undefined); // the map hook reports a failure

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: 1, refetchOnWindowFocus: false },
  },
});

// The map waits for the catalogue and then every layer's GeoJSON: start those requests now, before
// React renders and the map is built, into the cache useLayers/useLayerData read (the same queries).
// A shared link to a feature (`?sel=…`, e.g. a park profile) shows its panel before the map is idle:
// the panel's chunk, the feature's detail and the parks layer (which tells a park from other
// features) are requested first, and the rest after them.
const shared = new URLSearchParams(window.location.search).get('sel');
if (shared) {
  void import('./components/explorer/park-profile');
  void queryClient.prefetchQuery({ queryKey: queryKeys.feature(shared), queryFn: ({ signal }) => fetchFeature(shared, signal), staleTime: 5 * 60_000 });
}
void queryClient
  .fetchQuery(layersQuery)
  .then((layers) => {
    const first = shared ? layers.filter((l) => l.theme === 'parks') : [];
    // The map adds its layers once the font files of every label are loaded (use-atlas-map.ts): request
    // each layer's as soon as its data is in (the server hints the data in index.html, so that is early),
    // not when React next renders.
    void loadFontFor(VERTICAL_FORMS);
    return Promise.all([...first, ...layers.filter((l) => !first.includes(l))].map((l) =>
      queryClient.fetchQuery(layerQuery(l.id)).then((fc) => loadFontFor(labelText([fc])), () => undefined)));
  })
  .catch(() => {
    // The hooks fetch again and show the error.
  });

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
