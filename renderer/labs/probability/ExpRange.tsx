import type { ProbLseModel } from '../../../core/labs/probability/model-lse';
import { PRECISIONS } from '../../../core/ml/probability-float';
import { ChartBox, C, fmt, Label, scale, ticks } from './chart-kit';
import { CLASS_COLORS } from './colors';

/**
 * Where each precision can hold exp(x): a band from the x below which exp rounds to 0 to the x
 * above which it overflows to ∞. Solid ticks are the naive exponents xᵢ, dashed ones the stable
 * exponents xᵢ − max x (never above 0, so never overflowing).
 */
export function ExpRange({ m }: { m: ProbLseModel }) {
  const x = m.inputs;
  let top = -Infinity;
  for (const v of x) top = Math.max(top, v);
  let reach = 130;
  for (const v of x) reach = Math.max(reach, Math.abs(v) * 1.12, Math.abs(v - top) * 1.12);
  return (
    <ChartBox label="Where exp(x) is finite and non-zero, per precision" testId="prob-exp-range">
      {({ w, h, font }) => {
        const left = font * 2;
        const right = font * 2;
        const bottom = font * 3.2;
        const X = scale(-reach, reach, left, w - right);
        // Each precision: its name and range on a line, its band under it.
        const rowH = Math.min(font * 5, (h - bottom - font * 0.5) / 3);
        const y0 = Math.max(font * 0.3, (h - bottom - rowH * 3) / 2);
        const clamp = (v: number) => Math.max(left, Math.min(w - right, X(v)));
        const tickList = ticks(-reach, reach, Math.max(3, Math.floor(w / (font * 6))));
        const band = (r: number) => ({
          top: y0 + rowH * r + font * 1.5,
          height: rowH - font * 1.9,
        });
        return (
          <>
            {PRECISIONS.map((p, r) => {
              const l = m.limits[p];
              const a = clamp(l.zeroBelow);
              const b = clamp(l.overflowAt);
              const { top: bt, height } = band(r);
              return (
                <g key={p}>
                  <Label x={left} y={bt - font * 0.25} size={font} anchor="start" baseline="auto">
                    {`${p}: exp(x) is finite and non-zero for ${fmt(l.zeroBelow, 4)} < x < ${fmt(l.overflowAt, 4)}`}
                  </Label>
                  <rect
                    x={a}
                    width={b - a}
                    y={bt}
                    height={Math.max(2, height)}
                    fill="rgba(0,158,115,0.28)"
                    stroke={C.green}
                  />
                  {Array.from(x, (v, i) => (
                    <g key={i}>
                      <line
                        x1={clamp(v)}
                        x2={clamp(v)}
                        y1={bt}
                        y2={bt + height}
                        stroke={CLASS_COLORS[i]}
                        strokeWidth={2}
                      />
                      <line
                        x1={clamp(v - top)}
                        x2={clamp(v - top)}
                        y1={bt}
                        y2={bt + height}
                        stroke={CLASS_COLORS[i]}
                        strokeWidth={2}
                        strokeDasharray="4 3"
                      />
                    </g>
                  ))}
                </g>
              );
            })}
            <line x1={left} x2={w - right} y1={h - bottom} y2={h - bottom} stroke={C.axis} />
            {tickList.map((t) => (
              <g key={t.value}>
                <line
                  x1={X(t.value)}
                  x2={X(t.value)}
                  y1={h - bottom}
                  y2={h - bottom + font * 0.35}
                  stroke={C.axis}
                />
                <Label
                  x={X(t.value)}
                  y={h - bottom + font * 0.5}
                  size={font}
                  baseline="hanging"
                  muted
                >
                  {t.label}
                </Label>
              </g>
            ))}
            <Label x={(left + w - right) / 2} y={h - font * 0.6} size={font} muted>
              {'exponent x (solid: naive xᵢ, dashed: stable xᵢ − max x)'}
            </Label>
          </>
        );
      }}
    </ChartBox>
  );
}
