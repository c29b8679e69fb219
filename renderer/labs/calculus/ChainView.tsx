import { useMemo } from 'react';
import { chainModel } from '../../../core/labs/calculus/model-chain';
import type { CalculusParams } from '../../../core/labs/calculus/params';
import { Tex, texNum } from '../../components/Tex';

const n = (v: number, d = 8) => texNum(v, d);

/**
 * The chain rule for f(g(x)) with numbers: each factor and the product at a, the derivative the
 * engine found from the composite by itself, and a difference quotient as an independent check.
 */
export function ChainView({ params }: { params: CalculusParams['chain'] }) {
  const m = useMemo(() => chainModel(params), [params]);
  if (!m.ok)
    return (
      <p className="notice" data-testid="calc-chain-problem">
        {m.message}
      </p>
    );
  const a = n(m.a, 6);
  const gap = Math.abs(m.product - m.symbolic);
  const rel = Math.abs(m.check - m.symbolic) / Math.max(1e-300, Math.abs(m.symbolic));
  const digits = rel === 0 ? 16 : Math.max(0, Math.min(16, Math.floor(-Math.log10(rel))));
  return (
    <section className="calc-chain" aria-label="Chain rule" data-testid="calc-chain">
      <div className="calc-panel">
        <h3>The two functions and their derivatives</h3>
        <Tex block tex={`f(u) = ${m.tex.outer}, \\qquad f'(u) = ${m.tex.outerPrime}`} />
        <Tex block tex={`g(x) = ${m.tex.inner}, \\qquad g'(x) = ${m.tex.innerPrime}`} />
        <Tex block tex={`h(x) = f(g(x)) = ${m.tex.composite}`} />
      </div>
      <div className="calc-panel" data-testid="calc-chain-numbers">
        <h3>
          Chain rule at a = {+m.a.toPrecision(6)}: outer slope at the inner value, times the inner
          slope
        </h3>
        <Tex block tex={`g(${a}) = ${n(m.g)}, \\qquad g'(${a}) = ${n(m.gPrime)}`} />
        <Tex block tex={`f'(g(${a})) = f'(${n(m.g)}) = ${n(m.fPrimeOfG)}`} />
        <Tex
          block
          tex={`h'(${a}) = f'(g(${a}))\\cdot g'(${a}) = ${n(m.fPrimeOfG)} \\times ${n(m.gPrime)} = ${n(m.product, 12)}`}
        />
      </div>
      <div className="calc-panel" data-testid="calc-chain-engine">
        <h3>What the engine derived from h on its own, and a numerical check</h3>
        <Tex block tex={`h'(x) = ${m.tex.compositePrime}`} />
        <Tex
          block
          tex={`h'(${a}) = ${n(m.symbolic, 12)} \\qquad \\left|\\,\\text{product} - \\text{engine}\\,\\right| = ${n(gap, 2)}`}
        />
        <Tex
          block
          tex={`\\frac{h(a + \\delta) - h(a - \\delta)}{2\\delta}\\Big|_{\\delta = ${n(m.checkH, 2)}} = ${n(m.check, 12)}`}
        />
        <p className="calc-note">
          The check agrees with the engine to {digits} significant digits: a central difference
          carries an error near δ² and rounding, so it checks the rule, it does not replace it.
        </p>
      </div>
    </section>
  );
}
