import { useMemo } from 'react';
import { derivativeModel } from '../../../core/labs/calculus/model-derivative';
import type { CalculusParams } from '../../../core/labs/calculus/params';
import { CALC_EPS } from '../../../core/math/calc-diff';
import { Tex, texNum } from '../../components/Tex';
import { DIFF_COLOR, DIFF_NAME, ErrorChart, ErrorLegend } from './ErrorChart';
import { fmt } from './plot-kit';
import { SecantPlot } from './SecantPlot';

const n = (v: number, d = 6) => texNum(v, d);

/** Secant and tangent, the error of three difference formulas over h, and the numbers behind both. */
export function DerivativeView({ params }: { params: CalculusParams['derivative'] }) {
  const m = useMemo(() => derivativeModel(params), [params]);
  if (!m.ok)
    return (
      <p className="notice" data-testid="calc-derivative-problem">
        {m.message}
      </p>
    );
  const [fwd, cen] = m.curves;
  const e = n(CALC_EPS, 3);
  return (
    <section className="calc-derivative" aria-label="Derivative">
      <div className="calc-panel calc-secant">
        <h3>Secant through a and a + h, and the tangent at a</h3>
        <SecantPlot m={m} span={params.span} />
      </div>
      <div className="calc-panel calc-errors">
        <h3>Error of each estimate of f′(a) against h, in float64</h3>
        <ErrorLegend m={m} />
        <ErrorChart m={m} />
      </div>
      <div className="calc-panel calc-numbers" data-testid="calc-derivative-numbers">
        <Tex block tex={`f(x) = ${m.tex.f}, \\quad f'(x) = ${m.tex.df}`} />
        <Tex
          block
          tex={`\\frac{f(a+h) - f(a)}{h} = \\frac{${n(m.fah, 10)} - ${n(m.fa, 10)}}{${n(m.h, 3)}} = ${n(m.secantSlope, 10)}, \\quad f'(${n(m.a)}) = ${n(m.slope, 10)}`}
        />
        {m.stepLost && (
          <p className="notice" data-testid="calc-step-lost">
            a + h rounds back to a in float64 (h is below half the spacing of numbers near a), so
            f(a + h) − f(a) is exactly 0 and so is the secant’s slope.
          </p>
        )}
        <table className="calc-table" data-testid="calc-estimates">
          <thead>
            <tr>
              <th scope="col">at h = {fmt(m.h, 3)}</th>
              <th scope="col">estimate</th>
              <th scope="col">error</th>
            </tr>
          </thead>
          <tbody>
            {m.curves.map((c) => (
              <tr key={c.kind} data-kind={c.kind}>
                <th scope="row" style={{ color: DIFF_COLOR[c.kind] }}>
                  {DIFF_NAME[c.kind]}
                </th>
                <td>{fmt(m.atH[c.kind], 12)}</td>
                <td>{fmt(Math.abs(m.atH[c.kind] - m.slope), 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Tex
          block
          tex={`\\text{forward: best } h = ${n(fwd.bestH, 2)}, \\quad 2\\sqrt{\\varepsilon\\,|f(a)|/|f''(a)|} = 2\\sqrt{${e}\\cdot ${n(Math.abs(m.fa), 4)}/${n(Math.abs(m.f2), 4)}} = ${n(m.theory.forwardH, 2)}`}
        />
        <Tex
          block
          tex={`\\text{central: best } h = ${n(cen.bestH, 2)}, \\quad \\sqrt[3]{3\\varepsilon\\,|f(a)|/|f'''(a)|} = \\sqrt[3]{3\\cdot ${e}\\cdot ${n(Math.abs(m.fa), 4)}/${n(Math.abs(m.f3), 4)}} = ${n(m.theory.centralH, 2)}`}
        />
      </div>
    </section>
  );
}
