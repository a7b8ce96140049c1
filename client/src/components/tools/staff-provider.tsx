import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AtlasFeature, AtlasFeatureCollection, LayerInfo } from '@contract/api';
import { useAuth } from '../../hooks/use-auth';
import { useI18n } from '../../hooks/use-i18n';
import { StaffContext, type StaffApi, type StaffTool } from '../../hooks/use-staff';
import type { IndexedFeature } from '../../lib/atlas-data';
import { queryKeys } from '../../lib/api';
import { pick } from '../../lib/i18n';
import { lazyComponent } from '../../lib/lazy-component';
import { CoordinateReadout } from './coordinate-readout';
import { StaffSheet } from './staff-sheet';
import { ToolDock } from './tool-dock';
import '../../styles/staff.css';

// The tools' panels (terra-draw, import, plan-version compare) are chunks of their own, loaded on first use.
const DrawTool = lazyComponent(() => import('../edit/draw-tool').then((m) => m.DrawTool));
const EditSession = lazyComponent(() => import('../edit/edit-session').then((m) => m.EditSession));
const HistoryPanel = lazyComponent(() => import('../history/history-panel').then((m) => m.HistoryPanel));
const ImportPanel = lazyComponent(() => import('../import/import-panel').then((m) => m.ImportPanel));
const ComparePanel = lazyComponent(() => import('../compare-versions/compare-panel').then((m) => m.ComparePanel));
const ExportDialog = lazyComponent(() => import('./export-dialog').then((m) => m.ExportDialog));

/** What the provider needs from the app: the map, the catalogue and index, and the selection. */
export interface StaffProviderProps {
  map: MapLibreMap | null;
  /** True once every atlas layer is on the map (tools add their layers above them). */
  ready: boolean;
  layers: LayerInfo[] | undefined;
  index: Map<string, IndexedFeature>;
  selectedId: string | null;
  onSelect: (featureId: string | null) => void;
  /** Switches a layer on. */
  onShowLayer: (layerId: string) => void;
  /** Told whether a tool owns map clicks now, so the app stops picking features meanwhile. */
  onMapBusy: (busy: boolean) => void;
  children: ReactNode;
}

/** Kinds of tool whose clicks on the map are theirs, not the app's feature picking. */
const CLICK_TOOLS = new Set(['edit', 'draw', 'measure']);

/**
 * Staff tools: sign-in state, editing, history, measuring, coordinates and export. Owns the tool that
 * has the map and the side sheet it works in, and gives the title bar and the feature panel one
 * way to start them through StaffContext.
 */
export function StaffProvider({ map, ready, layers, index, selectedId, onSelect, onShowLayer, onMapBusy, children }: StaffProviderProps) {
  const { lang, t } = useI18n();
  const auth = useAuth();
  const queryClient = useQueryClient();
  const [tool, setTool] = useState<StaffTool>(null);
  const [exportPicking, setExportPicking] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeTimer = useRef(0);

  const notify = useCallback((text: string) => {
    setNotice(text);
    window.clearTimeout(noticeTimer.current);
    noticeTimer.current = window.setTimeout(() => setNotice(null), 6000);
  }, []);
  useEffect(() => () => window.clearTimeout(noticeTimer.current), []);

  // Edit tools need an editor: signing out (or a session that lapsed) closes them.
  useEffect(() => {
    if (!auth.canEdit && (tool?.kind === 'edit' || tool?.kind === 'draw' || tool?.kind === 'import')) setTool(null);
  }, [auth.canEdit, tool]);

  const busy = (tool !== null && CLICK_TOOLS.has(tool.kind)) || (tool?.kind === 'export' && exportPicking);
  useEffect(() => onMapBusy(busy), [busy, onMapBusy]);

  const afterWrite = useCallback(
    async (feature: AtlasFeature, alsoFeatures: Array<string | null | undefined> = []) => {
      const layerId = feature.properties.layer_id;
      // The server's copy goes straight into the layer so the map redraws now; the refetch confirms it.
      queryClient.setQueryData<AtlasFeatureCollection>(queryKeys.layer(layerId), (fc) => {
        if (!fc) return fc;
        const i = fc.features.findIndex((f) => f.id === feature.id);
        const features = i < 0 ? [...fc.features, feature] : fc.features.map((f, j) => (j === i ? feature : f));
        return { ...fc, features };
      });
      const others = [...new Set(alsoFeatures.filter((id): id is string => !!id && id !== feature.id))];
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.layer(layerId), exact: true }),
        // Prefix: the detail and the history of the feature.
        queryClient.invalidateQueries({ queryKey: queryKeys.feature(feature.id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.layers, exact: true }),
        ...others.map((id) => queryClient.invalidateQueries({ queryKey: queryKeys.feature(id) })),
      ]);
    },
    [queryClient],
  );

  const api = useMemo<StaffApi>(
    () => ({ auth, map: ready ? map : null, layers, index, tool, setTool, selectFeature: onSelect, showLayer: onShowLayer, afterWrite, notify }),
    [auth, ready, map, layers, index, tool, onSelect, onShowLayer, afterWrite, notify],
  );

  const featureName = (id: string) => {
    const f = index.get(id)?.feature;
    return f ? pick(lang, f.properties.name_zh, f.properties.name_en) : id;
  };
  const close = () => {
    const back = tool && (tool.kind === 'edit' || tool.kind === 'history' || tool.kind === 'compare') ? (tool.featureId ?? null) : null;
    setTool(null);
    if (back) onSelect(back);
  };

  return (
    <StaffContext.Provider value={api}>
      {children}
      {api.map && (
        <div className="staff-layer">
          <ToolDock notice={notice} selectedId={selectedId} />
          <CoordinateReadout map={api.map} />
          {tool?.kind === 'edit' && (
            <StaffSheet kind="edit" title={t.staff.editTitle(featureName(tool.featureId))} onClose={close}>
              <EditSession key={tool.featureId} featureId={tool.featureId} />
            </StaffSheet>
          )}
          {tool?.kind === 'history' && (
            <StaffSheet kind="history" title={t.staff.historyTitle(featureName(tool.featureId))} onClose={close}>
              <HistoryPanel key={tool.featureId} featureId={tool.featureId} />
            </StaffSheet>
          )}
          {tool?.kind === 'draw' && (
            <StaffSheet kind="draw" title={t.staff.drawTitle} onClose={close}>
              <DrawTool />
            </StaffSheet>
          )}
          {tool?.kind === 'import' && (
            <StaffSheet kind="import" title={t.io.importTitle} onClose={close}>
              <ImportPanel />
            </StaffSheet>
          )}
          {tool?.kind === 'compare' && (
            <StaffSheet kind="compare" title={tool.featureId ? `${t.io.compareTitle} · ${featureName(tool.featureId)}` : t.io.compareTitle} onClose={close}>
              <ComparePanel key={`${tool.featureId ?? ''}@${tool.a ?? ''}-${tool.b ?? ''}`} featureId={tool.featureId} a={tool.a} b={tool.b} />
            </StaffSheet>
          )}
          {tool?.kind === 'export' && (
            <StaffSheet kind="export" title={t.staff.exportTitle} onClose={close}>
              <ExportDialog selectedId={selectedId} onClaimMap={setExportPicking} />
            </StaffSheet>
          )}
        </div>
      )}
    </StaffContext.Provider>
  );
}
