import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { ChainGraphNode, Citation } from '@contract/api';
import { useChainGraph } from '../../hooks/use-chain-graph';
import { useElementWidth } from '../../hooks/use-element-width';
import { useI18n } from '../../hooks/use-i18n';
import { pick, type Lang } from '../../lib/i18n';
import { Dialog } from '../documents/dialog';
import { CitationQuote } from '../feature/citation-quote';
import { layoutGraph, TEXT, type NodeBox } from './chain-graph-layout';
import { stageLabel } from './chain-graph-stage';
import './chain-graph.css';

/**
 * Colours of the graph: a segment with a named local enterprise, and a gap (补链 target). Each stroke is
 * ≥ 4.5:1 on its fill and on white; the browser test looks for GAP.fill on screen.
 */
export const GRAPH_COLORS = {
  local: { fill: '#e2f0f5', stroke: '#0b6680' },
  gap: { fill: '#fbd9d3', stroke: '#b3261e' },
  edge: '#5d6b78',
} as const;

/** Props of the chain graph dialog. */
export interface ChainGraphDialogProps {
  chainId: string;
  /** The picked segment (taxonomy segment id, as in the URL's gseg), or null. */
  segment: string | null;
  onSegment: (segment: string | null) => void;
  onClose: () => void;
  /** Shows a park on the map (selects it, flies there and opens its profile). */
  onShowPark: (parkId: string) => void;
}

const otherLang = (lang: Lang) => (lang === 'zh' ? 'en' : 'zh-CN');

/**
 * A chain as a graph (GET /api/chains/:id/graph): its segments upstream → downstream in SVG, gaps
 * marked, and the picked segment's named enterprises and host parks, each with its quote.
 */
