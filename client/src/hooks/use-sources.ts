import { createContext, useContext } from 'react';

/** Where to open a document: at a citation (by id), at a bare quote, or at the top. */
export interface DocumentTarget {
  documentId: string;
  citationId?: string;
  /** Used when the citation id is unknown to the document (or absent). */
  quote?: string;
}

/** What the title bar, citations and the checks panel can ask the app to show. */
export interface SourcesApi {
  /** Opens the document viewer (focus returns to the opener when it closes). */
  openDocument: (target: DocumentTarget) => void;
  /** Opens the list of source documents. */
  openDocuments: () => void;
  /** Opens or closes the data-checks panel. */
  toggleChecks: () => void;
  checksOpen: boolean;
  /** Opens the card of an industry chain with its figures. */
  openChain: (chainId: string) => void;
  /** Opens the chain graph (segments, enterprises, parks, gaps), optionally at a segment. */
  openChainGraph: (chainId: string, segment?: string | null) => void;
  /** Opens the document viewer at a figure's citation (once the figure list has loaded). */
  openFigure: (figureId: string) => void;
  /** Selects a feature, shows its layer and moves the camera to it. */
  selectFeature: (featureId: string) => void;
  /** Switches a layer on. */
  showLayer: (layerId: string) => void;
}

/** React context for SourcesApi; null outside the provider, so citations rendered elsewhere stay plain. */
export const SourcesContext = createContext<SourcesApi | null>(null);

/** The sources API, or null when no provider is mounted (then no "open in document" action is offered). */
export function useSources(): SourcesApi | null {
  return useContext(SourcesContext);
}
