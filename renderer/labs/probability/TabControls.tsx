import {
  CLASSES_RANGE,
  PROB_DEFAULTS,
  SHIFT_RANGE,
  TEMPERATURE_RANGE,
} from '../../../core/labs/probability/params';
import { LinearSlider, LogSlider, Stepper } from './Sliders';
import { softmaxSet, useProbStore } from './store';

/** Number of classes, temperature; on the Jacobian view also the target and its smoothing. */
export function SoftmaxControls({ withTarget }: { withTarget: boolean }) {
  const sm = useProbStore((s) => s.params.softmax);
  const k = sm.logits.length;
  return (
    <>
      <Stepper
        title="Classes k"
        value={k}
        min={CLASSES_RANGE.min}
        max={CLASSES_RANGE.max}
        testId="prob-classes"
        onChange={(n) =>
          softmaxSet({
            logits: n > k ? [...sm.logits, 0] : sm.logits.slice(0, n),
            target: Math.min(sm.target, n - 1),
          })
        }
      />
      <LogSlider
        title="Temperature"
        tex="T"
        min={TEMPERATURE_RANGE.min}
        max={TEMPERATURE_RANGE.max}
        value={sm.temperature}
        onChange={(temperature) => softmaxSet({ temperature })}
        testId="prob-temperature"
      />
      {withTarget && (
        <>
          <label>
            True class (the target)
            <select
              value={sm.target}
              onChange={(e) => softmaxSet({ target: Number(e.target.value) })}
              data-testid="prob-target"
            >
              {sm.logits.map((_, i) => (
                <option key={i} value={i}>
                  class {i + 1}
                </option>
              ))}
            </select>
          </label>
          <LinearSlider
            title="Label smoothing"
            tex="\varepsilon"
            min={0}
            max={0.5}
            step={0.01}
            value={sm.smoothing}
            onChange={(smoothing) => softmaxSet({ smoothing })}
            testId="prob-smoothing"
          />
        </>
      )}
      <button onClick={() => softmaxSet(PROB_DEFAULTS.softmax)} data-testid="prob-reset-logits">
        Logits back to (2, 0.5, −1), T = 1
      </button>
    </>
  );
}

const SHIFTS = [-1000, -100, 0, 100, 1000];

/** The shift c added to every logit, with the values worth jumping to, and T. */
export function LseControls() {
  const shift = useProbStore((s) => s.params.shift);
  const T = useProbStore((s) => s.params.softmax.temperature);
  const setShift = (c: number) => useProbStore.getState().setParams({ shift: c });
  return (
    <>
      <LinearSlider
        title="Shift every logit by"
        tex="c"
        min={SHIFT_RANGE.min}
        max={SHIFT_RANGE.max}
        step={1}
        value={shift}
        onChange={setShift}
        testId="prob-shift"
      />
      <div className="row prob-wrap" role="group" aria-label="Shift">
        {SHIFTS.map((c) => (
          <button
            key={c}
            aria-pressed={shift === c}
            onClick={() => setShift(c)}
            data-testid={`prob-shift-${c}`}
          >
            {c > 0 ? `+${c}` : c < 0 ? `−${-c}` : '0'}
          </button>
        ))}
      </div>
      <LogSlider
        title="Temperature"
        tex="T"
        min={TEMPERATURE_RANGE.min}
        max={TEMPERATURE_RANGE.max}
        value={T}
        onChange={(temperature) => softmaxSet({ temperature })}
        testId="prob-temperature"
      />
      <p className="readout">
        The inputs are x = z/T + c: the Softmax view’s logits divided by T, then shifted by c.
      </p>
    </>
  );
}
