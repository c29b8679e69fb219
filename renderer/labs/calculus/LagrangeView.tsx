import { useMemo } from 'react';
import { LAGRANGE_GRID, lagrangeModel } from '../../../core/labs/calculus/model-lagrange';
import { criticalBox, type CalculusParams } from '../../../core/labs/calculus/params';
import { Tex, texNum } from '../../components/Tex';
import { C, fmt, Plot } from './plot-kit';
import { Arrow, gridSegmentsPath } from './plot-shapes';

const n = (v: number, d = 6) => texNum(v, d);

/** f's level lines, the constraint g = b with ∇f and ∇g along it, and the solution with λ. */
export function LagrangeView({ params }: { params: CalculusParams['lagrange'] }) {
  const m = useMemo(() => lagrangeModel(params), [params]);
  if (!m.ok)
    return (
      <p className="notice" data-testid="calc-lagrange-problem">
        {m.message}
      </p>
    );
  const box = criticalBox(params.box);
  const best = m.points[0];
  return (
    <section className="calc-critical" aria-label="Lagrange multipliers">
      <div className="calc-panel">
        <h3>Level lines of f, the constraint g = b (orange), ∇f (blue) and ∇g (orange) along it</h3>
        <Plot
          x={{ min: box.xMin, max: box.xMax, title: 'x' }}
          y={{ min: box.yMin, max: box.yMax, title: 'y' }}
          testId="calc-lagrange-plot"
          equal
          label="Level lines, constraint and gradients"
          data={{
            'data-lambda': String(best?.lambda ?? NaN),
            'data-fstar': String(best?.f ?? NaN),
          }}
        >
          {(F) => (
            <>
              {m.contours.map((c, i) => (
                <path
                  key={i}
                  d={gridSegmentsPath(F, c.segments, box, LAGRANGE_GRID)}
                  stroke={C.sky}
                  strokeOpacity={0.2 + (0.5 * i) / m.contours.length}
                  strokeWidth={1.1}
                  fill="none"
                />
              ))}
              <path
                d={gridSegmentsPath(F, m.curve, box, LAGRANGE_GRID)}
                stroke={C.orange}
                strokeWidth={2.5}
                fill="none"
              />
              {m.arrows.map(([x, y, fx, fy, gx, gy], i) => (
                <g key={i} opacity={0.75}>
                  <Arrow
                    F={F}
                    x={x}
                    y={y}
                    dx={fx}
                    dy={fy}
                    len={1.8 * F.font}
                    color={C.sky}
                    width={1.5}
                  />
                  <Arrow
                    F={F}
                    x={x}
                    y={y}
                    dx={gx}
                    dy={gy}
                    len={1.8 * F.font}
                    color={C.orange}
                    width={1.5}
                  />
                </g>
              ))}
              {m.points.map((p, i) => (
                <g key={i}>
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
                  <circle
                    cx={F.px(p.x)}
                    cy={F.py(p.y)}
                    r={0.55 * F.font}
                    fill={i === 0 ? C.green : '#bbbbbb'}
                    stroke="#000"
                    strokeWidth={1.5}
                  />
                </g>
              ))}
            </>
          )}
        </Plot>
      </div>
      <div className="calc-panel calc-critical-list" data-testid="calc-lagrange-numbers">
        <Tex
          block
          tex={`\\min\\ f(x, y) = ${m.tex.f} \\quad\\text{subject to}\\quad ${m.tex.g} = ${n(params.b, 4)}`}
        />
        <Tex
          block
          tex={`L = f + \\lambda\\,(g - b), \\qquad \\nabla f + \\lambda \\nabla g = 0, \\quad g = b`}
        />
        {best ? (
          <>
            <Tex
              block
              tex={`(x^*, y^*) = (${n(best.x)}, ${n(best.y)}), \\quad f^* = ${n(best.f, 8)}, \\quad \\lambda = ${n(best.lambda, 8)}`}
            />
            <Tex
              block
              tex={`\\nabla f = (${n(best.gradF[0], 5)}, ${n(best.gradF[1], 5)}) = -\\lambda\\,\\nabla g = ${n(-best.lambda, 5)}\\cdot(${n(best.gradG[0], 5)}, ${n(best.gradG[1], 5)})`}
            />
            <Tex
              block
              tex={`\\frac{f^*(b+\\delta) - f^*(b-\\delta)}{2\\delta}\\Big|_{\\delta = ${n(m.delta, 2)}} = ${n(m.rate, 8)} \\quad\\text{and}\\quad -\\lambda = ${n(-best.lambda, 8)}`}
            />
            {m.points.length > 1 && (
              <p className="calc-note">
                Other points where ∇f ∥ ∇g (grey):{' '}
                {m.points
                  .slice(1, 6)
                  .map(
                    (p) =>
                      `(${fmt(p.x, 4)}, ${fmt(p.y, 4)}) with f = ${fmt(p.f, 4)}, λ = ${fmt(p.lambda, 4)}`,
                  )
                  .join('; ')}
                .
              </p>
            )}
          </>
        ) : (
          <p className="notice">
            No point of the curve g = b in the box has ∇f parallel to ∇g (or Newton found none).
          </p>
        )}
      </div>
    </section>
  );
}
