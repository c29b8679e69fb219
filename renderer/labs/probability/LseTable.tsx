import type { LseRow, ProbLseModel } from '../../../core/labs/probability/model-lse';
import { fmt } from './chart-kit';

/** A computed value with its failure named: ∞ (overflow), NaN, or 0 where the exact value is not. */
function Cell({
  v,
  exact,
  digits,
  testId,
}: {
  v: number;
  exact?: number;
  digits: number;
  testId: string;
}) {
  const kind = Number.isNaN(v)
    ? 'nan'
    : !Number.isFinite(v)
      ? 'inf'
      : v === 0 && exact !== undefined && exact !== 0
        ? 'zero'
        : 'ok';
  return (
    <td className={`prob-cell prob-cell-${kind}`} data-testid={testId} data-kind={kind}>
      {fmt(v, digits)}
    </td>
  );
}

const NAMES: Record<string, string> = { naive: 'naive', stable: 'stable (max shift)' };

/**
 * Naive and stable log-sum-exp and softmax per precision, as computed (inputs rounded to the
 * precision, every operation rounded), beside the exact values. Failures are coloured.
 */
export function LseTable({ m }: { m: ProbLseModel }) {
  const ref = m.reference;
  let pMax = -Infinity;
  let pMin = Infinity;
  for (const v of ref.probabilities) {
    pMax = Math.max(pMax, v);
    pMin = Math.min(pMin, v);
  }
  const row = (r: LseRow) => {
    const id = `lse-${r.precision}-${r.method}`;
    return (
      <tr key={id} className={r.method === 'stable' ? 'prob-row-stable' : ''} data-testid={id}>
        <th scope="row">{r.method === 'naive' ? r.precision : ''}</th>
        <td>{NAMES[r.method]}</td>
        <Cell v={r.sum} exact={1} digits={5} testId={`${id}-sum`} />
        <Cell v={r.lse} exact={ref.lse} digits={7} testId={`${id}-lse`} />
        <Cell v={r.pMax} exact={pMax} digits={5} testId={`${id}-pmax`} />
        <Cell v={r.pMin} exact={pMin} digits={5} testId={`${id}-pmin`} />
        <td className="prob-err">{fmt(r.lseError, 2)}</td>
        <td className="prob-err">{fmt(r.probabilityError, 2)}</td>
      </tr>
    );
  };
  return (
    <table className="prob-lse-table" data-testid="prob-lse-table">
      <thead>
        <tr>
          <th scope="col">precision</th>
          <th scope="col">method</th>
          <th scope="col">sum of exp</th>
          <th scope="col">log-sum-exp</th>
          <th scope="col">largest s</th>
          <th scope="col">smallest s</th>
          <th scope="col">LSE error</th>
          <th scope="col">s error</th>
        </tr>
      </thead>
      <tbody>
        <tr className="prob-row-exact">
          <th scope="row">exact</th>
          <td>reference</td>
          <td>—</td>
          <td data-testid="lse-exact-lse">{fmt(ref.lse, 7)}</td>
          <td>{fmt(pMax, 5)}</td>
          <td>{fmt(pMin, 5)}</td>
          <td />
          <td />
        </tr>
        {m.rows.map(row)}
      </tbody>
    </table>
  );
}
