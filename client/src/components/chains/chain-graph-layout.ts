import type { ChainGraph, ChainGraphNode, Stage } from '@contract/api';

/*
 * Where every box and arrow of the chain graph goes: pure geometry, so the SVG component only draws.
 * Wide screens read left → right (one column per stage); narrow ones top → bottom (one band per stage,
 * one segment per row), because three columns of 110 px at 390 px would not hold a Chinese name.
 * Text is wrapped here with estimated glyph widths (CJK one em, Latin about 0.56 em in Noto Sans SC):
 * SVG has no text wrapping, and measuring in the DOM would need a render pass before layout.
 */

/** Stages in chain order. */
export const STAGES: readonly Stage[] = ['upstream', 'midstream', 'downstream'];

/** Below this width the graph is laid out top → bottom. */
export const VERTICAL_BELOW = 640;

/** Font sizes and line heights of a node's text (px); the component uses the same values. */
export const TEXT = { primary: 13, primaryLine: 17, secondary: 11, secondaryLine: 14, badge: 11, badgeLine: 16 } as const;

const PAD = 10;
const NODE_PAD_X = 10;
const NODE_PAD_Y = 8;
const STAGE_HEAD = 28;
const NODE_GAP = 12;
const SUB_INDENT = 14;
/** Width kept right of the boxes for the arrows in the top → bottom layout. */
const GUTTER = 26;

/** One laid-out node: its box (px, SVG user units), wrapped text and what the badge row says. */
export interface NodeBox {
  node: ChainGraphNode;
  x: number;
  y: number;
  w: number;
  h: number;
  primary: string[];
  secondary: string[];
  /** Enterprise names shown on the node (one line, truncated). */
  firms: string | null;
  /** A sub-segment: drawn dashed, indented under its parent. */
  sub: boolean;
}

/** A stage's column (horizontal) or band (vertical) with its heading position. */
export interface StageBox {
  stage: Stage;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The whole drawing. */
export interface GraphLayout {
  width: number;
  height: number;
  vertical: boolean;
  stages: StageBox[];
  nodes: NodeBox[];
  /** Edge paths (SVG `d`), upstream → downstream, and dashed parent → sub-segment links. */
  edges: Array<{ from: string; to: string; d: string; kind: 'flow' | 'part' }>;
}

/** Names of a node in the UI language first. */
export interface NodeText {
  primary: string;
  secondary: string;
  firms: string[];
}

const isWide = (ch: string) => /[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]/.test(ch);

/** Estimated rendered width of `text` at `size` px. */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += isWide(ch) ? size : ch === ' ' ? size * 0.28 : size * 0.56;
  return w;
}

/** Breaks text into at most `maxLines` lines of `width` px: Latin at spaces (or inside a too-long word), CJK anywhere; the last line ends in … when cut. */
export function wrapText(text: string, size: number, width: number, maxLines: number): string[] {
  const tokens = text.match(/[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]|[^\s\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]+|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  const push = () => {
    lines.push(line.trim());
    line = '';
  };
  for (const tok of tokens) {
    if (/^\s+$/.test(tok)) {
      if (line) line += ' ';
      continue;
    }
    if (textWidth(line + tok, size) <= width) {
      line += tok;
      continue;
    }
    if (line.trim()) push();
    // A single word wider than the line is cut by characters.
    let rest = tok;
    while (textWidth(rest, size) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && textWidth(rest.slice(0, cut), size) > width) cut--;
      line = rest.slice(0, cut);
      push();
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line.trim()) push();
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1];
  while (last.length > 1 && textWidth(`${last}…`, size) > width) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}

/** The nodes of one stage in drawing order: each top-level segment followed by its sub-segments. */
function stageOrder(nodes: readonly ChainGraphNode[], stage: Stage): ChainGraphNode[] {
  const inStage = nodes.filter((n) => n.stage === stage);
  const ids = new Set(inStage.map((n) => n.id));
  const out: ChainGraphNode[] = [];
  for (const n of inStage) {
    if (n.parent && ids.has(n.parent)) continue;
    out.push(n, ...inStage.filter((c) => c.parent === n.id));
  }
  return out;
}

function box(node: ChainGraphNode, text: NodeText, x: number, y: number, w: number, sub: boolean): NodeBox {
  const inner = w - 2 * NODE_PAD_X;
  const primary = wrapText(text.primary, TEXT.primary, inner, 3);
  const secondary = text.secondary && text.secondary !== text.primary ? wrapText(text.secondary, TEXT.secondary, inner, 2) : [];
  const firms = text.firms.length ? wrapText(text.firms.join(' · '), TEXT.badge, inner, 1)[0] : null;
  const h = NODE_PAD_Y * 2 + primary.length * TEXT.primaryLine + secondary.length * TEXT.secondaryLine + 6 + TEXT.badgeLine + (firms ? TEXT.badgeLine : 0);
  return { node, x, y, w, h, primary, secondary, firms, sub };
}

