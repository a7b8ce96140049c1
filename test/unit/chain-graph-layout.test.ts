import { describe, expect, it } from 'vitest';
import type { ChainGraph, ChainGraphNode, Stage } from '../../contract/api';
import { layoutGraph, textWidth, VERTICAL_BELOW, wrapText } from '../../client/src/components/chains/chain-graph-layout';
import { formatUrlView, parseUrlView } from '../../client/src/lib/url-state';

/*
 * The chain graph's geometry (client/src/components/chains/chain-graph-layout.ts) and its URL keys. The
 * graph below has the shape GET /api/chains/biopharma/graph gives: one upstream segment, a midstream
 * with a sub-segment, edges from every top-level segment of a stage to every one of the next.
 */

const node = (segment: string, stage: Stage, parent: string | null = null, name_en = segment): ChainGraphNode => ({
  id: `c:${segment}`, segment, stage, stage_zh: '', parent: parent ? `c:${parent}` : null, name_zh: `环节${segment}`, name_en,
  enterprises: [], parks: [], gap: true,
});

const GRAPH: ChainGraph = {
  chain: { id: 'c', name_zh: '链', name_en: 'Chain' },
  nodes: [node('a', 'upstream'), node('b', 'midstream'), node('b1', 'midstream', 'b'), node('d', 'midstream', null, 'A rather long English segment name that has to wrap over lines'), node('e', 'downstream')],
  edges: [
    { from: 'c:a', to: 'c:b' }, { from: 'c:a', to: 'c:d' }, { from: 'c:b', to: 'c:e' }, { from: 'c:d', to: 'c:e' },
  ],
};
const text = (n: ChainGraphNode) => ({ primary: n.name_en, secondary: n.name_zh, firms: [] });

describe('chain graph layout', () => {
  it('wraps Latin at spaces and CJK anywhere, within the width, cutting with … beyond the lines allowed', () => {
    const lines = wrapText('Contract development and manufacturing (CDMO/CMO)', 13, 150, 3);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 13)).toBeLessThanOrEqual(150);
    expect(lines.join(' ')).toBe('Contract development and manufacturing (CDMO/CMO)');
    const zh = wrapText('抗体偶联药物（ADC）与新型生物制品', 13, 80, 2);
    expect(zh).toHaveLength(2);
    expect(zh[1].endsWith('…')).toBe(true);
    for (const l of zh) expect(textWidth(l, 13)).toBeLessThanOrEqual(80);
  });

  it('wide: one column per stage left → right, sub-segments indented under their parent, no overlaps', () => {
    const l = layoutGraph(GRAPH, 1000, text);
    expect(l.vertical).toBe(false);
    expect(l.stages.map((s) => s.stage)).toEqual(['upstream', 'midstream', 'downstream']);
    const at = (s: string) => l.nodes.find((b) => b.node.segment === s)!;
    expect(at('a').x + at('a').w).toBeLessThan(at('b').x);
    expect(at('b').x + at('b').w).toBeLessThan(at('e').x);
    // b1 hangs from b: just below it, indented, dashed.
    expect(at('b1').y).toBeGreaterThan(at('b').y + at('b').h);
    expect(at('b1').x).toBeGreaterThan(at('b').x);
    expect(at('b1').sub).toBe(true);
    expect(at('d').y).toBeGreaterThan(at('b1').y + at('b1').h);
    expect(at('d').primary.length).toBeGreaterThan(1);
    expect(l.edges.filter((e) => e.kind === 'flow')).toHaveLength(GRAPH.edges.length);
    expect(l.edges.filter((e) => e.kind === 'part')).toEqual([expect.objectContaining({ from: 'c:b', to: 'c:b1' })]);
    for (const b of l.nodes) expect(b.y + b.h).toBeLessThanOrEqual(l.height);
  });

  it('narrow: stages top → bottom, one box per row inside the width, arrows in the right gutter', () => {
    const l = layoutGraph(GRAPH, 350, text);
    expect(VERTICAL_BELOW).toBeGreaterThan(350);
    expect(l.vertical).toBe(true);
    const order = l.nodes.map((b) => b.node.segment);
    expect(order).toEqual(['a', 'b', 'b1', 'd', 'e']);
    for (let i = 1; i < l.nodes.length; i++) expect(l.nodes[i].y).toBeGreaterThanOrEqual(l.nodes[i - 1].y + l.nodes[i - 1].h);
    const right = Math.max(...l.nodes.map((b) => b.x + b.w));
    expect(right).toBeLessThan(350);
    for (const e of l.edges.filter((x) => x.kind === 'flow')) {
      const lane = Number(/H([\d.]+)/.exec(e.d)![1]);
      expect(lane).toBeGreaterThan(right);
      expect(lane).toBeLessThan(350);
    }
  });
});

describe('chain graph in the URL', () => {
  it('round-trips graph= and gseg=, keeps other keys, drops malformed ids', () => {
    const view = parseUrlView('?graph=petrochemicals&gseg=white-oils&keep=1');
    expect(view.graph).toEqual({ chain: 'petrochemicals', segment: 'white-oils' });
    expect(formatUrlView('keep=1', view)).toBe('?keep=1&graph=petrochemicals&gseg=white-oils');
    expect(formatUrlView('graph=x&gseg=y', { ...view, graph: null })).toBe('');
    expect(parseUrlView('?graph=DROP%20TABLE&gseg=a').graph).toBeNull();
    expect(parseUrlView('?graph=biopharma&gseg=%3Cb%3E').graph).toEqual({ chain: 'biopharma', segment: null });
    expect(parseUrlView('?gseg=adc').graph).toBeNull();
  });
});
