// Generated and updated by scripts/i18n-import.ts; one block per top-level section.
import type { Accuracy, FigureKind, Theme } from '@contract/api';
import type { MatchPart, Qualifier } from '@contract/api';
import type { DiscrepancyKind, SearchHit } from '@contract/api';

/** The UI strings of one language, as the app's code sees them. */
export interface Strings {
  // <htmlLang>
  htmlLang: string;
  // </htmlLang>
  // <inv>
  inv: { tabsLabel: string; tabs: Record<'layers' | 'parks' | 'compare' | 'charts', string>; compareCount: (n: number) => string; explorerHeading: string; filtersLabel: string; filterKeyword: string; keywordPlaceholder: string; keywordHint: string; matchButton: string; filterChain: string; anyChain: string; filterGroup: string; anyGroup: string; onlyAvailable: string; clearFilters: string; parkCount: (n: number) => string; noParks: string; chainsCount: (n: number) => string; openSitesCount: (n: number) => string; parkKinds: Record<string, string>; compareShort: string; compareCheck: (name: string) => string; matchedChains: string; relevance: string; matchedWords: (words: string) => string; pickChain: string; noMatch: (q: string) => string; weights: string; rankedParks: string; rankedSites: string; siteCard: string; score: string; points: (n: string) => string; bestChain: string; scoreParts: Record<MatchPart, string>; scoreDetails: string; scoreFormula: (sum: string, rel: string, total: string) => string; siteStatus: Record<string, string>; profileLabel: string; positioning: string; parent: string; areaNote: string; positioningSources: (n: number) => string; zones: string; noZones: string; industries: string; enterprises: string; noEnterprises: string; otherPlaces: string; targets: string; noTargets: string; noParkBase: string; chainProgress: string; derived: string; derivedNote: string; growthRow: (y0: number, v0: string, y1: number, v1: string, pct: string) => string; statedGrowth: (pct: string) => string; sites: string; noSites: string; statedArea: string; areaUnknown: string; landUse: string; siteFilter: { legend: string; status: string; minArea: string; unit: string; units: { ha: string; km2: string }; hint: string; heading: string; count: (n: number) => string; none: string; unknownHeading: (n: number) => string; unknownReason: string; computedOn: (name: string) => string; stated: (v: string) => string; entered: string; floorArea: (v: string) => string; hidden: (n: number) => string; showAll: string; loading: string }; asOf: (y: number) => string; asOfUnknown: string; asOfBasis: Record<string, string>; verbatim: string; sameQuote: string; qualifiers: Record<Qualifier, string>; units: Record<string, string>; pdf: string; addCompare: string; inCompare: string; compareHeading: string; comparePick: string; compareNeedTwo: string; compareMax: string; removeCompare: (name: string) => string; chainsShort: string; availableLand: string; notStated: string; metricCharts: string; metricArea: string; metricChains: string; metricEnterprises: string; metricSites: string; chartsHeading: string; perChain: string; perGroup: string; series: string[]; unitNote: string; groupSumNote: string; showTable: string; findParks: string; copyLink: string; copied: string; copyManual: string };
  // </inv>
  // <titleMain>
  titleMain: string;
  // </titleMain>
  // <titleSub>
  titleSub: string;
  // </titleSub>
  // <language>
  language: string;
  // </language>
  // <langZh>
  langZh: string;
  // </langZh>
  // <langEn>
  langEn: string;
  // </langEn>
  // <mapLabel>
  mapLabel: string;
  // </mapLabel>
  // <layers>
  layers: string;
  // </layers>
  // <skipToPanel>
  skipToPanel: string;
  // </skipToPanel>
  // <showLayers>
  showLayers: string;
  // </showLayers>
  // <hideLayers>
  hideLayers: string;
  // </hideLayers>
  // <loading>
  loading: string;
  // </loading>
  // <loadFailed>
  loadFailed: string;
  // </loadFailed>
  // <retry>
  retry: string;
  // </retry>
  // <opacity>
  opacity: string;
  // </opacity>
  // <listFeatures>
  listFeatures: string;
  // </listFeatures>
  // <hideFeatures>
  hideFeatures: string;
  // </hideFeatures>
  // <featureCount>
  featureCount: (n: number) => string;
  // </featureCount>
  // <noFeatures>
  noFeatures: string;
  // </noFeatures>
  // <themes>
  themes: Record<Theme, string>;
  // </themes>
  // <accuracyHeading>
  accuracyHeading: string;
  // </accuracyHeading>
  // <accuracy>
  accuracy: Record<Accuracy, string>;
  // </accuracy>
  // <accuracyExplain>
  accuracyExplain: Record<Accuracy, string>;
  // </accuracyExplain>
  // <accuracyLegend>
  accuracyLegend: Record<Accuracy, string>;
  // </accuracyLegend>
  // <onlineBasemaps>
  onlineBasemaps: string;
  // </onlineBasemaps>
  // <onlineWarning>
  onlineWarning: string;
  // </onlineWarning>
  // <tianditu>
  tianditu: string;
  // </tianditu>
  // <tiandituKey>
  tiandituKey: string;
  // </tiandituKey>
  // <tiandituKeyMissing>
  tiandituKeyMissing: string;
  // </tiandituKeyMissing>
  // <osm>
  osm: string;
  // </osm>
  // <close>
  close: string;
  // </close>
  // <featurePanel>
  featurePanel: string;
  // </featurePanel>
  // <layer>
  layer: string;
  // </layer>
  // <area>
  area: string;
  // </area>
  // <length>
  length: string;
  // </length>
  // <method>
  method: string;
  // </method>
  // <status>
  status: string;
  // </status>
  // <featureKinds>
  /** Values of a feature's `kind` (nodes, subdistricts, lakes); an unlisted kind shows as it is. */
  featureKinds: Record<string, string>;
  // </featureKinds>
  // <vintage>
  vintage: string;
  // </vintage>
  // <kind>
  kind: string;
  // </kind>
  // <note>
  note: string;
  // </note>
  // <aliases>
  aliases: string;
  // </aliases>
  // <chains>
  chains: string;
  // </chains>
  // <role>
  role: string;
  // </role>
  // <chainRoles>
  chainRoles: Record<string, string>;
  // </chainRoles>
  // <targets>
  targets: string;
  // </targets>
  // <children>
  children: string;
  // </children>
  // <sources>
  sources: string;
  // </sources>
  // <noSources>
  noSources: string;
  // </noSources>
  // <figureKind>
  figureKind: Record<FigureKind, string>;
  // </figureKind>
  // <year>
  year: (y: number) => string;
  // </year>
  // <quoteFrom>
  quoteFrom: string;
  // </quoteFrom>
  // <zoomTo>
  zoomTo: string;
  // </zoomTo>
  // <errorLayers>
  errorLayers: string;
  // </errorLayers>
  // <escHint>
  escHint: string;
  // </escHint>
  // <search>
  search: string;
  // </search>
  // <searchPlaceholder>
  searchPlaceholder: string;
  // </searchPlaceholder>
  // <searchHint>
  searchHint: string;
  // </searchHint>
  // <searching>
  searching: string;
  // </searching>
  // <searchNoResults>
  searchNoResults: string;
  // </searchNoResults>
  // <searchResultCount>
  searchResultCount: (n: number) => string;
  // </searchResultCount>
  // <searchKinds>
  searchKinds: Record<SearchHit['kind'], string>;
  // </searchKinds>
  // <layerShown>
  layerShown: (name: string) => string;
  // </layerShown>
  // <quoteOriginal>
  quoteOriginal: string;
  // </quoteOriginal>
  // <openInDocument>
  openInDocument: string;
  // </openInDocument>
  // <documentsIntro>
  documentsIntro: string;
  // </documentsIntro>
  // <docLevels>
  docLevels: Record<string, string>;
  // </docLevels>
  // <docLevel>
  docLevel: string;
  // </docLevel>
  // <docPeriod>
  docPeriod: string;
  // </docPeriod>
  // <docAsOf>
  docAsOf: string;
  // </docAsOf>
  // <docLength>
  docLength: (n: number) => string;
  // </docLength>
  // <docCitations>
  docCitations: (n: number) => string;
  // </docCitations>
  // <citationsInDoc>
  citationsInDoc: string;
  // </citationsInDoc>
  // <citationOf>
  citationOf: (i: number, n: number) => string;
  // </citationOf>
  // <prevCitation>
  prevCitation: string;
  // </prevCitation>
  // <nextCitation>
  nextCitation: string;
  // </nextCitation>
  // <quoteNotFound>
  quoteNotFound: string;
  // </quoteNotFound>
  // <documentText>
  documentText: string;
  // </documentText>
  // <openSourceUrl>
  openSourceUrl: string;
  // </openSourceUrl>
  // <quoteMatchNote>
  quoteMatchNote: string;
  // </quoteMatchNote>
  // <checks>
  checks: string;
  // </checks>
  // <checksIntro>
  checksIntro: string;
  // </checksIntro>
  // <checkKinds>
  checkKinds: Record<DiscrepancyKind, string>;
  // </checkKinds>
  // <checksCount>
  checksCount: (n: number) => string;
  // </checksCount>
  // <computed>
  computed: string;
  // </computed>
  // <claims>
  claims: string;
  // </claims>
  // <subjects>
  subjects: string;
  // </subjects>
  // <chainCard>
  chainCard: string;
  // </chainCard>
  // <chainFocus>
  chainFocus: string;
  // </chainFocus>
  // <chainFigures>
  chainFigures: string;
  // </chainFigures>
  // <openChain>
  openChain: string;
  // </openChain>
  // <noFigures>
  noFigures: string;
  // </noFigures>
  // <derivedGrowth>
  derivedGrowth: string;
  // </derivedGrowth>
  // <growthLine>
  growthLine: (from: number, to: number, pct: string) => string;
  // </growthLine>
  // <growthExplain>
  growthExplain: string;
  // </growthExplain>
  // <growthDisagrees>
  growthDisagrees: (stated: string, implied: string) => string;
  // </growthDisagrees>
  // <growthBasis>
  growthBasis: string;
  // </growthBasis>
  // <derivedTag>
  derivedTag: string;
  // </derivedTag>
  // <claimSummaryNote>
  claimSummaryNote: string;
  // </claimSummaryNote>
  // <io>
  io: { importButton: string; importTitle: string; importHint: string; file: string; targetLayer: string; declaredCrs: string; crsFromFile: string; encoding: string; encodingAuto: string; upload: string; uploading: string; crsHeading: string; crsIs: (code: string, from: string) => string; needsCrs: string; changeCrs: string; crsBusy: string; previewLegend: Record<string, string>; zoomToPreview: string; noGeometryOnMap: string; summaryHeading: string; statuses: Record<string, string>; reasonNames: Record<string, string>; invalidHeading: string; makeValid: (n: number) => string; repaired: string; items: string; area: string; areaChange: string; willBe: string; accuracy: string; accuracyNames: Record<string, string>; commit: (n: number) => string; nothingToCommit: string; committing: string; committed: (ins: number, upd: number, same: number, rej: number) => string; stale: string; discard: string; another: string; compareButton: string; compareTitle: string; compareVersions: string; versionsOf: (name: string) => string; twoLayers: string; layerA: string; layerB: string; versionA: string; versionB: string; current: string; modeOverlay: string; modeSwipe: string; swipeHint: string; overlayHint: string; divider: string; areaA: string; areaB: string; unchanged: string; added: string; removed: string; areaMethod: string; notArea: string; deleteButton: string; deleteConfirm: (name: string, v: number) => string; confirmDelete: string; deleting: string; deleted: (name: string) => string; deleteConflict: string };
  // </io>
  // <staff>
  staff: { account: string; signIn: string; signOut: string; signInTitle: string; username: string; password: string; signingIn: string; signInFailed: string; signedInAs: string; roles: Record<string, string>; sessionExpired: string; tools: string; measureLine: string; measureArea: string; measureLineHint: string; measureAreaHint: string; distance: string; areaLabel: string; perimeter: string; geodesicNote: string; clear: string; closeTool: string; coordinates: string; coordinateSystem: string; pointerOffMap: string; crsNames: Record<string, string>; crsTips: Record<string, string>; exportButton: string; exportTitle: string; exportScope: string; scopeLayer: string; scopeSelection: string; scopeBbox: string; layerFilter: string; allLayers: string; format: string; crs: string; download: string; pickFeatures: string; pickBbox: string; stopPicking: string; picking: string; bboxHint: string; selectedCount: (n: number) => string; removeFromSelection: string; nothingSelected: string; kmlNote: string; formats: Record<string, string>; edit: string; editTitle: (name: string) => string; editHint: string; editPointHint: string; resetGeometry: string; geometryEdited: string; geometryUnchanged: string; selfIntersects: string; newFeature: string; save: string; saving: string; cancel: string; nameZh: string; nameEn: string; accuracyLabel: string; statusLabel: string; parentLabel: string; noParent: string; idLabel: string; idRule: string; layerLabel: string; siteStatus: Record<string, string>; saved: (v: number) => string; nothingChanged: string; invalidGeometry: (reason: string) => string; conflictTitle: string; conflictExplain: (mine: number, current: number) => string; yours: string; currentVersion: string; field: string; geometryField: string; changedByYou: string; reapply: string; discardMine: string; drawTitle: string; chooseLayer: string; drawHints: Record<string, string>; redraw: string; create: string; created: (id: string) => string; history: string; historyTitle: (name: string) => string; version: (v: number) => string; currentTag: string; ops: Record<string, string>; fieldNames: Record<string, string>; changed: string; unknownUser: string; areaChange: string; compare: string; compareHint: string; diffOld: (v: number) => string; diffNew: (v: number) => string; zoomToDiff: string; revert: string; reverted: (to: number, v: number) => string; revertConflict: string; editorsOnly: string };
  // </staff>
  // <fmt>
  fmt: { yi: (v: number, bn: number) => string; yiLong: (v: number, bn: number) => string; usdYi: (v: number, bn: number) => string; wan: (v: number, k: number) => string; km2: (v: number) => string; ha: (v: number) => string; mu: (v: number, ha: number) => string; count: (v: number, unit: string) => string; perYear: (value: string) => string; fraction: (v: number) => string; range: (lo: string, hi: string) => string; qualified: (q: string, value: string) => string };
  // </fmt>
  // <chainGraph>
  chainGraph: { open: string; openLong: string; kicker: string; graphLabel: string; stageUpstream: string; stageMidstream: string; stageDownstream: string; segmentCount: (n: number) => string; gapCount: (n: number) => string; enterpriseCount: (n: number) => string; parkCount: (n: number) => string; legend: string; legendLocal: string; legendGap: string; legendSub: string; legendFlow: string; gapTag: string; gapNote: string; partOf: string; pickHint: string; enterprises: string; noEnterprises: string; cityScope: string; former: string; parks: string; noParks: string; showOnMap: string; parkSource: string; noSegments: string; matchedSegments: string; matchedBy: string; noFit: (n: number) => string; noFitPlain: string; nearest: string; similarity: string; closestTerm: string; loadFailed: string };
  // </chainGraph>
  // <sites>
  sites: { tab: string; heading: string; filtersLabel: string; kind: string; anyKind: string; kinds: Record<string, string>; status: string; statuses: Record<string, string>; park: string; anyPark: string; chain: string; anyChain: string; minArea: string; maxArea: string; unit: string; units: Record<string, string>; floorHint: string; count: (n: number) => string; loading: string; unknown: string; demo: string; demoNote: string; back: string; showOnMap: string; area: string; floorArea: string; floors: string; floorLoad: string; clearHeight: string; statusAsOf: string; landUse: string; plotRatio: string; heightMax: string; greenRatio: string; price: string; utilities: string; power: string; water: string; gas: string; steam: string; wastewater: string; g5: string; yes: string; no: string; restrictions: string; chains: string; contact: string; notes: string; photos: string; noPhotos: string; source: string; sourceStaff: (by: string, at: string) => string; accuracy: string; nearby: string; nearbyKinds: Record<'port' | 'station' | 'expressway', string>; nearbyDistance: (km: string) => string; nearbyApproxDistance: (km: string) => string; nearbyLine: string; nearbyApprox: string; nearbyLoading: string; nearbyNone: string; importer: { heading: string; hint: string; file: string; crs: string; crsAuto: string; encoding: string; encodingAuto: string; upload: string; uploading: string; format: string; crsFrom: string; needsCrs: string; chooseCrs: string; row: string; key: string; name: string; action: string; area: string; errors: string; create: string; update: string; errorRows: string; commit: string; done: string; created: string; updated: string; unchanged: string; again: string; warnings: string } };
  // </sites>
  // <documents2>
  documents2: { uploadHeading: string; uploadHint: string; signInToUpload: string; file: string; titleZh: string; date: string; status: string; statuses: Record<string, string>; supersededBy: string; chooseDocument: string; upload: string; uploading: string; uploaded: (n: number) => string; suggestionsFound: (n: number) => string; errDuplicate: string; openExisting: string; errNoTextLayer: string; errEncrypted: string; errUnreadable: string; errTooLarge: string; errFormat: string; errAuth: string; noFile: string; paragraphs: (n: number) => string; translated: (n: number) => string; pages: (n: number) => string; openSuggestions: (n: number) => string; review: string; format: string; issuedOn: string; searchLabel: string; searchPlaceholder: string; searchHits: (n: number) => string; noHits: string; page: (n: number) => string; paragraph: (n: number) => string; showEnglish: string; englishHeading: string; activeQuote: string; translationTag: string; noEnglish: string; noTranslations: string; highlightLegend: string; linkHere: string; place: (n: number) => string; suggestionsTitle: string; suggestionsIntro: string; noSuggestions: string; patterns: Record<string, string>; suggestionStatus: Record<string, string>; accept: string; reject: string; rejectReason: string; confirmReject: string; cancel: string; acceptedFigure: string; structure: string; unmatchedSubject: string; showInDocument: string; subject: string; metric: string; year: string; kind: string; value: string; unit: string; quote: string; figureFormTitle: string; figureFormHint: string; subjectTypes: Record<string, string>; subjectId: string; metricId: string; metricZh: string; kinds: Record<string, string>; saveFigure: string; figureSaved: string; refusedBecause: string; reasons: Record<string, string>; seriesHeading: string; seriesIntro: string; seriesChain: string; actual: string; target: string; supersededTag: string; progress: (pct: number) => string; requiredGrowth: (pct: number) => string; observedGrowth: (pct: number) => string; derived: string; figuresAndSources: string; noSeries: string; resolved: string; open: string; markResolved: string; reopen: string; resolutionReason: string; reopenReason: string; reasonRequired: string; confirm: string; history: string; historyActions: Record<string, string>; staleResolution: string; showResolved: string; computedTag: string; curatedTag: string };
  // </documents2>
  // <briefing>
  briefing: { open: string; title: string; close: string; views: string; noViews: string; viewTitle: string; viewNote: string; highlightSelected: string; capture: string; captured: (t: string) => string; rename: string; save: string; cancel: string; remove: string; moveUp: string; moveDown: string; show: string; addStep: string; briefings: string; noBriefings: string; newBriefing: string; briefingTitle: string; subtitle: string; steps: string; noSteps: string; caption: string; saveBriefing: string; saved: string; duplicate: string; deleteBriefing: string; present: string; link: string; pdf: string; html: string; htmlSize: (mb: string) => string; exports: string; png: (n: number) => string; print: string; paper: string; portrait: string; landscape: string; editorsOnly: string; error: (m: string) => string; missingView: string; step: (n: number) => string; presentRegion: string; presentPrev: string; presentNext: string; presentFullscreen: string; presentExit: string };
  // </briefing>
  // <mapControls>
  mapControls: { zoomIn: string; zoomOut: string; resetBearing: string; attribution: string };
  // </mapControls>
}
