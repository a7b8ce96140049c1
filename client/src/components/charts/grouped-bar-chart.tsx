import { useElementWidth } from '../../hooks/use-element-width';
import { fitText } from '../../lib/chart-text';

/** One series (a colour in every group): e.g. “2024 actual”. */
export interface ChartSeries {
  key: string;
  label: string;
  /** ≥ 3:1 against white (WCAG 1.4.11). */
  color: string;
}

/** One group of bars: a label and one value per series (null = no figure). */
export interface ChartRow {
  id: string;
  label: string;
  values: Array<number | null>;
  /** Extra text for each bar's tooltip (source, as-of). */
  note?: string;
}

/** Props of the grouped horizontal bar chart. */
export interface GroupedBarChartProps {
  title: string;
  series: ChartSeries[];
  rows: ChartRow[];
  /** Label at the end of a bar. */
  format: (value: number) => string;
  /** Long form for tooltips and the accessible description. */
  formatLong?: (value: number) => string;
  /** One bar's height in px. */
  barHeight?: number;
  /** Scale maximum; pass the same one to several charts so their bars compare. Default: this chart's largest value. */
  max?: number;
}

const FONT = 12;
const GAP = 12;
/** Between the bars of one group: room for the value labels not to touch. */
const BAR_GAP = 3;
const PAD_TOP = 4;

/**
 * Horizontal grouped bars in plain SVG, drawn at the container's pixel width so text keeps its size:
 * one row per group, one bar per series, a value label at each bar's end, a `<title>` per bar.
 */
export function GroupedBarChart({ title, series, rows, format, formatLong = format, barHeight = 8, max: fixedMax }: GroupedBarChartProps) {
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const labelWidth = Math.min(200, Math.round(width * 0.36));
  const valueRoom = 64;
  const plotWidth = Math.max(40, width - labelWidth - valueRoom - 8);
  const max = fixedMax ?? Math.max(1, ...rows.flatMap((r) => r.values.filter((v): v is number => v !== null)));
  const rowHeight = series.length * barHeight + (series.length - 1) * BAR_GAP + GAP;
  const height = PAD_TOP + rows.length * rowHeight;
  const x0 = labelWidth + 6;
  const scale = (v: number) => (v / max) * plotWidth;

  return (
    <div className="chart grouped-bar-chart" ref={ref}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} className="chart-svg">
        <title>{title}</title>
        <line x1={x0} x2={x0} y1={0} y2={height} stroke="#8a96a3" strokeWidth={1} />
        {rows.map((r, i) => {
          const y = PAD_TOP + i * rowHeight;
          const blockH = series.length * barHeight + (series.length - 1) * BAR_GAP;
          return (
            <g key={r.id} data-row={r.id}>
              <text x={labelWidth} y={y + blockH / 2} dy="0.35em" textAnchor="end" fontSize={FONT} fill="#1b2733">
                <title>{r.label}</title>
                {fitText(r.label, FONT, labelWidth - 4)}
              </text>
              {series.map((s, j) => {
                const v = r.values[j];
                const by = y + j * (barHeight + BAR_GAP);
                if (v === null || v === undefined) return null;
                const w = Math.max(1, scale(v));
                return (
                  <g key={s.key} data-series={s.key}>
                    <rect x={x0 + 1} y={by} width={w} height={barHeight} fill={s.color}>
                      <title>{`${r.label} · ${s.label}: ${formatLong(v)}${r.note ? ` · ${r.note}` : ''}`}</title>
                    </rect>
                    <text x={x0 + 1 + w + 4} y={by + barHeight / 2} dy="0.35em" fontSize={10.5} fill="#3d4853">
                      {format(v)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </div>
  );
}

/** The series legend drawn once above a chart (HTML, so it wraps). */
export function ChartLegend({ series }: { series: ChartSeries[] }) {
  return (
    <ul className="chart-legend">
      {series.map((s) => (
        <li key={s.key}>
          <svg width="14" height="10" aria-hidden="true" focusable="false"><rect width="14" height="10" fill={s.color} /></svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
}
