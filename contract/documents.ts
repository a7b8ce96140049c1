/**
 * API types of living documents and figures (issue 15): the document library, paragraphs with stored
 * English renderings, citation places, the extractor's suggestions, figures with versions and series,
 * named structures, and computed discrepancies with their resolutions. Types only.
 */
import type { Citation, Discrepancy, DocumentDetail, DocumentInfo, Figure, FigureKind, Qualifier } from './api.js';

export type DocumentFormat = 'txt' | 'md' | 'pdf' | 'docx';
/** draft = 征求意见稿, final = 正式稿, superseded = replaced by `superseded_by`. */
export type DocumentStatus = 'draft' | 'final' | 'superseded';

/** Fields every document of GET /api/documents and GET /api/documents/:id carries besides DocumentInfo's. */
export interface DocumentMetaFields {
  /** null for a cited public source without stored text. */
  format: DocumentFormat | null;
  status: DocumentStatus;
  superseded_by: string | null;
  issuer: string | null;
  /** Issue date, YYYY-MM-DD, or null when not known. */
  date: string | null;
  language: string;
  /** PDF pages, else null. */
  pages: number | null;
  /** 'seed' for the five plan documents and the cited sources. */
  uploaded_by: string | null;
  uploaded_at: string;
}

/** One entry of GET /api/documents. `title_en` is '' when no English title was given. */
export interface DocumentInfoV2 extends DocumentInfo, DocumentMetaFields {
  paragraphs: number;
  translated_paragraphs: number;
  open_suggestions: number;
}

/** One paragraph: the Chinese stays the evidence; `en` is a stored translation (null when there is none, never invented). */
export interface DocumentParagraph {
  seq: number;
  /** The page it starts on (PDF), else null. */
  page: number | null;
  text: string;
  en: string | null;
  en_is_translation: true;
}

/** A citation of the document with its English rendering and its place (the paragraphs it spans). */
export interface DocumentCitation {
  id: string;
  quote: string;
  quote_en: string | null;
  /** First and last paragraph seq the quote spans (whitespace-insensitive); null if it is no longer found. */
  first_seq: number | null;
  last_seq: number | null;
}

/** GET /api/documents/:id. `text` (the whole text) stays for the current viewer. */
export interface DocumentDetailV2 extends Omit<DocumentDetail, 'citations'>, DocumentMetaFields {
  paragraphs: DocumentParagraph[];
  citations: DocumentCitation[];
}

/** 201 of POST /api/documents (multipart `file`; fields title_zh, title_en, issuer, date, status, superseded_by, language, level, period, as_of_year, url). */
export interface DocumentUploaded {
  id: string;
  title_zh: string;
  format: DocumentFormat;
  /** How many paragraphs. */
  paragraphs: number;
  pages: number | null;
  chars: number;
  /** How many suggestions the extractor made. */
  suggestions: number;
}

/**
 * Refusals of POST /api/documents (problem+json): 409 `existing_id` (same text as that document), 413
 * (over 50 MB; a DOCX inflating past 200 MB: `limit`), 415 (unknown format), 422 with `reason`
 * 'encrypted' | 'no text layer' | 'unreadable', or a damaged DOCX. Nothing is stored.
 */
export interface DocumentProblem {
  status: number;
  detail: string;
  existing_id?: string;
  reason?: string;
  limit?: string;
}

export interface FigureProposal {
  subject_type: string | null;
  subject_id: string | null;
  metric: string | null;
  metric_zh: string;
  kind: FigureKind;
  year: number | null;
  value: number;
  value_max: number | null;
  value_text: string;
  qualifier: Qualifier;
  unit: string;
}

export interface StructureProposal {
  subject_type: string | null;
  subject_id: string | null;
  system: string;
  name: string;
}

/** One entry of GET /api/documents/:id/suggestions. */
export interface Suggestion {
  /** '<document id>-<n>'. */
  id: string;
  document_id: string;
  seq: number;
  type: 'figure' | 'structure';
  pattern: 'year-table' | 'by-year' | 'area' | 'n-plus-m' | 'named-structure';
  proposal: FigureProposal & StructureProposal;
  /** A verbatim (whitespace-insensitive) slice of paragraph `paragraph_seq`. */
  quote: string;
  paragraph_seq: number;
  status: 'open' | 'accepted' | 'rejected';
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
  figure_id: string | null;
  structure_id: string | null;
}

/**
 * POST /api/documents/:id/suggestions/:sid/accept with any FigureInput (or StructureInput) fields to
 * change (not quote/document_id) → 201 {suggestion, figure} (or {suggestion, structure_id}); 422 as
 * POST /api/figures; 409 when already decided. …/reject {reason?} → 200 Suggestion.
 */
export interface SuggestionAccepted {
  suggestion: Suggestion;
  figure?: FigureV2;
  structure_id?: string;
}

