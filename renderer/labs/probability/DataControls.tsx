import { CLASSES_RANGE } from '../../../core/labs/probability/params';
import { LogSlider, Stepper } from './Sliders';
import { calibrationSet, entropySet, useProbStore } from './store';

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
