import { createContext, useContext } from 'react';

/** Where to open a document: at a citation (by id), at a bare quote, or at the top. */
export interface DocumentTarget {
  documentId: string;
  citationId?: string;
  /** Used when the citation id is unknown to the document (or absent). */
  quote?: string;
  /** A paragraph (seq) to open at when there is no quote. */
  paragraph?: number;
}

/** The URL hash of a place in the viewer (`#doc=002&cite=<id>` or `#doc=002&p=12`): a citation's link. */
export function documentHash(target: DocumentTarget): string {
  const p = new URLSearchParams({ doc: target.documentId });
  if (target.citationId) p.set('cite', target.citationId);
  else if (target.paragraph !== undefined) p.set('p', String(target.paragraph));
  return `#${p.toString().replace(/%3A/gi, ':')}`;
}

/** Reads a viewer place from a URL hash; null when it names no document. */
export function parseDocumentHash(hash: string): DocumentTarget | null {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const documentId = p.get('doc');
  if (!documentId || !/^(\d{3,6}|ext:[a-z0-9-]{1,60})$/.test(documentId)) return null;
  const cite = p.get('cite');
  const para = Number(p.get('p'));
  return {
    documentId,
    ...(cite && /^[a-z0-9-]{1,64}$/i.test(cite) ? { citationId: cite } : {}),
    ...(Number.isInteger(para) && para >= 0 && p.has('p') ? { paragraph: para } : {}),
  };
}

/** What the title bar, citations and the checks panel can ask the app to show. */
export interface SourcesApi {
  /** Opens the document viewer (focus returns to the opener when it closes). */
  openDocument: (target: DocumentTarget) => void;
  /** Opens the list of source documents. */
  openDocuments: () => void;
  /** Opens the extractor's suggestions (and the figure form) of a document. */
  openSuggestions: (documentId: string) => void;
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
