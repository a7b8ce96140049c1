import type { ChainGraph, Stage, TaxonomySegment } from '../../../contract/taxonomy.js';

const ORDER: readonly Stage[] = ['upstream', 'midstream', 'downstream'];

/**
 * The graph of one chain: a node per segment (enterprises, host parks, gap) and edges from every top-level segment
 * of a stage to every top-level segment of the next stage the chain has (upstream → midstream → downstream).
 * Sub-segments carry their parent instead of edges of their own.
 */
export function chainGraph(chain: ChainGraph['chain'], segments: readonly TaxonomySegment[]): ChainGraph {
  const nodeId = (s: string) => `${chain.id}:${s}`;
  const nodes = segments.map((s) => ({
    id: nodeId(s.id),
    segment: s.id,
    stage: s.stage,
    stage_zh: s.stage_zh,
    parent: s.parent ? nodeId(s.parent) : null,
    name_zh: s.name_zh,
    name_en: s.name_en,
    enterprises: s.enterprises.map((e) => ({ name_zh: e.name_zh, name_en: e.name_en, scope: e.scope, former: e.former !== null, citation: e.citation })),
    parks: s.parks.map((p) => ({ park_id: p.park_id, name_zh: p.name_zh, name_en: p.name_en, citation: p.citation })),
    gap: s.gap,
  }));
  const byStage = ORDER.map((st) => segments.filter((s) => s.stage === st && !s.parent)).filter((l) => l.length > 0);
  const edges: ChainGraph['edges'] = [];
  for (let i = 0; i + 1 < byStage.length; i++) {
    for (const a of byStage[i]) for (const b of byStage[i + 1]) edges.push({ from: nodeId(a.id), to: nodeId(b.id) });
  }
  return { chain, nodes, edges };
}