/** Subject types the figures API takes; park and zone (and mapped sites) are stored as 'feature'. */
export type FigureSubjectType = 'chain' | 'park' | 'zone' | 'district' | 'site' | 'feature' | 'city' | 'chain_group' | 'cluster';

/** Body of POST /api/figures (PATCH /api/figures/:id: any subset, with If-Match: "<version>"). */
export interface FigureInput {
  subject_type: FigureSubjectType;
  subject_id: string;
  /** lower-case-hyphenated, e.g. revenue. */
  metric: string;
  year: number | null;
  kind: FigureKind;
  value: number;
  unit: string;
  document_id: string;
  quote: string;
  value_max?: number | null;
  /** As written; default: the number found in the quote. */
  value_text?: string;
  qualifier?: Qualifier;
  metric_zh?: string;
  metric_en?: string;
  segment?: string | null;
  base_year?: number | null;
  /** An English rendering of the quote (a translation). */
  quote_en?: string | null;
  note?: string | null;
}

/**
 * 422 of POST/PATCH /api/figures: `reason` is 'quote_not_in_document', 'value_not_in_quote',
 * 'unknown_subject' or 'unknown_document'. 412 of PATCH carries `current_version`.
 */
export interface FigureProblem {
  status: 422 | 412;
  detail: string;
  reason?: string;
  current_version?: number;
}

/** A figure as every endpoint now serves it (GET /api/targets, /api/chains, /api/figures …). */
export interface FigureV2 extends Omit<Figure, 'subject_type' | 'citation'> {
  subject_type: Figure['subject_type'] | 'site';
  base_year: number | null;
  details: Record<string, unknown>;
  citation: CitationV2;
  /** The newer document's figure for the same subject, metric, segment, year and kind that replaces this one in charts, or null. */
  superseded_by: string | null;
  origin: 'seed' | 'staff';
  version: number;
  updated_by: string;
  updated_at: string;
}

/** A citation with its English rendering and place, as atlas_citation now builds it everywhere. */
export interface CitationV2 extends Citation {
  quote_en: string | null;
  first_seq: number | null;
  last_seq: number | null;
}

export interface SeriesPoint {
  year: number;
  value: number;
  qualifier: Qualifier;
  figure_id: string;
  document_id: string;
}

/** Derived (never quoted): from the latest actual before a target toward it. */
export interface TargetProgress {
  derived: true;
  from_year: number;
  from_value: number;
  from_figure_id: string;
  share_of_target: number;
  /** Fraction per year still needed. */
  required_annual_growth: number | null;
  /** Fraction per year between the first and the latest actual (needs two actuals). */
  observed_annual_growth: number | null;
  on_track: boolean | null;
}

/** Current actuals (2024 → 2025 → …) and targets of one subject, metric, segment and unit. */
export interface FigureSeries {
  subject_type: string;
  subject_id: string;
  metric: string;
  segment: string | null;
  unit: string;
  metric_zh: string;
  metric_en: string;
  actuals: SeriesPoint[];
  targets: Array<SeriesPoint & { progress: TargetProgress | null }>;
}

/** GET /api/figures?subject_type=&subject_id=&metric=: every figure (superseded ones marked) and the series. */
export interface FigureList {
  subject_type: string | null;
  subject_id: string | null;
  figures: FigureV2[];
  series: FigureSeries[];
}

/** GET /api/structures?subject_type=&subject_id= (POST /api/structures: {subject_type, subject_id, system, name, document_id, quote, note?}). */
export interface Structure {
  id: string;
  subject_type: string;
  subject_id: string;
  /** 'industry-system' | 'spatial-layout' | 'spatial-structure' | 'health-layout' | 'network' … */
  system: string;
  name: string;
  note: string | null;
  origin: 'seed' | 'staff';
  citation: CitationV2;
}

export interface ResolutionEntry {
  discrepancy_id: string;
  action: 'resolve' | 'reopen';
  reason: string;
  fingerprint: string;
  by: string;
  at: string;
  /** Made on the data the discrepancy shows now (false: the figures changed since). */
  current: boolean;
}

/**
 * One entry of GET /api/discrepancies: computed from the data (or one of the few curated ones), with its
 * resolution state. POST /api/discrepancies/:id/resolve {reason} and /reopen {reason?} (editor) → the entry.
 */
export interface DiscrepancyEntry extends Omit<Discrepancy, 'kind'> {
  kind: Discrepancy['kind'];
  origin: 'computed' | 'curated';
  rule: 'same-figure' | 'relation' | 'structure' | 'area' | 'growth' | 'curated';
  /** Curated only: why it is not computed. */
  note: string | null;
  /** Over the claims' citations and values: a resolution holds while it is unchanged. */
  fingerprint: string;
  status: 'open' | 'resolved';
  resolution: { reason: string; by: string; at: string } | null;
  history: ResolutionEntry[];
}
