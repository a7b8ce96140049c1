import type { MatchPart, MatchScorePart } from '@contract/api';
import { useI18n } from '../../hooks/use-i18n';
import { formatNumber } from '../../lib/i18n';

/**
 * Colours of the score parts: each ≥ 4.5:1 on white (so they also serve as text colour), and a light
 * tint of the same hue for the part's unearned range. Tests look for these exact colours.
 */
export const PART_COLORS: Record<MatchPart, { fill: string; tint: string }> = {
  focus: { fill: '#0b6680', tint: '#d3e8ef' },
  leaders: { fill: '#6a3d9a', tint: '#e6ddf1' },
  land: { fill: '#2f7d4a', tint: '#d9eede' },
  growth: { fill: '#a8530a', tint: '#f6e2cf' },
};

export const PART_ORDER: MatchPart[] = ['focus', 'leaders', 'land', 'growth'];

/**
 * A park's score as one stacked bar: each part owns a slot as wide as its maximum (the weights add up
 * to 100), tinted, and filled as far as the points it earned.
 */
export function ScoreBar({ parts }: { parts: MatchScorePart[] }) {
  const { lang, t } = useI18n();
  const ordered = PART_ORDER.map((p) => parts.find((x) => x.part === p)).filter((x): x is MatchScorePart => !!x);
  const total = ordered.reduce((s, p) => s + p.max, 0) || 100;
  let x = 0;
  const label = ordered.map((p) => `${t.inv.scoreParts[p.part]} ${formatNumber(lang, p.points, 1)}/${p.max}`).join(lang === 'zh' ? '，' : ', ');
  return (
    <div className="score-bar">
      <svg className="score-bar-svg" viewBox={`0 0 ${total} 10`} preserveAspectRatio="none" role="img" aria-label={label} focusable="false">
        {ordered.map((p) => {
          const x0 = x;
          x += p.max;
          const c = PART_COLORS[p.part];
          return (
            <g key={p.part} data-part={p.part}>
              <rect x={x0} y={0} width={p.max} height={10} fill={c.tint} />
              {p.points > 0 && <rect className="score-fill" x={x0} y={0} width={Math.min(p.points, p.max)} height={10} fill={c.fill} />}
              {/* A white gap between slots, drawn over the slot edge. */}
              {x0 > 0 && <rect x={x0 - 0.35} y={0} width={0.7} height={10} fill="#ffffff" />}
            </g>
          );
        })}
      </svg>
      <ul className="score-legend">
        {ordered.map((p) => (
          <li key={p.part} data-part={p.part}>
            <span className="score-swatch" aria-hidden="true" style={{ background: PART_COLORS[p.part].fill }} />
            <span className="score-legend-name">{t.inv.scoreParts[p.part]}</span>{' '}
            <span className="score-legend-points">
              {formatNumber(lang, p.points, 1)}/{p.max}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
