/** The landscape view's controls: the data, the net, how long it trains, and the grid. */
import { LANDSCAPE_DATASETS } from '../../../core/labs/inside/sim-landscape';
import { NET_DATASETS } from '../../../core/ml/net-data';
import type { LandscapeParams } from '../../../core/labs/inside/params';
import { NumberField } from './NumberField';
import { useInsideStore } from './store';

function landscapeSet(patch: Partial<LandscapeParams>): void {
  useInsideStore.getState().setParams((p) => ({ ...p, landscape: { ...p.landscape, ...patch } }));
}

const NETS: [string, number[]][] = [
  ['2-8-8-1', [8, 8]],
  ['2-4-1', [4]],
  ['2-16-1', [16]],
  ['2-8-8-8-1', [8, 8, 8]],
];

export function LandscapeControls() {
  const p = useInsideStore((s) => s.params.landscape);
  const net = `2-${p.hidden.join('-')}-1`;
  return (
    <>
      <label className="row">
        Data{' '}
        <select
          value={p.dataset}
          onChange={(e) => landscapeSet({ dataset: e.target.value as LandscapeParams['dataset'] })}
          data-testid="landscape-dataset"
        >
          {LANDSCAPE_DATASETS.map((d) => (
            <option key={d} value={d}>
              {NET_DATASETS[d].label}
            </option>
          ))}
        </select>
      </label>
      <label className="row">
        Net{' '}
        <select
          value={net}
          onChange={(e) => {
            const found = NETS.find(([name]) => name === e.target.value);
            if (found) landscapeSet({ hidden: found[1] });
          }}
          data-testid="landscape-net"
        >
          {NETS.some(([name]) => name === net) ? null : <option value={net}>{net}</option>}
          {NETS.map(([name]) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <select
          value={p.activation}
          onChange={(e) => landscapeSet({ activation: e.target.value as 'tanh' | 'relu' })}
          aria-label="Activation"
        >
          <option value="tanh">tanh</option>
          <option value="relu">ReLU</option>
        </select>
      </label>
      <div className="inside-fields">
        <NumberField
          label="epochs"
          value={p.epochs}
          min={1}
          max={300}
          onChange={(v) => landscapeSet({ epochs: Math.round(v) })}
          testId="landscape-epochs"
        />
        <NumberField
          label="grid"
          value={p.res}
          min={5}
          max={61}
          onChange={(v) => landscapeSet({ res: Math.round(v) })}
          testId="landscape-res"
        />
        <NumberField
          label="α, β up to"
          value={p.span}
          min={0.05}
          max={3}
          onChange={(span) => landscapeSet({ span })}
          testId="landscape-span"
        />
      </div>
      <p className="inside-note">
        Each direction is Gaussian noise rescaled neuron by neuron: a neuron&apos;s incoming weights
        in δ get the length of the same neuron&apos;s weights in θ*. Biases are not moved (their
        direction is 0), as in Li et al. 2018.
      </p>
    </>
  );
}
