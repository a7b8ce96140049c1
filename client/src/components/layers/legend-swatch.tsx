import { useId } from 'react';
import { HATCH, SCHEMATIC_DASH, type LegendItem } from '../../lib/layer-style';

/** An SVG swatch drawn from a LegendItem, i.e. from the same numbers as the map paint. */
export function LegendSwatch({ item, size = 'md' }: { item: LegendItem; size?: 'sm' | 'md' }) {
  const patternId = useId();
  const w = size === 'sm' ? 22 : 30;
  const h = size === 'sm' ? 14 : 18;
  const dash = item.dashed ? SCHEMATIC_DASH.map((d) => d * Math.max(1, item.strokeWidth)).join(' ') : undefined;
  return (
    <svg className="legend-swatch" width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true" focusable="false">
      {item.geometry === 'polygon' && (
        <>
          {item.hatch && (
            <defs>
              <pattern id={patternId} width={HATCH.size} height={HATCH.size} patternUnits="userSpaceOnUse">
                <path
                  d={`M${-HATCH.size},${HATCH.size} L0,0 M0,${HATCH.size} L${HATCH.size},0 M${HATCH.size},${HATCH.size} L${2 * HATCH.size},0`}
                  stroke={item.hatch}
                  strokeWidth={HATCH.stroke}
                  opacity={item.hatchOpacity}
                />
              </pattern>
            </defs>
          )}
          <rect x={2} y={2} width={w - 4} height={h - 4} rx={2} fill={item.color} fillOpacity={item.fillOpacity} />
          {item.hatch && <rect x={2} y={2} width={w - 4} height={h - 4} rx={2} fill={`url(#${patternId})`} />}
          <rect
            x={2} y={2} width={w - 4} height={h - 4} rx={2} fill="none"
            stroke={item.strokeColor} strokeWidth={Math.min(item.strokeWidth, 3)} strokeOpacity={item.strokeOpacity} strokeDasharray={dash}
          />
        </>
      )}
      {item.geometry === 'line' && (
        <line
          x1={3} y1={h / 2} x2={w - 3} y2={h / 2}
          stroke={item.color} strokeWidth={Math.min(Math.max(item.strokeWidth, 1.5), 6)} strokeOpacity={item.strokeOpacity}
          strokeLinecap={item.dashed ? 'butt' : 'round'} strokeDasharray={dash}
        />
      )}
      {item.geometry === 'point' && (
        <circle
          cx={w / 2} cy={h / 2} r={h / 2 - 3}
          fill={item.color} fillOpacity={item.fillOpacity}
          stroke={item.strokeColor === '#ffffff' ? '#8a96a3' : item.strokeColor} strokeWidth={item.strokeWidth} strokeOpacity={item.strokeOpacity}
        />
      )}
    </svg>
  );
}
