import { ACTIVATIONS, type ActivationId } from '../../../core/ml/activations';
import { NET_FEATURE_IDS, NET_FEATURES } from '../../../core/ml/net-features';
import { NET_INITS, type NetInitId } from '../../../core/ml/net-model';
import { NET_OPTIMIZER_IDS, type NetOptimizerId } from '../../../core/ml/net-train';
import { optimizerById } from '../../../core/ml/optimizers';
import { networksOutput, networksPoints, networksTask } from '../../../core/labs/networks/model';
import {
  NET_MAX_LAYERS,
  NET_MAX_UNITS,
  type NetworksParams,
} from '../../../core/labs/networks/params';
import { useNetworksStore } from './store';

const ACT_IDS = Object.keys(ACTIVATIONS) as ActivationId[];
const RATES = [1e-5, 1e-4, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const PENALTIES = [0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1];

function Pick<T extends string | number>({
  label,
  value,
  options,
  onChange,
  testId,
  disabled,
}: {
  label: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange(v: T): void;
  testId?: string;
  disabled?: boolean;
}) {
  return (
    <label>
      {label}
      <select
        value={String(value)}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) =>
          onChange(options.find(([v]) => String(v) === e.target.value)?.[0] ?? value)
        }
      >
        {options.map(([v, text]) => (
          <option key={String(v)} value={String(v)}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Features, layers, output, initialiser, penalty and the optimizer's settings. */
export function NetControls() {
  const p = useNetworksStore((s) => s.params);
  const setNet = useNetworksStore((s) => s.setNet);
  const classes = networksPoints(p).classes;
  const regression = networksTask(p) === 'regression';
  const layers = p.layers;
  const setLayer = (i: number, patch: Partial<NetworksParams['layers'][number]>) =>
    setNet({ layers: layers.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  return (
    <>
      <fieldset className="net-group">
        <legend>Input features</legend>
        <div className="net-features">
          {NET_FEATURE_IDS.map((id) => {
            const on = p.features.includes(id);
            return (
              <label key={id} className="net-check">
                <input
                  type="checkbox"
                  checked={on}
                  disabled={on && p.features.length === 1}
                  data-testid={`net-feature-${id}`}
                  onChange={() =>
                    setNet({
                      features: on
                        ? p.features.filter((f) => f !== id)
                        : NET_FEATURE_IDS.filter((f) => f === id || p.features.includes(f)),
                    })
                  }
                />
                {NET_FEATURES[id].label}
              </label>
            );
          })}
        </div>
      </fieldset>
      <fieldset className="net-group">
        <legend>Hidden layers ({layers.length})</legend>
        {layers.map((l, i) => (
          <div className="net-layer" key={i}>
            <span>{i + 1}</span>
            <button
              aria-label={`Fewer neurons in layer ${i + 1}`}
              disabled={l.units <= 1}
              onClick={() => setLayer(i, { units: l.units - 1 })}
            >
              −
            </button>
            <span className="value">{l.units}</span>
            <button
              aria-label={`More neurons in layer ${i + 1}`}
              disabled={l.units >= NET_MAX_UNITS}
              onClick={() => setLayer(i, { units: l.units + 1 })}
            >
              +
            </button>
            <select
              aria-label={`Activation of layer ${i + 1}`}
              value={l.activation}
              onChange={(e) => setLayer(i, { activation: e.target.value as ActivationId })}
            >
              {ACT_IDS.map((id) => (
                <option key={id} value={id}>
                  {ACTIVATIONS[id].label}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div className="net-row">
          <button
            data-testid="net-layer-add"
            disabled={layers.length >= NET_MAX_LAYERS}
            onClick={() =>
              setNet({
                layers: [
                  ...layers,
                  { units: 4, activation: layers[layers.length - 1]?.activation ?? 'tanh' },
                ],
              })
            }
          >
            Add layer
          </button>
          <button
            data-testid="net-layer-remove"
            disabled={layers.length === 0}
            onClick={() => setNet({ layers: layers.slice(0, -1) })}
          >
            Remove layer
          </button>
        </div>
        <Pick
          label={
            regression
              ? 'Output: linear, squared error (regression)'
              : classes >= 3
                ? `Output: softmax over ${classes} classes`
                : 'Output'
          }
          value={regression ? 'tanh' : p.output}
          disabled={regression || classes >= 3}
          options={
            [
              ['tanh', 'tanh, squared error'],
              ['sigmoid', 'sigmoid, cross-entropy'],
              ['softmax', 'softmax, cross-entropy'],
            ] as const
          }
          onChange={(output) => setNet({ output })}
        />
        <span className="net-muted">Head in use: {networksOutput(p, classes)}</span>
        <Pick<NetInitId>
          label="Initialiser"
          value={p.init}
          options={(Object.keys(NET_INITS) as NetInitId[]).map(
            (id) => [id, NET_INITS[id].label] as const,
          )}
          onChange={(init) => setNet({ init })}
          testId="net-init"
        />
        <label className="net-check">
          <input
            type="checkbox"
            checked={p.batchNorm}
            onChange={() => setNet({ batchNorm: !p.batchNorm })}
          />
          Batch norm on hidden layers
        </label>
        <div className="net-row">
          <Pick
            label="L1 λ₁"
            value={p.l1}
            options={PENALTIES.map((v) => [v, String(v)] as const)}
            onChange={(l1) => setNet({ l1 })}
          />
          <Pick
            label="L2 λ₂"
            value={p.l2}
            options={PENALTIES.map((v) => [v, String(v)] as const)}
            onChange={(l2) => setNet({ l2 })}
            testId="net-l2"
          />
        </div>
      </fieldset>
      <fieldset className="net-group">
        <legend>Training</legend>
        <Pick<NetOptimizerId>
          label="Optimizer"
          value={p.optimizer}
          options={NET_OPTIMIZER_IDS.map(
            (id) => [id, optimizerById(id)?.descriptor.title ?? id] as const,
          )}
          onChange={(optimizer) => setNet({ optimizer })}
        />
        <div className="net-row">
          <Pick
            label="Learning rate η"
            value={p.lr}
            options={(RATES.includes(p.lr) ? RATES : [...RATES, p.lr].sort((a, b) => a - b)).map(
              (v) => [v, String(v)] as const,
            )}
            onChange={(lr) => setNet({ lr })}
            testId="net-lr"
          />
          <Pick
            label="Epochs"
            value={p.epochs}
            options={[10, 30, 100, 300, 1000, 3000, 10000]
              .concat([10, 30, 100, 300, 1000, 3000, 10000].includes(p.epochs) ? [] : [p.epochs])
              .map((v) => [v, String(v)] as const)}
            onChange={(epochs) => setNet({ epochs })}
          />
        </div>
        <label>
          Batch size <span className="value">{p.batch}</span>
          <input
            type="range"
            min={1}
            max={100}
            value={p.batch}
            onChange={(e) => setNet({ batch: Number(e.target.value) })}
          />
        </label>
        <label>
          Seed <span className="value">{p.seed}</span>
          <input
            type="range"
            min={0}
            max={50}
            value={Math.min(50, p.seed)}
            onChange={(e) => setNet({ seed: Number(e.target.value) })}
          />
        </label>
      </fieldset>
    </>
  );
}
