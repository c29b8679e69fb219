import type { ProbSoftmaxModel } from '../../../core/labs/probability/model-softmax';
import { T_CURVE } from '../../../core/labs/probability/model-softmax';
import { ChartBox, C, fmt, Label } from './chart-kit';
import { CLASS_COLORS } from './colors';
import { softmaxSet } from './store';

/**
 * The probability simplex for 3 classes: every distribution (s₁, s₂, s₃) is a point of the
 * triangle (a corner is one class for sure, the centre is uniform). The dot is s now; the dashed
 * path is s as T runs from 0.05 (near the corner of the largest logit) to 20 (near the centre).
 */
export function Simplex({ m }: { m: ProbSoftmaxModel }) {
  if (m.k !== 3)
    return (
      <div className="prob-simplex-note" data-testid="prob-simplex-note">
        <p>The triangle pictures exactly three classes; these logits have {m.k}.</p>
        <button
          onClick={() =>
            softmaxSet({
              logits: [...m.logits.slice(0, 3), 0, 0].slice(0, 3),
              target: Math.min(m.targetClass, 2),
            })
          }
          data-testid="prob-three-classes"
        >
          Use three classes
        </button>
      </div>
    );
  const s = m.probabilities;
  return (
    <ChartBox
      label="Probability simplex for three classes"
      testId="prob-simplex"
      data={{ point: Array.from(s, (v) => v.toFixed(4)).join(',') }}
    >
      {({ w, h, font }) => {
        const pad = font * 2.6;
        const side = Math.max(10, Math.min(w - 2 * pad, ((h - 2 * pad) * 2) / Math.sqrt(3)));
        const th = (side * Math.sqrt(3)) / 2;
        const ox = (w - side) / 2;
        const oy = (h + th) / 2;
        // Corners: class 1 bottom left, class 2 bottom right, class 3 top.
        const V = [
          [ox, oy],
          [ox + side, oy],
          [ox + side / 2, oy - th],
        ];
        const at = (p: ArrayLike<number>, o = 0) =>
          [0, 1].map((c) => p[o] * V[0][c] + p[o + 1] * V[1][c] + p[o + 2] * V[2][c]) as [
            number,
            number,
          ];
        let d = '';
        for (let n = 0; n < T_CURVE.length; n++) {
          const [x, y] = at(m.path, n * 3);
          d += `${n ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
        }
        const [px, py] = at(s);
        const [cx, cy] = at([1 / 3, 1 / 3, 1 / 3]);
        const placement = [
          { dx: -0.4, dy: 1.2, anchor: 'start' as const },
          { dx: 0.4, dy: 1.2, anchor: 'end' as const },
          { dx: 0, dy: -1.1, anchor: 'middle' as const },
        ];
        return (
          <>
            <path d={`M${V[0]}L${V[1]}L${V[2]}Z`} fill="rgba(86,180,233,0.06)" stroke={C.axis} />
            <circle cx={cx} cy={cy} r={font * 0.25} fill="none" stroke={C.grey} />
            <path
              d={d}
              fill="none"
              stroke={C.grey}
              strokeDasharray="5 4"
              strokeWidth={1.5}
              data-testid="prob-simplex-path"
            />
            {V.map((v, i) => (
              <g key={i}>
                <circle cx={v[0]} cy={v[1]} r={font * 0.3} fill={CLASS_COLORS[i]} />
                <Label
                  x={v[0] + placement[i].dx * font}
                  y={v[1] + placement[i].dy * font}
                  size={font}
                  anchor={placement[i].anchor}
                >
                  {`class ${i + 1}: ${fmt(s[i])}`}
                </Label>
              </g>
            ))}
            <Label x={cx} y={cy + font * 1.1} size={font} muted>
              uniform
            </Label>
            <circle
              cx={px}
              cy={py}
              r={font * 0.45}
              fill="#ffffff"
              stroke="#000"
              strokeWidth={1.5}
            />
            <Label x={px + font * 0.7} y={py - font * 0.7} size={font} anchor="start">
              {`s at T = ${fmt(m.temperature)}`}
            </Label>
          </>
        );
      }}
    </ChartBox>
  );
}
