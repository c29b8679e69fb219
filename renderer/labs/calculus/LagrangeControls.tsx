import { lagrangeModel } from '../../../core/labs/calculus/model-lagrange';
import { criticalBox, type CalculusParams } from '../../../core/labs/calculus/params';
import { failure, FunctionInput } from './FunctionInput';
import { fmt } from './plot-kit';
import { RangeInputs } from './RangeInputs';
import { calculusSet } from './store';

/** The objective, the constraint g = b with its level slider, and the box drawn. */
export function LagrangeControls({ p }: { p: CalculusParams['lagrange'] }) {
  const b = criticalBox(p.box);
  return (
    <>
      <FunctionInput
        label="minimise f(x, y) ="
        value={p.f}
        check={(f) => failure(lagrangeModel({ ...p, f }))}
        onApply={(f) => calculusSet('lagrange', { f })}
        testId="calc-lagrange-f"
      />
      <FunctionInput
        label="on the curve g(x, y) = b, with g ="
        value={p.g}
        check={(g) => failure(lagrangeModel({ ...p, g }))}
        onApply={(g) => calculusSet('lagrange', { g })}
        testId="calc-lagrange-g"
      />
      <label>
        <span>
          level b <span className="value">{fmt(p.b)}</span>
        </span>
        <input
          type="range"
          min={-5}
          max={5}
          step={0.01}
          value={p.b}
          onChange={(e) => calculusSet('lagrange', { b: Number(e.target.value) })}
          aria-label="level b"
          data-testid="calc-lagrange-b"
        />
      </label>
      <RangeInputs
        axis="x"
        lo={b.xMin}
        hi={b.xMax}
        onChange={(xMin, width) => calculusSet('lagrange', { box: { ...p.box, xMin, width } })}
        testId="calc-lbox-x"
      />
      <RangeInputs
        axis="y"
        lo={b.yMin}
        hi={b.yMax}
        onChange={(yMin, height) => calculusSet('lagrange', { box: { ...p.box, yMin, height } })}
        testId="calc-lbox-y"
      />
    </>
  );
}
