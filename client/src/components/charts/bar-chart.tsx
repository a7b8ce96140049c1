import { useElementWidth } from '../../hooks/use-element-width';
import { fitText } from '../../lib/chart-text';

/** One bar: a label and a value (null = the documents give none; drawn as a note, not a bar). */
export interface BarDatum {
  id: string;
  label: string;
  value: number | null;
  /** Text at the bar's end; defaults to the formatted value. */
  display?: string;
}

/** Props of the simple horizontal bar chart. */
export interface BarChartProps {
  title: string;
  data: BarDatum[];
  format: (value: number) => string;
  /** Shown where value is null. */
  missing: string;
  color?: string;
}

const FONT = 12;
const BAR = 12;
/** Label line above the bar, then the bar: long park names keep the full width. */
const LABEL_H = 16;
const ROW = LABEL_H + BAR + 8;

/** A small horizontal bar chart in plain SVG (one metric across a few parks), each label above its bar. */
export function BarChart({ title, data, format, missing, color = '#0b6680' }: BarChartProps) {
  const { ref, width } = useElementWidth<HTMLElement>(240);
  const valueRoom = 84;
  const plotWidth = Math.max(30, width - valueRoom - 2);
  const max = Math.max(1e-9, ...data.map((d) => d.value ?? 0));
  const height = data.length * ROW;
  return (
    <figure className="chart bar-chart" ref={ref}>
      <figcaption className="chart-title">{title}</figcaption>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}: ${data.map((d) => `${d.label} ${d.value === null ? missing : (d.display ?? format(d.value))}`).join('; ')}`} className="chart-svg">
        {data.map((d, i) => {
          const y = i * ROW;
          const w = d.value === null ? 0 : Math.max(d.value > 0 ? 1 : 0, (d.value / max) * plotWidth);
          return (
            <g key={d.id} data-bar={d.id}>
              <text x={0} y={y + LABEL_H - 4} fontSize={FONT} fill="#1b2733">
                <title>{d.label}</title>
                {fitText(d.label, FONT, width - 2)}
              </text>
              <line x1={0} x2={0} y1={y + LABEL_H - 1} y2={y + LABEL_H + BAR + 1} stroke="#8a96a3" strokeWidth={1} />
              {d.value !== null && <rect x={1} y={y + LABEL_H} width={w} height={BAR} fill={color} />}
              <text x={1 + w + 4} y={y + LABEL_H + BAR / 2} dy="0.35em" fontSize={11} fill={d.value === null ? '#4f5b67' : '#1b2733'} fontStyle={d.value === null ? 'italic' : undefined}>
                {d.value === null ? missing : (d.display ?? format(d.value))}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