export function ChainGraphDialog({ chainId, segment, onSegment, onClose, onShowPark }: ChainGraphDialogProps) {
  const { lang, t } = useI18n();
  const g = t.chainGraph;
  const graph = useChainGraph(chainId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const data = graph.data;
  const name = data ? pick(lang, data.chain.name_zh, data.chain.name_en) : chainId;
  const other = data ? (lang === 'zh' ? data.chain.name_en : data.chain.name_zh) : '';
  const picked = data?.nodes.find((n) => n.segment === segment) ?? null;
  const gaps = data?.nodes.filter((n) => n.gap) ?? [];

  return (
    <Dialog onClose={onClose} labelledBy="chain-graph-title" className="chain-graph-dialog" initialFocus={headingRef} sheetOnPhone>
      <div className="dialog-frame" data-chain-id={chainId}>
        <header className="dialog-header">
          <div className="dialog-titles">
            <p className="dialog-kicker">{g.kicker}</p>
            <h2 id="chain-graph-title" ref={headingRef} tabIndex={-1}>{name}</h2>
            {other && other !== name && <p className="dialog-secondary" lang={otherLang(lang)}>{other}</p>}
          </div>
          <button type="button" className="icon-button close-button" onClick={onClose} title={`${t.close} (Esc)`}>
            <span className="visually-hidden">{t.close}</span>
            <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
              <path d="M3.5 3.5 L12.5 12.5 M12.5 3.5 L3.5 12.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            </svg>
          </button>
        </header>
        <div className="dialog-scroll">
          {graph.isPending && <p className="muted" aria-live="polite">{t.loading}</p>}
          {graph.error && (
            <p className="layer-error" role="alert">
              {g.loadFailed}: {graph.error.message}{' '}
              <button type="button" className="link-button" onClick={() => void graph.refetch()}>{t.retry}</button>
            </p>
          )}
          {data && data.nodes.length === 0 && <p className="muted">{g.noSegments}</p>}
          {data && data.nodes.length > 0 && (
            <>
              <p className="cg-summary muted">
                {g.segmentCount(data.nodes.length)} · <span className={gaps.length ? 'cg-gap-count' : undefined}>{g.gapCount(gaps.length)}</span>
              </p>
              <GraphLegend />
              <GraphDrawing nodes={data.nodes} edges={data.edges} picked={picked?.id ?? null} onPick={(n) => onSegment(n.segment)} />
              <SegmentDetail node={picked} parentName={picked?.parent ? nodeName(lang, data.nodes.find((n) => n.id === picked.parent)) : null} onShowPark={onShowPark} />
            </>
          )}
        </div>
      </div>
    </Dialog>
  );
}

const nodeName = (lang: Lang, n: ChainGraphNode | undefined) => (n ? pick(lang, n.name_zh, n.name_en) : null);

/** The legend: what a filled box, a gap box, a dashed box and an arrow mean. */
function GraphLegend() {
  const { t } = useI18n();
  const g = t.chainGraph;
  const swatch = (fill: string, stroke: string, dashed = false) => (
    <svg aria-hidden="true" width="28" height="16" viewBox="0 0 28 16" className="cg-swatch">
      <rect x="1" y="1" width="26" height="14" rx="4" fill={fill} stroke={stroke} strokeWidth="2" strokeDasharray={dashed ? '4 3' : undefined} />
    </svg>
  );
  return (
    <div className="cg-legend" role="group" aria-label={g.legend}>
      <span className="cg-legend-title">{g.legend}</span>
      <ul>
        <li className="cg-legend-local">{swatch(GRAPH_COLORS.local.fill, GRAPH_COLORS.local.stroke)}{g.legendLocal}</li>
        <li className="cg-legend-gap">{swatch(GRAPH_COLORS.gap.fill, GRAPH_COLORS.gap.stroke)}<span className="cg-tag cg-tag-gap">{g.gapTag}</span>{g.legendGap}</li>
        <li>{swatch('#ffffff', GRAPH_COLORS.edge, true)}{g.legendSub}</li>
        <li>
          <svg aria-hidden="true" width="28" height="16" viewBox="0 0 28 16" className="cg-swatch">
            <path d="M2,8 L22,8" stroke={GRAPH_COLORS.edge} strokeWidth="1.6" markerEnd="url(#cg-arrow)" />
          </svg>
          {g.legendFlow}
        </li>
      </ul>
    </div>
  );
}

/** The SVG: stage headings, arrows, and one focusable box per segment (Tab or arrow keys, Enter / Space picks). */
function GraphDrawing({ nodes, edges, picked, onPick }: {
  nodes: ChainGraphNode[];
  edges: Array<{ from: string; to: string }>;
  picked: string | null;
  onPick: (n: ChainGraphNode) => void;
}) {
  const { lang, t } = useI18n();
  const { ref, width } = useElementWidth<HTMLDivElement>(800);
  const layout = useMemo(
    () =>
      layoutGraph({ chain: { id: '', name_zh: '', name_en: '' }, nodes, edges }, width, (n) => ({
        primary: pick(lang, n.name_zh, n.name_en),
        secondary: lang === 'zh' ? n.name_en : n.name_zh,
        firms: n.enterprises.filter((e) => e.scope === 'district' && !e.former).map((e) => pick(lang, e.name_zh, e.name_en)),
      })),
    [nodes, edges, width, lang],
  );
  const boxRefs = useRef(new Map<string, SVGGElement>());
  // Keyboard order: stage by stage, as drawn.
  const order = layout.nodes.map((b) => b.node.id);
  const focusAt = (i: number) => boxRefs.current.get(order[(i + order.length) % order.length])?.focus();
  const onKeyDown = (e: KeyboardEvent<SVGGElement>, b: NodeBox) => {
    const i = order.indexOf(b.node.id);
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onPick(b.node);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowRight') {
      e.preventDefault();
      focusAt(i + 1);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') {
      e.preventDefault();
      focusAt(i - 1);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      focusAt(e.key === 'Home' ? 0 : order.length - 1);
    }
  };
  // The picked box scrolls into view (a deep link may pick one below the fold on a phone).
  useEffect(() => {
    if (picked) boxRefs.current.get(picked)?.scrollIntoView?.({ block: 'nearest' });
  }, [picked]);

  return (
    <div ref={ref} className={`cg-drawing${layout.vertical ? ' is-vertical' : ''}`}>
      <svg
        className="cg-svg"
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="group"
        aria-label={t.chainGraph.graphLabel}
      >
        <defs>
          <marker id="cg-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill={GRAPH_COLORS.edge} />
          </marker>
        </defs>
        {layout.stages.map((s) => (
          <g key={s.stage} className="cg-stage" data-stage={s.stage}>
            <rect x={s.x - 4} y={s.y} width={s.w + 8} height={s.h + 4} rx="8" className="cg-stage-bg" />
            <text x={s.x + 6} y={s.y + 18} className="cg-stage-label">{stageLabel(t, s.stage)}</text>
          </g>
        ))}
        {layout.edges.map((e) => (
          <path
            key={`${e.kind}:${e.from}>${e.to}`}
            d={e.d}
            className={`cg-edge cg-edge-${e.kind}`}
            stroke={GRAPH_COLORS.edge}
            markerEnd={e.kind === 'flow' ? 'url(#cg-arrow)' : undefined}
            data-from={e.from}
            data-to={e.to}
          />
        ))}
        {layout.nodes.map((b) => {
          const n = b.node;
          const colors = n.gap ? GRAPH_COLORS.gap : GRAPH_COLORS.local;
          const label = [
            `${stageLabel(t, n.stage)}：${pick(lang, n.name_zh, n.name_en)}`,
            n.gap ? t.chainGraph.gapNote : t.chainGraph.enterpriseCount(n.enterprises.length),
            t.chainGraph.parkCount(parksOf(n).length),
          ].join(lang === 'zh' ? '；' : '; ');
          let y = b.y + 8;
          const line = (h: number) => {
            y += h;
            return y - 4;
          };
          return (
            <g
              key={n.id}
              ref={(el) => {
                if (el) boxRefs.current.set(n.id, el);
                else boxRefs.current.delete(n.id);
              }}
              className={`cg-node${n.gap ? ' is-gap' : ''}${picked === n.id ? ' is-picked' : ''}`}
              data-segment={n.segment}
              data-gap={n.gap}
              role="button"
              tabIndex={0}
              aria-pressed={picked === n.id}
              aria-label={label}
              onClick={() => onPick(n)}
              onKeyDown={(e) => onKeyDown(e, b)}
            >
              <rect x={b.x} y={b.y} width={b.w} height={b.h} rx="8" fill={colors.fill} stroke={colors.stroke} strokeDasharray={b.sub ? '5 3' : undefined} className="cg-node-box" />
              {b.primary.map((l, i) => (
                <text key={`p${i}`} x={b.x + 10} y={line(TEXT.primaryLine)} className="cg-name">{l}</text>
              ))}
              {b.secondary.map((l, i) => (
                <text key={`s${i}`} x={b.x + 10} y={line(TEXT.secondaryLine)} className="cg-name-other" lang={otherLang(lang)}>{l}</text>
              ))}
              {(() => {
                const by = line(TEXT.badgeLine + 6);
                if (n.gap) {
                  const w = t.chainGraph.gapTag.length * (lang === 'zh' ? 11 : 7) + 12;
                  return (
                    <g className="cg-gap-badge">
                      <rect x={b.x + 10} y={by - 12} width={w} height="16" rx="8" fill={GRAPH_COLORS.gap.stroke} />
                      <text x={b.x + 16} y={by} className="cg-badge-text">{t.chainGraph.gapTag}</text>
                      <text x={b.x + 16 + w} y={by} className="cg-meta">{t.chainGraph.parkCount(parksOf(n).length)}</text>
                    </g>
                  );
                }
                return <text x={b.x + 10} y={by} className="cg-meta">{t.chainGraph.enterpriseCount(n.enterprises.length)} · {t.chainGraph.parkCount(parksOf(n).length)}</text>;
              })()}
              {b.firms && <text x={b.x + 10} y={line(TEXT.badgeLine)} className="cg-firms">{b.firms}</text>}
              <title>{label}</title>
            </g>
          );
        })}
      </svg>
    </div>
  );
}

