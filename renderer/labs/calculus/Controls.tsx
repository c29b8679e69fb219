import { chainModel } from '../../../core/labs/calculus/model-chain';
import { derivativeModel } from '../../../core/labs/calculus/model-derivative';
import { taylorModel } from '../../../core/labs/calculus/model-taylor';
import {
  TAYLOR_BUILTINS,
  TAYLOR_MAX_ORDER,
  type CalculusParams,
  type TaylorBuiltin,
  taylorRange,
} from '../../../core/labs/calculus/params';
import { failure, FunctionInput } from './FunctionInput';
import { fmt } from './plot-kit';
import { RangeInputs } from './RangeInputs';
import { calculusSet } from './store';

/** A slider with its value written beside its name. */
function Slider(props: {
  label: string;
  value: number;
  shown: string;
  min: number;
  max: number;
  step: number;
  onChange(v: number): void;
  testId: string;
}) {
  return (
    <label>
      <span>
        {props.label} <span className="value">{props.shown}</span>
      </span>
      <input
        type="range"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.target.value))}
        aria-label={props.label}
        data-testid={props.testId}
      />
    </label>
  );
}

export function DerivativeControls({ p }: { p: CalculusParams['derivative'] }) {
  return (
    <>
      <FunctionInput
        label="f(x) ="
        value={p.source}
        check={(source) => failure(derivativeModel({ ...p, source }))}
        onApply={(source) => calculusSet('derivative', { source })}
        testId="calc-f-input"
      />
      <Slider
        label="point a"
        value={p.a}
        shown={fmt(p.a)}
        min={-5}
        max={5}
        step={0.01}
        onChange={(a) => calculusSet('derivative', { a })}
        testId="calc-a"
      />
      <Slider
        label="step h"
        value={p.hLog10}
        shown={`10^${p.hLog10.toFixed(2)} = ${fmt(10 ** p.hLog10, 3)}`}
        min={-16}
        max={0}
        step={0.05}
        onChange={(hLog10) => calculusSet('derivative', { hLog10 })}
        testId="calc-h"
      />
      <Slider
        label="half-width of the window"
        value={p.span}
        shown={fmt(p.span)}
        min={0.05}
        max={10}
        step={0.05}
        onChange={(span) => calculusSet('derivative', { span })}
        testId="calc-span"
      />
    </>
  );
}

export function ChainControls({ p }: { p: CalculusParams['chain'] }) {
  return (
    <>
      <FunctionInput
        label="outer f(u) ="
        value={p.outer}
        check={(outer) => failure(chainModel({ ...p, outer }))}
        onApply={(outer) => calculusSet('chain', { outer })}
        testId="calc-outer-input"
      />
      <FunctionInput
        label="inner g(x) ="
        value={p.inner}
        check={(inner) => failure(chainModel({ ...p, inner }))}
        onApply={(inner) => calculusSet('chain', { inner })}
        testId="calc-inner-input"
      />
      <Slider
        label="point a"
        value={p.a}
        shown={fmt(p.a)}
        min={-5}
        max={5}
        step={0.01}
        onChange={(a) => calculusSet('chain', { a })}
        testId="calc-chain-a"
      />
    </>
  );
}

export function TaylorControls({ p }: { p: CalculusParams['taylor'] }) {
  const range = taylorRange(p.window);
  const ids = Object.keys(TAYLOR_BUILTINS) as TaylorBuiltin[];
  return (
    <>
      <div className="calc-choices" role="group" aria-label="Function">
        {ids.map((id) => (
          <button
            key={id}
            aria-pressed={p.fn === id}
            onClick={() => calculusSet('taylor', { fn: id })}
            data-testid={`calc-fn-${id}`}
          >
            {TAYLOR_BUILTINS[id].label}
          </button>
        ))}
        <button
          aria-pressed={p.fn === 'custom'}
          onClick={() => calculusSet('taylor', { fn: 'custom' })}
          data-testid="calc-fn-custom"
        >
          typed
        </button>
      </div>
      <FunctionInput
        label="typed f(x) ="
        value={p.custom}
        check={(custom) => failure(taylorModel({ ...p, fn: 'custom', custom }))}
        onApply={(custom) => calculusSet('taylor', { fn: 'custom', custom })}
        testId="calc-taylor-input"
      />
      <Slider
        label="centre a"
        value={p.a}
        shown={fmt(p.a)}
        min={Math.max(-20, range.lo)}
        max={Math.min(20, range.hi)}
        step={0.01}
        onChange={(a) => calculusSet('taylor', { a })}
        testId="calc-taylor-a-slider"
      />
      <Slider
        label="order n"
        value={p.order}
        shown={String(p.order)}
        min={1}
        max={TAYLOR_MAX_ORDER}
        step={1}
        onChange={(order) => calculusSet('taylor', { order })}
        testId="calc-order"
      />
      <RangeInputs
        axis="x"
        lo={range.lo}
        hi={range.hi}
        onChange={(lo, width) => calculusSet('taylor', { window: { lo, width } })}
        testId="calc-window"
      />
    </>
  );
}
