import { GRADIENT_CHECK_TOLERANCE } from '../../../core/ml/gradient-check';
import { numLabel } from '../../../core/math/num-format';
import { bpSet, useInsideStore } from './store';
import { useBpModel } from './use-models';

/**
 * Gradient check: each weight's gradient from the backward pass beside the central difference of
 * the loss, their relative error and whether it is under the tolerance. The button plants (or
 * removes) the bug that drops every activation's derivative.
 */
export function GradCheck() {
  const m = useBpModel();
  const bug = useInsideStore((s) => s.params.backprop.bug);
  const failed = m.check.filter((r) => !r.ok).length;
  return (
    <section className="inside-panel inside-check" data-testid="bp-check">
      <h3>Gradient check</h3>
      <button
        aria-pressed={bug}
        onClick={() => bpSet({ bug: !bug })}
        data-testid="bp-bug"
        className={bug ? 'inside-bug-on' : ''}
      >
        {bug
          ? 'Bug planted: σ′ and tanh′ dropped (click to fix)'
          : 'Plant a bug: drop σ′ and tanh′'}
      </button>
      <table>
        <thead>
          <tr>
            <th>∂L/∂</th>
            <th>backprop</th>
            <th>central diff.</th>
            <th>rel. error</th>
          </tr>
        </thead>
        <tbody>
          {m.check.map((r) => (
            <tr key={r.id} className={r.ok ? '' : 'inside-bad'} data-testid={`bp-check-${r.id}`}>
              <td>{m.graph.nodes.find((x) => x.id === r.id)?.text}</td>
              <td>{numLabel(r.analytic)}</td>
              <td>{numLabel(r.numeric)}</td>
              <td>
                {numLabel(r.relError, 2)} {r.ok ? '✓' : '✗'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p
        className={failed ? 'inside-verdict inside-bad' : 'inside-verdict'}
        data-testid="bp-verdict"
      >
        {failed
          ? `${failed} of ${m.check.length} gradients disagree with the finite differences (relative error above ${numLabel(GRADIENT_CHECK_TOLERANCE)}).`
          : `All ${m.check.length} gradients agree with the finite differences (relative error below ${numLabel(GRADIENT_CHECK_TOLERANCE)}).`}
      </p>
    </section>
  );
}