/** The picked segment: stage, names, gap note, named enterprises and host parks, each with its quote. */
function SegmentDetail({ node, parentName, onShowPark }: { node: ChainGraphNode | null; parentName: string | null; onShowPark: (parkId: string) => void }) {
  const { lang, t } = useI18n();
  const g = t.chainGraph;
  if (!node) return <p className="cg-hint muted">{g.pickHint}</p>;
  const name = pick(lang, node.name_zh, node.name_en);
  const other = lang === 'zh' ? node.name_en : node.name_zh;
  return (
    <section className={`cg-detail${node.gap ? ' is-gap' : ''}`} aria-labelledby="cg-detail-title" aria-live="polite" data-segment={node.segment}>
      <p className="cg-detail-stage">
        <span className={`cg-tag cg-stage-${node.stage}`}>{stageLabel(t, node.stage)}</span>
        {parentName && <span className="muted"> {g.partOf}{lang === 'zh' ? '：' : ': '}{parentName}</span>}
      </p>
      <h3 id="cg-detail-title">{name}</h3>
      {other && other !== name && <p className="dialog-secondary" lang={otherLang(lang)}>{other}</p>}
      {node.gap && (
        <p className="cg-gap-note">
          <span className="cg-tag cg-tag-gap">{g.gapTag}</span> {g.gapNote}
        </p>
      )}
      <h4 className="profile-subheading">{g.enterprises}</h4>
      {node.enterprises.length === 0 ? (
        <p className="muted">{g.noEnterprises}</p>
      ) : (
        <ul className="cg-list cg-enterprises">
          {node.enterprises.map((e) => (
            <li key={`${e.name_zh}:${e.citation.id}`} className="cg-enterprise" data-scope={e.scope} data-former={e.former}>
              <p className="cg-item-head">
                <strong>{pick(lang, e.name_zh, e.name_en)}</strong>
                {(lang === 'zh' ? e.name_en : e.name_zh) && <span className="muted" lang={otherLang(lang)}> {lang === 'zh' ? e.name_en : e.name_zh}</span>}
                {e.scope === 'city' && <span className="cg-tag cg-tag-note">{g.cityScope}</span>}
                {e.former && <span className="cg-tag cg-tag-note">{g.former}</span>}
              </p>
              <CitationQuote citation={e.citation} />
            </li>
          ))}
        </ul>
      )}
      <h4 className="profile-subheading">{g.parks}</h4>
      {node.parks.length === 0 ? (
        <p className="muted">{g.noParks}</p>
      ) : (
        <ul className="cg-list cg-parks">
          {parksOf(node).map((p) => (
            <li key={p.park_id} className="cg-park" data-park-id={p.park_id}>
              <p className="cg-item-head">
                <strong>{pick(lang, p.name_zh, p.name_en)}</strong>{' '}
                <button
                  type="button"
                  className="button button-quiet cg-show-park"
                  onClick={() => onShowPark(p.park_id)}
                  aria-label={`${g.showOnMap}: ${pick(lang, p.name_zh, p.name_en)}`}
                >
                  {g.showOnMap}
                </button>
              </p>
              <details className="cg-park-source">
                <summary>{g.parkSource}{p.citations.length > 1 ? ` (${p.citations.length})` : ''}</summary>
                {p.citations.map((c) => <CitationQuote key={c.id} citation={c} />)}
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A segment's host parks, one entry per park with every quote that places the segment there. */
function parksOf(node: ChainGraphNode) {
  const out = new Map<string, { park_id: string; name_zh: string; name_en: string; citations: Citation[] }>();
  for (const p of node.parks) {
    const entry = out.get(p.park_id) ?? { park_id: p.park_id, name_zh: p.name_zh, name_en: p.name_en, citations: [] };
    if (!entry.citations.some((c) => c.id === p.citation.id)) entry.citations.push(p.citation);
    out.set(p.park_id, entry);
  }
  return [...out.values()];
}
