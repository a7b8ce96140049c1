import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { IndexedFeature } from '../../lib/atlas-data';
import { useI18n } from '../../hooks/use-i18n';
import { SourcesContext, parseDocumentHash, type DocumentTarget, type SourcesApi } from '../../hooks/use-sources';
import { useSubjectIndex } from '../../hooks/use-subject-index';
import { figureValue, metricBeforeValue } from '../../lib/figure-format';
import { pick } from '../../lib/i18n';
import { lazyComponent } from '../../lib/lazy-component';
import type { ResolvedSubject } from '../checks/checks-panel';
import type { ChainGraphView } from '../../lib/url-state';
import '../../styles/sources.css';
import '../../styles/documents.css';
import { isPhone } from '../../lib/viewport';

// Opened from a click: chunks of their own, loaded on first use.
const ChainCard = lazyComponent(() => import('../chains/chain-card').then((m) => m.ChainCard));
const ChainGraphDialog = lazyComponent(() => import('../chains/chain-graph').then((m) => m.ChainGraphDialog));
const ChecksPanel = lazyComponent(() => import('../checks/checks-panel').then((m) => m.ChecksPanel));
const DocumentList = lazyComponent(() => import('./document-list').then((m) => m.DocumentList));
const DocumentViewer = lazyComponent(() => import('./document-viewer').then((m) => m.DocumentViewer));
const SuggestionsDialog = lazyComponent(() => import('./suggestions-dialog').then((m) => m.SuggestionsDialog));


/** Props of the provider: what it needs from the app to act on the map. */
export interface SourcesProviderProps {
  /** The map's features by id (names for discrepancy subjects). */
  index: Map<string, IndexedFeature>;
  /** Selects a feature as picking it from a list does (shows its layer, flies to it). */
  onSelectFeature: (featureId: string) => void;
  /** Switches a layer on. */
  onShowLayer: (layerId: string) => void;
  /** The open chain graph (kept by the app, as the URL records it), and its setter. */
  graph: ChainGraphView | null;
  onGraph: (graph: ChainGraphView | null) => void;
  children: ReactNode;
}

/**
 * Owns the document viewer, the source list, the data-checks panel and the chain card, and gives
 * every component (citations, search, checks) one way to open them through SourcesContext.
 */
export function SourcesProvider({ index, onSelectFeature, onShowLayer, graph, onGraph, children }: SourcesProviderProps) {
  const { lang } = useI18n();
  const [viewer, setViewer] = useState<{ key: number; target: DocumentTarget } | null>(null);
  const [docsOpen, setDocsOpen] = useState(false);
  const [suggestionsFor, setSuggestionsFor] = useState<string | null>(null);
  const [checksOpen, setChecksOpen] = useState(false);
  const [chainId, setChainId] = useState<string | null>(null);
  const [pendingFigure, setPendingFigure] = useState<string | null>(null);
  const checksOpener = useRef<HTMLElement | null>(null);
  const viewerSeq = useRef(0);
  const subjects = useSubjectIndex(checksOpen || pendingFigure !== null);

  const openDocument = useCallback((target: DocumentTarget) => {
    viewerSeq.current += 1;
    setViewer({ key: viewerSeq.current, target });
  }, []);

  // A citation's link (#doc=…&cite=…) opens the viewer at its place, on load and when followed.
  useEffect(() => {
    const follow = () => {
      const target = parseDocumentHash(window.location.hash);
      if (target) openDocument(target);
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [openDocument]);

  // A figure id only says which sentence once the figure list is here.
  useEffect(() => {
    if (pendingFigure === null || !subjects.loaded) return;
    const figure = subjects.figures.get(pendingFigure);
    setPendingFigure(null);
    if (figure) openDocument({ documentId: figure.citation.document_id, citationId: figure.citation.id, quote: figure.citation.quote });
  }, [pendingFigure, subjects, openDocument]);

  const closeChecks = useCallback(() => {
    setChecksOpen(false);
    const back = checksOpener.current;
    checksOpener.current = null;
    if (back?.isConnected) back.focus({ preventScroll: true });
  }, []);

  const api = useMemo<SourcesApi>(
    () => ({
      openDocument,
      openDocuments: () => setDocsOpen(true),
      openSuggestions: (id) => setSuggestionsFor(id),
      toggleChecks: () => {
        if (checksOpen) {
          closeChecks();
          return;
        }
        const active = document.activeElement;
        checksOpener.current = active instanceof HTMLElement && active !== document.body ? active : null;
        setChecksOpen(true);
      },
      checksOpen,
      openChain: (id) => setChainId(id),
      openChainGraph: (chain, segment = null) => {
        // The graph takes the chain card's place rather than stacking over it.
        setChainId(null);
        onGraph({ chain, segment });
      },
      openFigure: (id) => setPendingFigure(id),
      selectFeature: (id) => {
        // On a phone the sheet covers the map the feature is about to be shown on.
        if (isPhone()) setChecksOpen(false);
        onSelectFeature(id);
      },
      showLayer: onShowLayer,
    }),
    [openDocument, checksOpen, closeChecks, onSelectFeature, onShowLayer, onGraph],
  );

  const resolve = useCallback(
    (id: string): ResolvedSubject => {
      const figure = subjects.figures.get(id);
      if (figure) {
        const metric = metricBeforeValue(lang, figure);
        // value_text is verbatim and may carry the unit already (“8%左右”, “20家”).
        const year = figure.year !== null && !metric.includes(String(figure.year)) ? (lang === 'zh' ? `（${figure.year}年）` : ` (${figure.year})`) : '';
        // zh: as the document writes it; en: read out (亿元 as “CNY … bn”), the quote being the evidence.
        return { kind: 'figure', label: `${metric}${year}${lang === 'zh' ? '：' : ': '}${figureValue(lang, figure)}` };
      }
      const chain = subjects.chains.get(id);
      if (chain) return { kind: 'chain', label: pick(lang, chain.name_zh, chain.name_en) };
      const feature = index.get(id);
      if (feature) return { kind: 'feature', label: pick(lang, feature.feature.properties.name_zh, feature.feature.properties.name_en) };
      // A chain group (e.g. 大健康) has no card of its own: name it, do not link it.
      const group = [...subjects.chains.values()].find((c) => c.group_id === id);
      if (group) return { kind: 'unknown', label: pick(lang, group.group_zh, group.group_en) };
      return { kind: 'unknown', label: id };
    },
    [subjects, index, lang],
  );

  return (
    <SourcesContext.Provider value={api}>
      {children}
      {checksOpen && <ChecksPanel onClose={closeChecks} resolve={resolve} />}
      {chainId && <ChainCard key={chainId} chainId={chainId} onClose={() => setChainId(null)} />}
      {graph && (
        <ChainGraphDialog
          key={graph.chain}
          chainId={graph.chain}
          segment={graph.segment}
          onSegment={(segment) => onGraph({ chain: graph.chain, segment })}
          onClose={() => onGraph(null)}
          onShowPark={(parkId) => {
            // The dialog covers the map: close it, then select the park (flies there, opens its profile).
            onGraph(null);
            onSelectFeature(parkId);
          }}
        />
      )}
      {docsOpen && <DocumentList onClose={() => setDocsOpen(false)} />}
      {suggestionsFor && <SuggestionsDialog key={suggestionsFor} documentId={suggestionsFor} onClose={() => setSuggestionsFor(null)} />}
      {viewer && <DocumentViewer key={viewer.key} target={viewer.target} onClose={() => setViewer(null)} />}
    </SourcesContext.Provider>
  );
}
