import { LOGIT_RANGE } from '../../../core/labs/probability/params';
import { Tex, texNum } from '../../components/Tex';
import { Bars } from './Bars';
import { CLASS_COLORS } from './colors';
import { EntropyCurve } from './EntropyCurve';
import { Simplex } from './Simplex';
import { softmaxSet, useProbStore } from './store';
import { useSoftmaxModel } from './use-models';

const vec = (v: ArrayLike<number>) => `(${Array.from(v, (x) => texNum(x, 3)).join(',\\,')})`;

/**
 * Softmax: the logits as bars to drag, the probabilities they give at temperature T, the point
 * of the simplex (three classes) with its path over T, and the entropy against T.
 */
export function SoftmaxView() {
  const m = useSoftmaxModel();
  const logits = useProbStore((s) => s.params.softmax.logits);
  const color = (i: number) => CLASS_COLORS[i];
  return (
    <div className="prob-softmax">
      <section className="prob-panel prob-logits">
        <h3>Logits z: drag a bar</h3>
        <Bars
          label="Logits: drag a bar up or down"
          testId="prob-logit-bars"
          series={[
            {
              name: 'logit',
              values: logits,
              color,
              step: 0.05,
              onChange: (i, v) => softmaxSet({ logits: logits.map((z, j) => (j === i ? v : z)) }),
            },
          ]}
          domain={[LOGIT_RANGE.min, LOGIT_RANGE.max]}
          yTitle="logit z"
          classLabel={(i) => `z${i + 1}`}
        />
      </section>
      <section className="prob-panel prob-probs">
        <h3>
          Probabilities <Tex tex={`s = \\operatorname{softmax}(z / ${texNum(m.temperature, 3)})`} />
        </h3>
        <Bars
          label="Probabilities"
          testId="prob-prob-bars"
          data={{ probabilities: Array.from(m.probabilities, (v) => v.toFixed(6)).join(',') }}
          series={[{ name: 'probability', values: m.probabilities, color }]}
          domain={[0, 1]}
          yTitle="probability s"
          classLabel={(i) => `s${i + 1}`}
        />
      </section>
      <section className="prob-panel prob-simplex-panel">
        <h3>Where s sits among all distributions</h3>
        <Simplex m={m} />
      </section>
      <section className="prob-panel prob-entropy-panel">
        <h3>Entropy from argmax (0) to uniform (log k)</h3>
        <EntropyCurve m={m} />
      </section>
      <section className="prob-formula" data-testid="prob-softmax-formula">
        <Tex
          block
          tex={`s_i = \\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}},\\; s = ${vec(m.probabilities)},\\; H(s) = ${texNum(m.entropy, 3)}\\text{ nats},\\; \\log\\textstyle\\sum_j e^{z_j/T} = ${texNum(m.lse, 4)}`}
        />
      </section>
    </div>
  );
}
