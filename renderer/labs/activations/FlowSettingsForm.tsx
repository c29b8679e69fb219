import { ACTIVATIONS, type ActivationId } from '../../../core/ml/activations';
import { DATASETS, type DatasetId } from '../../../core/ml/datasets';
import { INITS, type InitId } from '../../../core/ml/init';
import type { FlowSettings } from '../../../core/labs/activations/params';

interface Props {
  flow: FlowSettings;
  onChange(patch: Partial<FlowSettings>): void;
}

const BATCHES = [8, 16, 32, 64, 128, 256];

/** Every gradient-flow training setting; a change restarts the run. */
export function FlowSettingsForm({ flow, onChange }: Props) {
  const slider = (
    key: 'depth' | 'width' | 'steps',
    label: string,
    min: number,
    max: number,
    step: number,
  ) => (
    <label>
      {label} <span className="value">{flow[key]}</span>
      <input
        type="range"
        min={min}
        max={max}
        step={step}
        value={flow[key]}
        onChange={(e) => onChange({ [key]: Number(e.target.value) })}
        data-testid={`flow-${key}`}
      />
    </label>
  );
  return (
    <fieldset className="act-fieldset">
      <legend>Network and training</legend>
      <label>
        Activation
        <select
          value={flow.activation}
          onChange={(e) => onChange({ activation: e.target.value as ActivationId })}
          data-testid="flow-activation"
        >
          {Object.values(ACTIVATIONS).map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Initialization
        <select
          value={flow.init}
          onChange={(e) => onChange({ init: e.target.value as InitId })}
          data-testid="flow-init"
        >
          {Object.values(INITS).map((i) => (
            <option key={i.id} value={i.id}>
              {i.label}
            </option>
          ))}
        </select>
      </label>
      {slider('depth', 'Depth (hidden layers)', 2, 50, 1)}
      {slider('width', 'Width (units per layer)', 2, 128, 1)}
      <label className="act-inline">
        <input
          type="checkbox"
          checked={flow.batchNorm}
          onChange={(e) => onChange({ batchNorm: e.target.checked })}
          data-testid="flow-batchnorm"
        />
        Batch normalization
      </label>
      <label className="act-inline">
        <input
          type="checkbox"
          checked={flow.residual}
          onChange={(e) => onChange({ residual: e.target.checked })}
          data-testid="flow-residual"
        />
        Skip connections
      </label>
      <label className="act-inline">
        <input
          type="checkbox"
          checked={flow.clipNorm > 0}
          onChange={(e) => onChange({ clipNorm: e.target.checked ? 1 : 0 })}
          data-testid="flow-clip"
        />
        Clip gradient norm{flow.clipNorm > 0 && <span className="value"> to {flow.clipNorm}</span>}
      </label>
      {flow.clipNorm > 0 && (
        <input
          type="range"
          aria-label="Clip norm (log scale)"
          min={-2}
          max={2}
          step={0.05}
          value={Math.log10(flow.clipNorm)}
          onChange={(e) => onChange({ clipNorm: +(10 ** Number(e.target.value)).toPrecision(2) })}
        />
      )}
      <label>
        Learning rate <span className="value">{flow.lr}</span>
        <input
          type="range"
          min={-4}
          max={0}
          step={0.05}
          value={Math.log10(flow.lr)}
          onChange={(e) => onChange({ lr: +(10 ** Number(e.target.value)).toPrecision(2) })}
          data-testid="flow-lr"
        />
      </label>
      <label>
        Batch size
        <select
          value={flow.batchSize}
          onChange={(e) => onChange({ batchSize: Number(e.target.value) })}
        >
          {BATCHES.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
      {slider('steps', 'Training steps', 50, 5000, 50)}
      <label>
        Dataset
        <select
          value={flow.dataset}
          onChange={(e) => onChange({ dataset: e.target.value as DatasetId })}
        >
          {(Object.keys(DATASETS) as DatasetId[]).map((id) => (
            <option key={id} value={id}>
              {DATASETS[id].label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Seed
        <input
          type="number"
          min={0}
          max={2 ** 32 - 1}
          step={1}
          value={flow.seed}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (Number.isInteger(v) && v >= 0 && v <= 2 ** 32 - 1) onChange({ seed: v });
          }}
        />
      </label>
    </fieldset>
  );
}
