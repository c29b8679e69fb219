import {
  CLASSES_RANGE,
  PROB_DEFAULTS,
  SHIFT_RANGE,
  TEMPERATURE_RANGE,
} from '../../../core/labs/probability/params';
import { LinearSlider, LogSlider, Stepper } from './Sliders';
import { calibrationSet, entropySet, softmaxSet, useProbStore } from './store';

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

/** Number of outcomes, units, and two quick choices of q. */
export function EntropyControls() {
  const e = useProbStore((s) => s.params.entropy);
  const k = e.pairs.length;
  return (
    <>
      <Stepper
        title="Outcomes"
        value={k}
        min={CLASSES_RANGE.min}
        max={CLASSES_RANGE.max}
        testId="prob-outcomes"
        onChange={(n) =>
          entropySet({ pairs: n > k ? [...e.pairs, { p: 0.1, q: 0.1 }] : e.pairs.slice(0, n) })
        }
      />
      <div className="row" role="group" aria-label="Units">
        {(['bits', 'nats'] as const).map((u) => (
          <button
            key={u}
            aria-pressed={e.units === u}
            onClick={() => entropySet({ units: u })}
            data-testid={`prob-units-${u}`}
          >
            {u === 'bits' ? 'bits (log₂)' : 'nats (ln)'}
          </button>
        ))}
      </div>
      <div className="row prob-wrap">
        <button onClick={() => entropySet({ pairs: e.pairs.map((x) => ({ ...x, q: 1 })) })}>
          q uniform
        </button>
        <button onClick={() => entropySet({ pairs: e.pairs.map((x) => ({ ...x, q: x.p })) })}>
          q = p
        </button>
      </div>
    </>
  );
}

const SAMPLES = [200, 500, 1000, 2000, 5000];

/** The simulated network's over-confidence, the data sizes, and the temperature applied. */
export function CalibrationControls() {
  const c = useProbStore((s) => s.params.calibration);
  return (
    <>
      <LogSlider
        title="Over-confidence (logits × β)"
        tex="\beta"
        min={0.2}
        max={5}
        value={c.confidence}
        onChange={(confidence) => calibrationSet({ confidence })}
        testId="prob-beta"
      />
      <Stepper
        title="Classes"
        value={c.classes}
        min={CLASSES_RANGE.min}
        max={CLASSES_RANGE.max}
        testId="prob-cal-classes"
        onChange={(classes) => calibrationSet({ classes })}
      />
      <label>
        Examples (held-out and test, each)
        <select
          value={c.samples}
          onChange={(e) => calibrationSet({ samples: Number(e.target.value) })}
          data-testid="prob-samples"
        >
          {SAMPLES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <Stepper
        title="Confidence bins"
        value={c.bins}
        min={5}
        max={20}
        testId="prob-bins"
        onChange={(bins) => calibrationSet({ bins })}
      />
      <div className="row" role="group" aria-label="Temperature scaling">
        <button
          aria-pressed={c.scaling === 'fitted'}
          onClick={() => calibrationSet({ scaling: 'fitted' })}
          data-testid="prob-scaling-fitted"
        >
          T fitted on held-out
        </button>
        <button
          aria-pressed={c.scaling === 'manual'}
          onClick={() => calibrationSet({ scaling: 'manual' })}
          data-testid="prob-scaling-manual"
        >
          T by hand
        </button>
      </div>
      <LogSlider
        title="Temperature by hand"
        tex="T"
        min={0.1}
        max={10}
        value={c.temperature}
        onChange={(temperature) => calibrationSet({ temperature, scaling: 'manual' })}
        testId="prob-cal-temperature"
      />
    </>
  );
}
