import { useMemo } from 'react';
import {
  CRITICAL_GRID,
  CRITICAL_REL_TOL,
  criticalModel,
} from '../../../core/labs/calculus/model-critical';
import { criticalBox, type CalculusParams } from '../../../core/labs/calculus/params';
import type { Sym2Curvature } from '../../../core/math/linalg2';
import { Tex, texNum } from '../../components/Tex';
import { C, fmt, Plot } from './plot-kit';
import { gridSegmentsPath } from './plot-shapes';

export const KIND_COLOR: Record<Sym2Curvature, string> = {
  minimum: C.green,
  saddle: C.yellow,
  maximum: C.vermillion,
  degenerate: '#bbbbbb',
};

const PLURAL: Record<Sym2Curvature, string> = {
  minimum: 'minima',
  saddle: 'saddles',
  maximum: 'maxima',
  degenerate: 'degenerate',
};

/** A marker per kind: circle, diamond, triangle, square (told apart without colour too). */
function Marker({ kind, X, Y, r }: { kind: Sym2Curvature; X: number; Y: number; r: number }) {
  const style = { fill: KIND_COLOR[kind], stroke: '#000', strokeWidth: 1.5 };
  if (kind === 'minimum') return <circle cx={X} cy={Y} r={r} {...style} />;
  if (kind === 'saddle')
    return <path d={`M${X} ${Y - r}L${X + r} ${Y}L${X} ${Y + r}L${X - r} ${Y}Z`} {...style} />;
  if (kind === 'maximum')
    return (
      <path d={`M${X} ${Y - r}L${X + r} ${Y + 0.8 * r}L${X - r} ${Y + 0.8 * r}Z`} {...style} />
    );
  return <rect x={X - 0.8 * r} y={Y - 0.8 * r} width={1.6 * r} height={1.6 * r} {...style} />;
}

/** Contours of f(x, y) with every critical point found, and the list with Hessian eigenvalues. */
export function CriticalView({ params }: { params: CalculusParams['critical'] }) {
  const m = useMemo(() => criticalModel(params), [params]);
  if (!m.ok)
    return (
      <p className="notice" data-testid="calc-critical-problem">
        {m.message}
      </p>
    );
  const box = criticalBox(params.box);
  const counts = (['minimum', 'saddle', 'maximum', 'degenerate'] as const).map(
    (k) => [k, m.points.filter((p) => p.kind === k).length] as const,
  );
  return (
    <section className="calc-critical" aria-label="Critical points">
      <div className="calc-panel calc-critical-map">
        <h3>Contours of f and the critical points Newton found from 121 starts</h3>
        <Plot
          x={{ min: box.xMin, max: box.xMax, title: 'x' }}
          y={{ min: box.yMin, max: box.yMax, title: 'y' }}
          testId="calc-critical-plot"
          equal
          label="Contour map with critical points"
          data={{ 'data-kinds': m.points.map((p) => p.kind).join(',') }}
        >
          {(F) => (
            <>
              {m.contours.map((c, i) => (
                <path
                  key={i}
                  d={gridSegmentsPath(F, c.segments, box, CRITICAL_GRID)}
                  stroke={C.sky}
                  strokeOpacity={0.25 + (0.6 * i) / m.contours.length}
                  strokeWidth={1.2}
                  fill="none"
                />
              ))}
              {m.points.map((p, i) => (
                <Marker key={i} kind={p.kind} X={F.px(p.x)} Y={F.py(p.y)} r={0.6 * F.font} />
              ))}
            </>
          )}
        </Plot>
      </div>
      <div className="calc-panel calc-critical-list" data-testid="calc-critical-list">
        <Tex block tex={`f(x, y) = ${m.tex}`} />
        <p className="calc-legend">
          {counts.map(([k, count]) => (
            <span key={k}>
              <i style={{ background: KIND_COLOR[k], height: 10, width: 10 }} />
              {count} {count === 1 ? k : PLURAL[k]}
            </span>
          ))}
        </p>
        <table className="calc-table">
          <thead>
            <tr>
              <th scope="col">kind</th>
              <th scope="col">x</th>
              <th scope="col">y</th>
              <th scope="col">f</th>
              <th scope="col">λ₁</th>
              <th scope="col">λ₂</th>
            </tr>
          </thead>
          <tbody>
            {m.points.slice(0, 16).map((p, i) => (
              <tr key={i} data-kind={p.kind}>
                <th scope="row" style={{ color: KIND_COLOR[p.kind] }}>
                  {p.kind}
                </th>
                <td>{fmt(p.x, 5)}</td>
                <td>{fmt(p.y, 5)}</td>
                <td>{fmt(p.f, 5)}</td>
                <td>{fmt(p.lambda1, 4)}</td>
                <td>{fmt(p.lambda2, 4)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {m.points.length > 16 && <p className="calc-note">and {m.points.length - 16} more.</p>}
        <Tex
          block
          tex={`\\lambda_2 > \\tau:\\ \\text{minimum},\\quad \\lambda_1 < -\\tau:\\ \\text{maximum},\\quad \\lambda_1 > \\tau > -\\tau > \\lambda_2:\\ \\text{saddle},\\quad \\tau = ${texNum(CRITICAL_REL_TOL, 2)}\\cdot\\max|\\lambda|`}
        />
      </div>
    </section>
  );
}
