import {
  BP_LR_RANGE,
  BP_MAX_POINTS,
  BP_VALUE_RANGE,
  type BackpropParams,
} from '../../../core/labs/inside/params';
import { NumberField } from './NumberField';
import { bpSet, useInsideStore } from './store';

const V = BP_VALUE_RANGE;

type Net = BackpropParams['net'];
type Logistic = BackpropParams['logistic'];

function NetFields({ net }: { net: Net }) {
  const set = (patch: Partial<Net>) => bpSet({ net: { ...net, ...patch } });
  const f = (
    label: string,
    value: number,
    apply: (v: number) => Partial<Net>,
    id: string,
    min: number = V.min,
    max: number = V.max,
  ) => (
    <NumberField
      key={id}
      label={label}
      value={value}
      min={min}
      max={max}
      onChange={(v) => set(apply(v))}
      testId={`bp-in-${id}`}
    />
  );
  const w1 = (j: 0 | 1, i: 0 | 1) => (v: number) => ({
    w1: net.w1.map((row, r) => (r === j ? row.map((x, c) => (c === i ? v : x)) : row)) as Net['w1'],
  });
  return (
    <div className="inside-fields">
      {f('x₁', net.x[0], (v) => ({ x: [v, net.x[1]] }), 'x1')}
      {f('x₂', net.x[1], (v) => ({ x: [net.x[0], v] }), 'x2')}
      {f('target y', net.y, (v) => ({ y: v }), 'y', 0, 1)}
      {f('w₁₁', net.w1[0][0], w1(0, 0), 'w11')}
      {f('w₁₂', net.w1[0][1], w1(0, 1), 'w12')}
      {f('b₁', net.b1[0], (v) => ({ b1: [v, net.b1[1]] }), 'b1')}
      {f('w₂₁', net.w1[1][0], w1(1, 0), 'w21')}
      {f('w₂₂', net.w1[1][1], w1(1, 1), 'w22')}
      {f('b₂', net.b1[1], (v) => ({ b1: [net.b1[0], v] }), 'b2')}
      {f('v₁', net.w2[0], (v) => ({ w2: [v, net.w2[1]] }), 'v1')}
      {f('v₂', net.w2[1], (v) => ({ w2: [net.w2[0], v] }), 'v2')}
      {f('c', net.b2, (v) => ({ b2: v }), 'c')}
    </div>
  );
}

function LogisticFields({ lg }: { lg: Logistic }) {
  const set = (patch: Partial<Logistic>) => bpSet({ logistic: { ...lg, ...patch } });
  const setPoint = (k: number, key: 'x1' | 'x2' | 'y', v: number) =>
    set({ points: lg.points.map((p, i) => (i === k ? { ...p, [key]: v } : p)) });
  return (
    <>
      <div className="inside-fields">
        <NumberField
          label="w₁"
          value={lg.w[0]}
          min={V.min}
          max={V.max}
          onChange={(v) => set({ w: [v, lg.w[1]] })}
          testId="bp-in-w1"
        />
        <NumberField
          label="w₂"
          value={lg.w[1]}
          min={V.min}
          max={V.max}
          onChange={(v) => set({ w: [lg.w[0], v] })}
          testId="bp-in-w2"
        />
        <NumberField
          label="b"
          value={lg.b}
          min={V.min}
          max={V.max}
          onChange={(b) => set({ b })}
          testId="bp-in-b"
        />
      </div>
      {lg.points.map((p, k) => (
        <div className="inside-fields" key={k}>
          <NumberField
            label={`point ${k + 1}: x₁`}
            value={p.x1}
            min={V.min}
            max={V.max}
            onChange={(v) => setPoint(k, 'x1', v)}
            testId={`bp-pt${k}-x1`}
          />
          <NumberField
            label="x₂"
            value={p.x2}
            min={V.min}
            max={V.max}
            onChange={(v) => setPoint(k, 'x2', v)}
            testId={`bp-pt${k}-x2`}
          />
          <NumberField
            label="y"
            value={p.y}
            min={0}
            max={1}
            onChange={(v) => setPoint(k, 'y', v)}
            testId={`bp-pt${k}-y`}
          />
        </div>
      ))}
      <div className="row">
        <button
          disabled={lg.points.length >= BP_MAX_POINTS}
          onClick={() => set({ points: [...lg.points, { x1: 0.5, x2: 0.5, y: 1 }] })}
        >
          Add a point
        </button>
        <button
          disabled={lg.points.length <= 1}
          onClick={() => set({ points: lg.points.slice(0, -1) })}
        >
          Remove the last
        </button>
      </div>
    </>
  );
}

/** The backprop view's controls: which graph, activation, loss, learning rate, and every value. */
export function BpControls() {
  const p = useInsideStore((s) => s.params.backprop);
  return (
    <>
      <label>
        Graph
        <select
          value={p.graph}
          onChange={(e) => bpSet({ graph: e.target.value as BackpropParams['graph'], step: 0 })}
          data-testid="bp-graph-kind"
        >
          <option value="net">Network 2 → 2 → 1</option>
          <option value="logistic">Logistic regression, one neuron</option>
        </select>
      </label>
      {p.graph === 'net' && (
        <label>
          Hidden activation
          <select
            value={p.activation}
            onChange={(e) => bpSet({ activation: e.target.value as BackpropParams['activation'] })}
            data-testid="bp-activation"
          >
            <option value="sigmoid">sigmoid σ</option>
            <option value="tanh">tanh</option>
          </select>
        </label>
      )}
      <label>
        Loss
        <select
          value={p.loss}
          onChange={(e) => bpSet({ loss: e.target.value as BackpropParams['loss'] })}
          data-testid="bp-loss-kind"
        >
          <option value="bce">cross-entropy</option>
          <option value="sq">half the squared error</option>
        </select>
      </label>
      <NumberField
        label="learning rate η"
        value={p.lr}
        min={BP_LR_RANGE.min}
        max={BP_LR_RANGE.max}
        step={0.05}
        onChange={(lr) => bpSet({ lr })}
        testId="bp-lr"
      />
      {p.graph === 'net' ? <NetFields net={p.net} /> : <LogisticFields lg={p.logistic} />}
      <p className="readout">
        Keys: → next operation, ← previous, Home the start, End the last step.
      </p>
    </>
  );
}
