import { SVM_MAX_POINTS, type CalculusParams } from '../../../core/labs/calculus/params';
import { calculusSet } from './store';

/** Add a point of either class (at a free spot on its side) or remove the last one. */
export function SvmControls({ p }: { p: CalculusParams['svm'] }) {
  const add = (label: 1 | -1) => {
    const k = p.points.filter((q) => q.label === label).length;
    const point = {
      x: label * (3.5 - 0.4 * (k % 5)),
      y: 3.5 - 1.4 * Math.floor(k / 5) - (k % 3),
      label,
    };
    calculusSet('svm', { points: [...p.points, point] });
  };
  return (
    <>
      <p className="calc-note">
        Drag the points in the plot. The dual is solved again on every move; support vectors are
        ringed.
      </p>
      <div className="calc-stories" role="group" aria-label="Points">
        <button
          disabled={p.points.length >= SVM_MAX_POINTS}
          onClick={() => add(1)}
          data-testid="calc-svm-add-plus"
        >
          Add a +1 point
        </button>
        <button
          disabled={p.points.length >= SVM_MAX_POINTS}
          onClick={() => add(-1)}
          data-testid="calc-svm-add-minus"
        >
          Add a −1 point
        </button>
        <button
          disabled={p.points.length <= 2}
          onClick={() => calculusSet('svm', { points: p.points.slice(0, -1) })}
          data-testid="calc-svm-remove"
        >
          Remove the last point
        </button>
      </div>
    </>
  );
}
