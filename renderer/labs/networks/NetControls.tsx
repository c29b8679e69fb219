import { NET_INITS, type NetInitId } from '../../../core/ml/net-model';
import { NET_OPTIMIZER_IDS, type NetOptimizerId } from '../../../core/ml/net-train';
import { optimizerById } from '../../../core/ml/optimizers';
import { networksOutput, networksPoints, networksTask } from '../../../core/labs/networks/model';
import { LayerControls } from './LayerControls';
import { Pick } from './Pick';
import { useNetworksStore } from './store';

const RATES = [1e-5, 1e-4, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const PENALTIES = [0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1];

/** Features and layers, then the output, initialiser, penalty and the optimizer's settings. */
export function NetControls() {
  const p = useNetworksStore((s) => s.params);
  const setNet = useNetworksStore((s) => s.setNet);
  const classes = networksPoints(p).classes;
  const regression = networksTask(p) === 'regression';
  return (
    <>
      <LayerControls />
      <fieldset className="net-group">
        <legend>Output and weights</legend>
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
            testId="net-epochs"
          />
        </div>
        <label>
          Batch size <span className="value">{p.batch}</span>
          <input
            type="range"
            min={1}
            max={100}
            value={p.batch}
            data-testid="net-batch"
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
