import { useEffect, useMemo, useRef } from 'react';
import { svmModel, svmNearest } from '../../../core/labs/calculus/model-svm';
import { SVM_EXTENT, type CalculusParams } from '../../../core/labs/calculus/params';
import { Tex, texNum } from '../../components/Tex';
import { C, Plot, pathOf } from './plot-kit';
import { SvmTable } from './SvmTable';
import { calculusSet } from './store';

const n = (v: number, d = 6) => texNum(v, d);
const clamp = (v: number) => Math.max(-SVM_EXTENT, Math.min(SVM_EXTENT, +v.toFixed(3)));

/** Two classes of points, the widest band between them from the dual, and the dual's numbers. */
export function SvmView({ params }: { params: CalculusParams['svm'] }) {
  const m = useMemo(() => svmModel(params), [params]);
  const drag = useRef<number | null>(null);
  useEffect(() => {
    const up = () => (drag.current = null);
    window.addEventListener('pointerup', up);
    return () => window.removeEventListener('pointerup', up);
  }, []);
  const s = m.solution;
  const E = SVM_EXTENT;
  const axis = { min: -E, max: E };
  const move = (x: number, y: number) => {
    drag.current ??= svmNearest(params.points, x, y);
    const i = drag.current;
    calculusSet('svm', {
      points: params.points.map((q, k) => (k === i ? { ...q, x: clamp(x), y: clamp(y) } : q)),
    });
  };
  /** The line w·x + b = level across the plot. */
  const line = (level: number) => {
    if (!s.ok) return null;
    const [w0, w1] = s.w;
    if (Math.abs(w1) > Math.abs(w0)) {
      const xs = [-E, E];
      return { xs, ys: xs.map((x) => (level - s.b - w0 * x) / w1) };
    }
    const ys = [-E, E];
    return { xs: ys.map((y) => (level - s.b - w1 * y) / w0), ys };
  };
  return (
    <section className="calc-critical" aria-label="Hard-margin support vector machine">
      <div className="calc-panel">
        <h3>Drag a point. The line w·x + b = 0 and the band between w·x + b = ±1</h3>
        <Plot
          x={{ ...axis, title: 'x₁' }}
          y={{ ...axis, title: 'x₂' }}
          testId="calc-svm-plot"
          equal
          label="Points, separating line and margin"
          onPointer={move}
          data={{
            'data-margin': String(s.ok ? s.margin : NaN),
            'data-support': s.ok ? s.support.join(' ') : '',
            'data-w': s.ok ? `${s.w[0]} ${s.w[1]}` : '',
          }}
        >
          {(F) => {
            const lo = line(-1);
            const hi = line(1);
            const mid = line(0);
            return (
              <>
                {lo && hi && (
                  <path
                    d={`${pathOf(F, lo.xs, lo.ys)}L${F.px(hi.xs[1])} ${F.py(hi.ys[1])}L${F.px(hi.xs[0])} ${F.py(hi.ys[0])}Z`}
                    fill={C.yellow}
                    opacity={0.12}
                  />
                )}
                {[lo, hi].map(
                  (l, i) =>
                    l && (
                      <path
                        key={i}
                        d={pathOf(F, l.xs, l.ys)}
                        stroke={C.yellow}
                        strokeWidth={1.5}
                        strokeDasharray="6 4"
                        fill="none"
                      />
                    ),
                )}
                {mid && (
                  <path
                    d={pathOf(F, mid.xs, mid.ys)}
                    stroke={C.ink}
                    strokeWidth={2}
                    fill="none"
                    data-testid="calc-svm-line"
                  />
                )}
                {params.points.map((q, i) => {
                  const X = F.px(q.x);
                  const Y = F.py(q.y);
                  const r = 0.5 * F.font;
                  const sv = s.ok && s.support.includes(i);
                  const style = {
                    fill: q.label === 1 ? C.sky : C.orange,
                    stroke: '#000',
                    strokeWidth: 1.5,
                  };
                  return (
                    <g key={i} data-testid={`calc-svm-point-${i}`} data-x={q.x} data-y={q.y}>
                      {sv && (
                        <circle
                          cx={X}
                          cy={Y}
                          r={1.9 * r}
                          fill="none"
                          stroke={C.ink}
                          strokeWidth={2}
                        />
                      )}
                      {q.label === 1 ? (
                        <circle cx={X} cy={Y} r={r} {...style} />
                      ) : (
                        <rect
                          x={X - 0.9 * r}
                          y={Y - 0.9 * r}
                          width={1.8 * r}
                          height={1.8 * r}
                          {...style}
                        />
                      )}
                    </g>
                  );
                })}
              </>
            );
          }}
        </Plot>
        <p className="calc-legend">
          <span>
            <i style={{ background: C.sky }} />
            class +1 (circles)
          </span>
          <span>
            <i style={{ background: C.orange }} />
            class −1 (squares)
          </span>
          <span>ringed: support vectors, α &gt; 0</span>
        </p>
      </div>
      <div className="calc-panel calc-critical-list" data-testid="calc-svm-numbers">
        <Tex
          block
          tex={`\\max_{\\alpha \\ge 0}\\ \\sum_i \\alpha_i - \\tfrac12 \\sum_{i,j} \\alpha_i\\alpha_j y_i y_j\\, x_i\\cdot x_j \\quad\\text{subject to}\\quad \\sum_i \\alpha_i y_i = 0`}
        />
        {s.ok ? (
          <>
            <Tex
              block
              tex={`w = \\sum_i \\alpha_i y_i x_i = (${n(s.w[0])}, ${n(s.w[1])}), \\quad b = ${n(s.b)}, \\quad \\frac{2}{\\lVert w \\rVert} = ${n(s.margin, 8)}`}
            />
            {m.check && (
              <Tex
                block
                tex={`\\text{widest gap over line directions: } ${n(m.check.gap, 8)}, \\quad w = (${n(m.check.w[0])}, ${n(m.check.w[1])})`}
              />
            )}
            <p className="calc-note" data-testid="calc-svm-method">
              {s.exact
                ? `SMO found the support vectors in ${s.iterations} pair steps; their equations y(w·x + b) = 1 with Σαy = 0 then gave α exactly.`
                : `SMO, ${s.iterations} pair steps; more than three points sit on the band’s edges, so α is not unique and is left as SMO found it.`}
            </p>
            <SvmTable points={params.points} s={s} products={m.products} />
          </>
        ) : (
          <p className="notice" data-testid="calc-svm-status">
            {s.reason === 'one-class'
              ? 'Both classes need at least one point.'
              : 'No line separates the two classes, so the hard-margin problem has no solution: drag a point back across.'}
          </p>
        )}
      </div>
    </section>
  );
}
