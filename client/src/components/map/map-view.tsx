import type { RefObject } from 'react';
import { useI18n } from '../../hooks/use-i18n';

/** The element MapLibre draws into, with a loading veil until every layer is on the map. */
export function MapView({ containerRef, ready }: { containerRef: RefObject<HTMLDivElement | null>; ready: boolean }) {
  const { t } = useI18n();
  return (
    <main className="map-wrap">
      <div ref={containerRef} className="map" role="region" aria-label={t.mapLabel} />
      {!ready && (
        <div className="map-loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t.loading}
        </div>
      )}
    </main>
  );
}
