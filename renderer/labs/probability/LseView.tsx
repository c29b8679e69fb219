import { F16_MIN_SUBNORMAL } from '../../../core/ml/probability-float';
import { Tex, texNum } from '../../components/Tex';
import { fmt } from './chart-kit';
import { ExpRange } from './ExpRange';
import { LseTable } from './LseTable';
import { useLseModel } from './use-models';

const list = (v: ArrayLike<number>) => `(${Array.from(v, (x) => texNum(x, 5)).join(',\\,')})`;

/**
 * Log-sum-exp in finite precision: the naive and the stable formula on x = z/T + c, computed in
 * float64, float32 and emulated float16, where each precision's exp breaks, and the
 * cross-entropy gradient as float16 stores it.
 */
export function LseView() {
  const m = useLseModel();
  const g = m.gradient16;
  return (
    <div className="prob-lse">
      <section className="prob-formula prob-lse-formulas" data-testid="prob-lse-formulas">
        <div>
          <h3>Naive</h3>
          <Tex block tex={`\\operatorname{LSE}(x) = \\log \\textstyle\\sum_i e^{x_i}`} />
        </div>
        <div>
          <h3>Stable: subtract the largest first</h3>
          <Tex
            block
            tex={`\\operatorname{LSE}(x) = m + \\log \\textstyle\\sum_i e^{x_i - m},\\; m = \\max_i x_i`}
          />
        </div>
        <div className="prob-lse-inputs">
          <Tex block tex={`x = z/T + c = ${list(m.inputs)},\\; c = ${texNum(m.shift, 5)}`} />
        </div>
      </section>
      <section className="prob-panel prob-lse-table-panel">
        <LseTable m={m} />
      </section>
      <section className="prob-panel prob-exp-panel">
        <h3>Where exp(x) is a finite, non-zero number</h3>
        <ExpRange m={m} />
      </section>
      <section className="prob-panel prob-f16-grad" data-testid="prob-f16-gradient">
        <h3>
          The gradient (s − y)/T stored in float16: up to {fmt(F16_MIN_SUBNORMAL / 2, 3)} it becomes
          0, below {fmt(m.limits.float16.minNormal, 3)} it keeps fewer digits
        </h3>
        <table className="prob-grad-table">
          <tbody>
            <tr>
              <th scope="row">class</th>
              {Array.from(m.gradient, (_, i) => (
                <td key={i}>{i + 1}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">float64</th>
              {Array.from(m.gradient, (v, i) => (
                <td key={i}>{fmt(v, 3)}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">float16</th>
              {Array.from(g.values, (v, i) => (
                <td
                  key={i}
                  className={
                    g.flushed.includes(i)
                      ? 'prob-cell-zero'
                      : g.subnormal.includes(i)
                        ? 'prob-cell-sub'
                        : ''
                  }
                  data-testid={`prob-f16-grad-${i}`}
                >
                  {fmt(v, 3)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
        <p className="readout">
          {g.flushed.length === 0
            ? 'No entry became 0 at these logits and T; lower T or spread the logits to see it.'
            : `${g.flushed.length} of ${m.gradient.length} entries became exactly 0: those classes get no update in float16.`}
          {g.subnormal.length > 0 &&
            ` ${g.subnormal.length} ${g.subnormal.length === 1 ? 'entry is' : 'entries are'} subnormal (blue), with fewer than 11 significant bits.`}
        </p>
      </section>
    </div>
  );
}
