import { useMemo } from 'react';
import { taylorModel, type TaylorModel } from '../../../core/labs/calculus/model-taylor';
import { taylorRange, type CalculusParams } from '../../../core/labs/calculus/params';
import { Tex, texNum } from '../../components/Tex';
import { C, fmt, pathOf, Plot, type Frame } from './plot-kit';
import { calculusSet } from './store';

/** Tₙ(x) written out with its coefficients, e.g. 1 + x + 0.5 x² or 2 − 3(x − 1) + …. */
export function taylorTex(m: TaylorModel): string {
  const scale = Math.max(...Array.from(m.coeffs.subarray(0, m.order + 1), Math.abs));
  const base =
    m.a === 0 ? 'x' : `\\left(x ${m.a > 0 ? '-' : '+'} ${texNum(Math.abs(m.a), 4)}\\right)`;
  const terms: string[] = [];
  for (let k = 0; k <= m.order; k++) {
    const c = m.coeffs[k];
    if (!(Math.abs(c) > 1e-14 * scale)) continue;
    const mag = texNum(Math.abs(c), 4);
    const power = k === 0 ? '' : k === 1 ? base : `${base}^{${k}}`;
    const body = k === 0 ? mag : mag === '1' ? power : `${mag}\\,${power}`;
    terms.push(`${terms.length === 0 ? (c < 0 ? '-' : '') : c < 0 ? ' - ' : ' + '}${body}`);
  }
  return `T_{${m.order}}(x) = ${terms.join('') || '0'}`;
}

const FLOOR = -16;
const log10 = (v: number) => (v > 0 ? Math.max(FLOOR, Math.log10(v)) : FLOOR);

function radiusLines(F: Frame, m: TaylorModel) {
  const R = m.radius.ratio;
  if (!Number.isFinite(R) || m.radius.growing) return null;
  return [m.a - R, m.a + R].map((x) => (
    <line
      key={x}
      x1={F.px(x)}
      x2={F.px(x)}
      y1={F.top}
      y2={F.bottom}
      stroke={C.pink}
      strokeWidth={1.5}
      strokeDasharray="6 4"
    />
  ));
}

/** f with its Taylor polynomial about a draggable a, the errors of orders 1…n, and the radius. */
export function TaylorView({ params }: { params: CalculusParams['taylor'] }) {
  const m = useMemo(() => taylorModel(params), [params]);
  if (!m.ok)
    return (
      <p className="notice" data-testid="calc-taylor-problem">
        {m.message}
      </p>
    );
  const { lo, hi } = taylorRange(params.window);
  const x = { min: lo, max: hi, title: 'x (press and drag to move a)' };
  const setA = (v: number) =>
    calculusSet('taylor', { a: +Math.max(-20, Math.min(20, v)).toFixed(3) });
  let top = 0;
  for (const e of m.err)
    for (const v of e) if (v > 0 && Number.isFinite(v)) top = Math.max(top, Math.log10(v));
  const R = m.radius;
  return (
    <section className="calc-taylor" aria-label="Taylor series">
      <div className="calc-panel calc-taylor-f">
        <h3>
          f and its Taylor polynomial of order {m.order} about a = {fmt(m.a)}
        </h3>
        <Plot
          x={x}
          y={{ min: m.yRange[0], max: m.yRange[1], title: 'f(x), Tₙ(x)' }}
          testId="calc-taylor-plot"
          label="The function and its Taylor polynomials"
          data={{ 'data-a': String(m.a), 'data-order': String(m.order) }}
          onPointer={(px) => setA(px)}
        >
          {(F) => (
            <>
              {radiusLines(F, m)}
              <path d={pathOf(F, m.xs, m.f)} stroke={C.ink} strokeWidth={2.5} fill="none" />
              {m.poly.map((p, i) => (
                <path
                  key={i}
                  d={pathOf(F, m.xs, p)}
                  stroke={C.orange}
                  strokeOpacity={i === m.order - 1 ? 1 : 0.18}
                  strokeWidth={i === m.order - 1 ? 2.5 : 1.2}
                  fill="none"
                />
              ))}
              <line
                x1={F.px(m.a)}
                x2={F.px(m.a)}
                y1={F.top}
                y2={F.bottom}
                stroke={C.sky}
                strokeDasharray="3 3"
              />
              <circle
                cx={F.px(m.a)}
                cy={F.py(m.coeffs[0])}
                r={6}
                fill={C.sky}
                data-testid="calc-taylor-a"
              />
            </>
          )}
        </Plot>
      </div>
      <div className="calc-panel calc-taylor-err">
        <h3>
          Error |f(x) − Tₖ(x)| for k = 1 … {m.order} (the brightest is k = {m.order})
        </h3>
        <Plot
          x={x}
          y={{
            min: FLOOR,
            max: Math.min(8, Math.ceil(top + 0.5)),
            title: '|f − Tₖ|',
            decades: true,
          }}
          testId="calc-taylor-errors"
          label="Error of each Taylor polynomial"
          onPointer={(px) => setA(px)}
        >
          {(F) => (
            <>
              {radiusLines(F, m)}
              {m.err.map((e, i) => (
                <path
                  key={i}
                  d={pathOf(F, m.xs, Array.from(e, log10))}
                  stroke={C.orange}
                  strokeOpacity={0.2 + (0.8 * (i + 1)) / m.order}
                  strokeWidth={i === m.order - 1 ? 2.5 : 1.2}
                  fill="none"
                />
              ))}
              <line
                x1={F.px(m.a)}
                x2={F.px(m.a)}
                y1={F.top}
                y2={F.bottom}
                stroke={C.sky}
                strokeDasharray="3 3"
              />
            </>
          )}
        </Plot>
      </div>
      <div className="calc-panel calc-numbers" data-testid="calc-taylor-numbers">
        <Tex block tex={`f(x) = ${m.tex}`} />
        <Tex block tex={taylorTex(m)} />
        {R.from ? (
          <Tex
            block
            tex={`R \\approx \\left|\\frac{c_{${R.from[0]}}}{c_{${R.from[1]}}}\\right|^{1/${R.from[1] - R.from[0]}} = \\left|\\frac{${texNum(m.coeffs[R.from[0]], 4)}}{${texNum(m.coeffs[R.from[1]], 4)}}\\right|^{1/${R.from[1] - R.from[0]}} = ${texNum(R.ratio, 4)}`}
          />
        ) : (
          <p className="calc-note">Too few non-zero coefficients to estimate a radius.</p>
        )}
        <p className="calc-note" data-testid="calc-radius-note">
          {!R.from
            ? ''
            : R.growing
              ? 'The estimate keeps growing with the order: the series seems to converge for every x.'
              : `Pink lines: a ± ${fmt(R.ratio, 3)}. Inside, a higher order fits better; outside, it fits worse.`}
          {m.maxOrder < 10 && ` Derivatives past order ${m.maxOrder} grow too large to build here.`}
        </p>
      </div>
    </section>
  );
}
