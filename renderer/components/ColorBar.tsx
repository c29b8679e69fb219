import { useId, useMemo } from 'react';
import { ticksHeight } from './axis-ticks';
import { colormapViridis } from './colormap';
import type { SurfaceMapping } from './surface-mapping';
import { useChartTextScale } from './text-scale';

const W = 76;
const H = 210;
const BAR = { x: 8, y: 26, w: 14, h: H - 26 - 10 };

/**
 * The colour scale of a surface's height colormap with real f values at their colours (on the
 * log scale the colours, like the heights, follow log(1 + f − min f)). An SVG, so the whole-view
 * PNG export and recordings draw it with the view it sits in.
 */
export function ColorBar({ mapping, name = 'f' }: { mapping: SurfaceMapping; name?: string }) {
  const id = useId().replace(/:/g, '');
  const ticks = useMemo(() => ticksHeight(mapping, 0.1), [mapping]);
  const stops = useMemo(() => {
    const rgb = [0, 0, 0];
    return Array.from({ length: 11 }, (_, k) => {
      colormapViridis(k / 10, rgb);
      const hex = rgb
        .map((c) =>
          Math.round(c * 255)
            .toString(16)
            .padStart(2, '0'),
        )
        .join('');
      return { offset: `${k * 10}%`, color: `#${hex}` };
    });
  }, []);
  const y = (at: number) => BAR.y + (1 - at) * BAR.h;
  const k = useChartTextScale(); // drawn larger while presenting
  return (
    <svg
      className="color-bar"
      data-testid="color-bar"
      width={W * k}
      height={H * k}
      viewBox={`0 0 ${W} ${H}`}
      style={{
        position: 'absolute',
        right: 8,
        top: '50%',
        transform: 'translateY(-50%)',
        pointerEvents: 'none',
      }}
      role="img"
      aria-label={`Colour scale: ${name} from ${ticks[0]?.label ?? ''} to ${ticks[ticks.length - 1]?.label ?? ''}${mapping.scale === 'log' ? ', log scale' : ''}`}
    >
      <defs>
        <linearGradient id={`cb${id}`} x1="0" y1="1" x2="0" y2="0">
          {stops.map((s) => (
            <stop key={s.offset} offset={s.offset} stopColor={s.color} />
          ))}
        </linearGradient>
      </defs>
      <rect x="0" y="0" width={W} height={H} rx="6" fill="#0f1420" fillOpacity="0.72" />
      <text x={BAR.x} y="13" fill="#c9d2e6" fontSize="12" fontStyle="italic">
        {name}
        <tspan fontStyle="normal" fill="#9aa6c0" fontSize="11">
          {mapping.scale === 'log' ? '  (log)' : ''}
        </tspan>
      </text>
      <rect x={BAR.x} y={BAR.y} width={BAR.w} height={BAR.h} fill={`url(#cb${id})`} />
      {ticks.map((t) => (
        <g key={t.value} data-testid="color-bar-tick">
          <line
            x1={BAR.x + BAR.w}
            x2={BAR.x + BAR.w + 4}
            y1={y(t.at)}
            y2={y(t.at)}
            stroke="#c9d2e6"
          />
          <text x={BAR.x + BAR.w + 7} y={y(t.at) + 4} fill="#c9d2e6" fontSize="11">
            {t.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
