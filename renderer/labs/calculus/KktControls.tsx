import { KKT_B_RANGE, kktModel } from '../../../core/labs/calculus/model-kkt';
import { criticalBox, type CalculusParams } from '../../../core/labs/calculus/params';
import { failure, FunctionInput } from './FunctionInput';
import { fmt } from './plot-kit';
import { RangeInputs } from './RangeInputs';
import { calculusSet } from './store';

/** The objective, the constraint g ≤ b with its level slider, and the box drawn. */
export function KktControls({ p }: { p: CalculusParams['kkt'] }) {
  const b = criticalBox(p.box);
  return (
    <>
      <FunctionInput
        label="minimise f(x, y) ="
        value={p.f}
        check={(f) => failure(kktModel({ ...p, f }))}
        onApply={(f) => calculusSet('kkt', { f })}
        testId="calc-kkt-f"
      />
      <FunctionInput
        label="subject to g(x, y) ≤ b, with g ="
        value={p.g}
        check={(g) => failure(kktModel({ ...p, g }))}
        onApply={(g) => calculusSet('kkt', { g })}
        testId="calc-kkt-g"
      />
      <label>
        <span>
          level b <span className="value">{fmt(p.b)}</span>
        </span>
        <input
          type="range"
          min={KKT_B_RANGE.min}
          max={KKT_B_RANGE.max}
          step={0.01}
          value={p.b}
          onChange={(e) => calculusSet('kkt', { b: Number(e.target.value) })}
          aria-label="level b"
          data-testid="calc-kkt-b"
        />
      </label>
      <RangeInputs
        axis="x"
        lo={b.xMin}
        hi={b.xMax}
        onChange={(xMin, width) => calculusSet('kkt', { box: { ...p.box, xMin, width } })}
        testId="calc-kbox-x"
      />
      <RangeInputs
        axis="y"
        lo={b.yMin}
        hi={b.yMax}
        onChange={(yMin, height) => calculusSet('kkt', { box: { ...p.box, yMin, height } })}
        testId="calc-kbox-y"
      />
    </>
  );
}
