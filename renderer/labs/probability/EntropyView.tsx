import { Tex, texNum } from '../../components/Tex';
import { Bars } from './Bars';
import { C } from './chart-kit';
import { Stacked } from './Stacked';
import { entropySet, useProbStore } from './store';
import { useEntropyModel } from './use-models';

/**
 * Dragging one bar sets that outcome's probability and rescales the others in proportion, so
 * the distribution still sums to 1 (weights stay in [0, 1], as the schema wants).
 */
function reweigh(w: number[], i: number, v: number): number[] {
  const rest = w.reduce((a, b, j) => (j === i ? a : a + b), 0);
  return w.map((x, j) => {
    if (j === i) return v;
    const share = rest > 0 ? x / rest : 1 / (w.length - 1);
    return +((1 - v) * share).toFixed(6);
  });
}

const tn = (v: number) => (Number.isFinite(v) ? texNum(v, 4) : '\\infty');

/**
 * Entropy and KL: p and q as bars to drag, cross-entropy split into entropy plus KL both ways
 * round (KL is not symmetric), and the numbers with their formulas.
 */
export function EntropyView() {
  const m = useEntropyModel();
  const pairs = useProbStore((s) => s.params.entropy.pairs);
  const set = (key: 'p' | 'q') => (i: number, v: number) => {
    const m2 = m[key];
    const next = reweigh(Array.from(m2), i, v);
    entropySet({ pairs: pairs.map((x, j) => ({ ...x, [key]: next[j] })) });
  };
  const u = m.units === 'bits' ? '\\log_2' : '\\ln';
  return (
    <div className="prob-entropy">
      <section className="prob-panel">
        <h3>
          Two distributions: <span style={{ color: C.orange }}>p</span> and{' '}
          <span style={{ color: C.sky }}>q</span> (drag a bar)
        </h3>
        <Bars
          label="Distributions p and q: drag a bar"
          testId="prob-pq-bars"
          series={[
            { name: 'p', values: m.p, color: C.orange, step: 0.01, onChange: set('p') },
            { name: 'q', values: m.q, color: C.sky, step: 0.01, onChange: set('q') },
          ]}
          domain={[0, 1]}
          yTitle="probability"
          classLabel={(i) => `${i + 1}`}
        />
      </section>
      <section className="prob-panel">
        <h3>Cross-entropy = entropy + KL, both ways round</h3>
        <Stacked m={m} />
      </section>
      <section className="prob-formula" data-testid="prob-entropy-formula">
        <Tex
          block
          tex={`H(p) = -\\textstyle\\sum_i p_i ${u} p_i = ${tn(m.hP)},\\; H(q) = ${tn(m.hQ)},\\; H(p,q) = -\\textstyle\\sum_i p_i ${u} q_i = ${tn(m.hPQ)},\\; H(q,p) = ${tn(m.hQP)}`}
        />
        <Tex
          block
          tex={`\\mathrm{KL}(p\\,\\|\\,q) = \\textstyle\\sum_i p_i ${u}\\frac{p_i}{q_i} = ${tn(m.klPQ)},\\; \\mathrm{KL}(q\\,\\|\\,p) = ${tn(m.klQP)}\\ \\text{${m.units}}`}
        />
      </section>
    </div>
  );
}
