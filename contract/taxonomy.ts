// API types of the chain taxonomy (GET /api/taxonomy), the chain graph (GET /api/chains/:id/graph) and the
// industry-aware parts of GET /api/match (segments, no_fit, nearest, need). Shared by server and client.
import type { Citation } from './api.js';

/** Where a segment sits in its chain: 上游 / 中游 / 下游. */
export type Stage = 'upstream' | 'midstream' | 'downstream';

/** The zh label of each stage, in chain order. */
export const STAGE_ZH: Record<Stage, string> = { upstream: '上游', midstream: '中游', downstream: '下游' };

/** One GB/T 4754-2017 国民经济行业分类 class (小类, 4 digits) with its official zh name. */
export interface IndustryClass {
  code: string;
  name_zh: string;
}

/** A park the documents say hosts a segment, with the quote that says so (the quote names the park). */
export interface SegmentPark {
  park_id: string;
  name_zh: string;
  name_en: string;
  citation: Citation;
}

/**
 * An enterprise the documents name in a segment. scope 'district': a district document names it; 'city': only the
 * city plan does (not known to be local). former: a later document speaks of it in the past (e.g. 原纬创地块).
 */
export interface SegmentEnterprise {
  name_zh: string;
  name_en: string;
  scope: 'district' | 'city';
  /** The park the quote places it in, or null when the documents do not say. */
  park_id: string | null;
  citation: Citation;
  former: Citation | null;
}

/** One segment (环节) of a chain. gap = no named local (district, not former) enterprise: a 补链 target. */
export interface TaxonomySegment {
  id: string;
  stage: Stage;
  stage_zh: string;
  /** The segment this one is a sub-segment of, or null. */
  parent: string | null;
  name_zh: string;
  name_en: string;
  terms_zh: string[];
  terms_en: string[];
  codes: IndustryClass[];
  /** The document sentence the segment is taken from, or null when it rests on its GB/T classes alone. */
  basis: Citation | null;
  parks: SegmentPark[];
  enterprises: SegmentEnterprise[];
  gap: boolean;
}

/** One of the 30 chains with its classes, synonyms and segments (upstream first). */
export interface TaxonomyChain {
  id: string;
  name_zh: string;
  name_en: string;
  codes: IndustryClass[];
  terms_zh: string[];
  terms_en: string[];
  /** The chain's keywords from seeds/chains.json (zh and en). */
  keywords: string[];
  segments: TaxonomySegment[];
}

/** GET /api/taxonomy. */
export interface TaxonomyResult {
  standard: string;
  /** The public copy of the standard every code was verified against. */
  standard_source: { repository: string; path: string; commit: string };
  chains: TaxonomyChain[];
}

/** A node of GET /api/chains/:id/graph: one segment, its documented enterprises and host parks. */
export interface ChainGraphNode {
  /** `${chain_id}:${segment}`. */
  id: string;
  segment: string;
  stage: Stage;
  stage_zh: string;
  parent: string | null;
  name_zh: string;
  name_en: string;
  enterprises: Array<{ name_zh: string; name_en: string; scope: 'district' | 'city'; former: boolean; citation: Citation }>;
  parks: Array<{ park_id: string; name_zh: string; name_en: string; citation: Citation }>;
  gap: boolean;
}

/** GET /api/chains/:id/graph: segments upstream → downstream; edges join each stage to the next one present. */
export interface ChainGraph {
  chain: { id: string; name_zh: string; name_en: string };
  nodes: ChainGraphNode[];
  edges: Array<{ from: string; to: string }>;
}

/** A segment a match query named, with the query words that named it. */
export interface MatchSegment {
  chain_id: string;
  segment: string;
  stage: Stage;
  stage_zh: string;
  name_zh: string;
  name_en: string;
  matched: string[];
}

/** A space need stated in the query (“50亩”, “5,000 m2 factory”), in m²; kind null when not said. */
export interface SpaceNeed {
  area_m2: number | null;
  kind: 'land' | 'factory' | 'office' | 'warehouse' | null;
  /** The words of the query the need was read from. */
  text: string;
}

/** A chain whose vocabulary is closest to a query that fits none: shown as nearest, never as a match. */
export interface NearestChain {
  id: string;
  name_zh: string;
  name_en: string;
  /** Character n-gram similarity (0–1) of the query to the chain's closest term. */
  similarity: number;
  closest_term: string;
}
