import { criticalModel } from '../../../core/labs/calculus/model-critical';
import { criticalBox, type CalculusParams } from '../../../core/labs/calculus/params';
import { failure, FunctionInput } from './FunctionInput';
import { RangeInputs } from './RangeInputs';
import { calculusSet } from './store';

/** The typed f(x, y) and the box searched for its critical points. */
export function CriticalControls({ p }: { p: CalculusParams['critical'] }) {
  const b = criticalBox(p.box);
  return (
    <>
      <FunctionInput
        label="f(x, y) ="
        value={p.source}
        check={(source) => failure(criticalModel({ ...p, source }))}
        onApply={(source) => calculusSet('critical', { source })}
        testId="calc-critical-input"
      />
      <RangeInputs
        axis="x"
        lo={b.xMin}
        hi={b.xMax}
        onChange={(xMin, width) => calculusSet('critical', { box: { ...p.box, xMin, width } })}
        testId="calc-box-x"
      />
      <RangeInputs
        axis="y"
        lo={b.yMin}
        hi={b.yMax}
        onChange={(yMin, height) => calculusSet('critical', { box: { ...p.box, yMin, height } })}
        testId="calc-box-y"
      />
    </>
  );
}
