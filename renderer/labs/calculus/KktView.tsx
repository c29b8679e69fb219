import { useMemo } from 'react';
import { KKT_GRID, kktModel, kktSweep } from '../../../core/labs/calculus/model-kkt';
import { criticalBox, type CalculusParams } from '../../../core/labs/calculus/params';
import { Tex, texNum } from '../../components/Tex';
import { KktSweepChart } from './KktSweepChart';
import { C, Plot } from './plot-kit';
import { Arrow, gridSegmentsPath } from './plot-shapes';

const n = (v: number, d = 6) => texNum(v, d);

/** f's level lines, the region g ≤ b (the rest shaded), the KKT point and the four conditions. */
export function KktView({ params }: { params: CalculusParams['kkt'] }) {
  const m = useMemo(() => kktModel(params), [params]);
  const { f, g, box: pbox } = params;
  const sweep = useMemo(() => kktSweep({ f, g, box: pbox, b: 0 }), [f, g, pbox]);
  if (!m.ok)
    return (
      <p className="notice" data-testid="calc-kkt-problem">
        {m.message}
      </p>
    );
  const box = criticalBox(params.box);
  const p = m.best;
  const r = p?.residuals;
  return (
    <section className="calc-critical" aria-label="Inequality constraint and KKT conditions">
      <div className="calc-panel">
        <h3>
          Level lines of f; the region g &gt; b is left out (shaded), its edge g = b in orange
        </h3>
        <Plot
          x={{ min: box.xMin, max: box.xMax, title: 'x' }}
          y={{ min: box.yMin, max: box.yMax, title: 'y' }}
          testId="calc-kkt-plot"
          equal
          label="Level lines, allowed region and the KKT point"
          data={{
            'data-lambda': String(p?.lambda ?? NaN),
            'data-fstar': String(p?.f ?? NaN),
            'data-active': p ? String(p.active) : 'none',
          }}
        >
          {(F) => (
            <>
              {m.excluded.map(([x0, x1, y0, y1], i) => (
                <rect
                  key={`e${i}`}
                  x={F.px(x0)}
                  y={F.py(y1)}
                  width={F.px(x1) - F.px(x0)}
                  height={F.py(y0) - F.py(y1) + 1}
                  fill={C.vermillion}
                  opacity={0.16}
                  shapeRendering="crispEdges"
                />
              ))}
              {m.contours.map((c, i) => (
                <path
                  key={i}
                  d={gridSegmentsPath(F, c.segments, box, KKT_GRID)}
                  stroke={C.sky}
                  strokeOpacity={0.2 + (0.5 * i) / m.contours.length}
                  strokeWidth={1.1}
                  fill="none"
                />
              ))}
              <path
                d={gridSegmentsPath(F, m.curve, box, KKT_GRID)}
                stroke={C.orange}
                strokeWidth={2.5}
                fill="none"
              />
              {p && (
                <g>
                  <Arrow
                    F={F}
                    x={p.x}
                    y={p.y}
                    dx={p.gradF[0]}
                    dy={p.gradF[1]}
                    len={3 * F.font}
                    color={C.sky}
                    width={2.5}
                  />
                  {p.active && (
                    <Arrow
                      F={F}
                      x={p.x}
                      y={p.y}
                      dx={p.gradG[0]}
                      dy={p.gradG[1]}
                      len={3 * F.font}
                      color={C.orange}
                      width={2.5}
                    />
                  )}
                  <circle
                    cx={F.px(p.x)}
                    cy={F.py(p.y)}
                    r={0.55 * F.font}
                    fill={C.green}
                    stroke="#000"
                    strokeWidth={1.5}
                  />
                </g>
              )}
            </>
          )}
        </Plot>
        <p className="calc-legend">
          <span>
            <i style={{ background: C.sky }} />
            ∇f
          </span>
          <span>
            <i style={{ background: C.orange }} />
            ∇g (out of the allowed region)
          </span>
        </p>
      </div>
      <div className="calc-panel calc-critical-list" data-testid="calc-kkt-numbers">
        <Tex
          block
          tex={`\\min\\ ${m.tex.f} \\quad\\text{subject to}\\quad ${m.tex.g} \\le ${n(params.b, 4)}`}
        />
        <Tex block tex={`L = f + \\lambda\\,(g - b), \\qquad \\lambda \\ge 0`} />
        {p && r ? (
          <>
            <p className="calc-note" data-testid="calc-kkt-status">
              {p.active && p.lambda === 0
                ? 'On the edge g = b with λ = 0: the unconstrained minimum happens to lie on the boundary.'
                : p.active
                  ? `Active: the solution lies on g = b and λ = ${texPlain(p.lambda)} > 0 — loosening b by a little lowers f* by about λ times as much.`
                  : `Inactive: the unconstrained minimum is allowed (g − b = ${texPlain(p.g - params.b)} < 0), so λ = 0.`}
            </p>
            <Tex
              block
              tex={`(x^*, y^*) = (${n(p.x)}, ${n(p.y)}), \\quad f^* = ${n(p.f, 8)}, \\quad \\lambda = ${n(p.lambda, 8)}`}
            />
            <table className="calc-table" data-testid="calc-kkt-conditions">
              <thead>
                <tr>
                  <th>condition</th>
                  <th>residual</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th>stationarity |∇f + λ∇g|</th>
                  <td>{texPlain(r.stationarity)}</td>
                </tr>
                <tr>
                  <th>primal feasibility max(0, g − b)</th>
                  <td>{texPlain(r.primal)}</td>
                </tr>
                <tr>
                  <th>dual feasibility max(0, −λ)</th>
                  <td>{texPlain(r.dual)}</td>
                </tr>
                <tr>
                  <th>complementary slackness |λ(g − b)|</th>
                  <td>{texPlain(r.slackness)}</td>
                </tr>
              </tbody>
            </table>
            <Tex
              block
              tex={`g(x^*, y^*) - b = ${n(p.g - params.b, 4)}, \\qquad \\lambda\\,(g - b) = ${n(p.lambda * (p.g - params.b), 4)}`}
            />
          </>
        ) : (
          <p className="notice" data-testid="calc-kkt-status">
            No KKT point in the box: the allowed region may be empty here, or f has no minimum in
            it.
          </p>
        )}
        {sweep && <KktSweepChart sweep={sweep} b={params.b} />}
      </div>
    </section>
  );
}

/** A number in plain text (the table and sentences), with − for minus. */
function texPlain(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  const s = a < 1e-3 || a >= 1e5 ? v.toExponential(2) : String(+v.toPrecision(6));
  return s.replace(/-/g, '−');
}
