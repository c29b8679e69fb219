import type { CalculusParams } from '../../../core/labs/calculus/params';
import type { SvmSolution } from '../../../core/math/calc-svm';
import { fmt } from './plot-kit';

/** Per point: class, position, α, the margin value yᵢ(w·xᵢ + b) and αᵢ(yᵢ(w·xᵢ + b) − 1). */
export function SvmTable({
  points,
  s,
  products,
}: {
  points: CalculusParams['svm']['points'];
  s: SvmSolution;
  products: Float64Array;
}) {
  return (
    <table className="calc-table" data-testid="calc-svm-table">
      <thead>
        <tr>
          <th>i</th>
          <th>y</th>
          <th>x</th>
          <th>α</th>
          <th>y(w·x + b)</th>
          <th>α(y(w·x + b) − 1)</th>
        </tr>
      </thead>
      <tbody>
        {points.map((q, i) => (
          <tr key={i} className={s.support.includes(i) ? 'calc-svm-sv' : undefined}>
            <td>{i + 1}</td>
            <td>{q.label === 1 ? '+1' : '−1'}</td>
            <td>
              ({fmt(q.x, 3)}, {fmt(q.y, 3)})
            </td>
            <td>{fmt(s.alpha[i], 5)}</td>
            <td>{fmt(1 + s.slack[i], 7)}</td>
            <td>{fmt(products[i], 2)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