/** Lays the graph out in `width` px; `text` gives each node's names in the UI language. */
export function layoutGraph(graph: ChainGraph, width: number, text: (n: ChainGraphNode) => NodeText): GraphLayout {
  const stages = STAGES.filter((s) => graph.nodes.some((n) => n.stage === s));
  const vertical = width < VERTICAL_BELOW;
  const nodes: NodeBox[] = [];
  const stageBoxes: StageBox[] = [];
  let height = PAD;

  if (!vertical) {
    const colGap = 56;
    const n = Math.max(1, stages.length);
    const colW = Math.min(280, (width - 2 * PAD - (n - 1) * colGap) / n);
    const total = n * colW + (n - 1) * colGap;
    const left = (width - total) / 2;
    const columns = stages.map((stage, i) => {
      const x = left + i * (colW + colGap);
      let y = PAD + STAGE_HEAD;
      const boxes = stageOrder(graph.nodes, stage).map((node) => {
        const sub = node.parent !== null;
        const b = box(node, text(node), x + (sub ? SUB_INDENT : 0), y, colW - (sub ? SUB_INDENT : 0), sub);
        y += b.h + NODE_GAP;
        return b;
      });
      return { stage, x, boxes, bottom: y - NODE_GAP };
    });
    const tallest = Math.max(PAD + STAGE_HEAD, ...columns.map((c) => c.bottom));
    // Shorter columns are centred on the tallest, so arrows run roughly level.
    for (const c of columns) {
      const shift = (tallest - c.bottom) / 2;
      for (const b of c.boxes) b.y += shift;
      nodes.push(...c.boxes);
      stageBoxes.push({ stage: c.stage, x: c.x, y: PAD, w: colW, h: tallest - PAD });
    }
    height = tallest + PAD;
  } else {
    // One box per row, so no arrow has to cross a box: arrows run down a gutter on the right.
    const inner = width - 2 * PAD;
    const boxW = inner - GUTTER;
    const bandGap = 18;
    for (const stage of stages) {
      const top = height;
      let y = top + STAGE_HEAD;
      for (const node of stageOrder(graph.nodes, stage)) {
        const sub = node.parent !== null;
        const b = box(node, text(node), PAD + (sub ? SUB_INDENT : 0), y, boxW - (sub ? SUB_INDENT : 0), sub);
        nodes.push(b);
        y += b.h + NODE_GAP;
      }
      stageBoxes.push({ stage, x: PAD, y: top, w: boxW, h: y - NODE_GAP - top });
      height = y - NODE_GAP + bandGap;
    }
    height = height - bandGap + PAD;
  }

  const at = new Map(nodes.map((b) => [b.node.id, b]));
  const sources = [...new Set(graph.edges.map((e) => e.from))];
  const edges: GraphLayout['edges'] = [];
  for (const e of graph.edges) {
    const a = at.get(e.from);
    const b = at.get(e.to);
    if (!a || !b) continue;
    if (!vertical) {
      const x1 = a.x + a.w;
      const y1 = a.y + a.h / 2;
      const x2 = b.x - 6;
      const y2 = b.y + b.h / 2;
      const mid = (x1 + x2) / 2;
      edges.push({ ...e, kind: 'flow', d: `M${r(x1)},${r(y1)} C${r(mid)},${r(y1)} ${r(mid)},${r(y2)} ${r(x2)},${r(y2)}` });
    } else {
      // Out of the source's right side, down the gutter (one lane per source), into the target's right side.
      const lane = PAD + width - 2 * PAD - GUTTER + 6 + (sources.indexOf(e.from) % 4) * 4;
      const y1 = a.y + a.h / 2;
      const y2 = b.y + b.h / 2;
      edges.push({ ...e, kind: 'flow', d: `M${r(a.x + a.w)},${r(y1)} H${r(lane)} V${r(y2)} H${r(b.x + b.w + 6)}` });
    }
  }
  // A sub-segment hangs from its parent (just above it, in the same stage) by a dashed elbow.
  for (const b of nodes) {
    const p = b.node.parent ? at.get(b.node.parent) : undefined;
    if (!p) continue;
    const x = p.x + SUB_INDENT / 2;
    edges.push({ from: p.node.id, to: b.node.id, kind: 'part', d: `M${r(x)},${r(p.y + p.h)} L${r(x)},${r(b.y + b.h / 2)} L${r(b.x)},${r(b.y + b.h / 2)}` });
  }
  return { width, height: Math.ceil(height), vertical, stages: stageBoxes, nodes, edges };
}

const r = (x: number) => Math.round(x * 10) / 10;
