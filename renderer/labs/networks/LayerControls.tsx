import { ACTIVATIONS, type ActivationId } from '../../../core/ml/activations';
import { NET_FEATURE_IDS, NET_FEATURES } from '../../../core/ml/net-features';
import { networksLayers } from '../../../core/labs/networks/model';
import {
  NET_MAX_LAYERS,
  NET_MAX_UNITS,
  type NetworksParams,
} from '../../../core/labs/networks/params';
import { Pick } from './Pick';
import { useNetworksStore } from './store';

const ACT_IDS = Object.keys(ACTIVATIONS) as ActivationId[];
const DROPOUTS = [0, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9];

export const BN_TITLE =
  'Batch norm before the activation. Training normalises each minibatch with its own mean and ' +
  'variance, then scales by γ and shifts by β; the pictures and the test loss use running ' +
  'averages of those means and variances instead. With batch size 1 every neuron of the layer ' +
  'outputs β alone (a sample minus its own mean is 0), so nothing before it learns.';
export const DROPOUT_TITLE =
  'Inverted dropout on the layer’s outputs while training: each step zeroes each output with ' +
  'probability p and multiplies the others by 1/(1 − p). The pictures and the losses use every ' +
  'neuron, unscaled.';

/**
 * The input features and the hidden layers: how many, how wide, which activation, batch norm and
 * dropout.
 */
export function LayerControls() {
  const p = useNetworksStore((s) => s.params);
  const setNet = useNetworksStore((s) => s.setNet);
  // An old scene's batchNorm: true is written into the layers the first time they change.
  const layers = networksLayers(p);
  const setLayers = (next: NetworksParams['layers']) =>
    setNet({ layers: next, batchNorm: undefined });
  const setLayer = (i: number, patch: Partial<NetworksParams['layers'][number]>) =>
    setLayers(layers.map((l, j) => (j === i ? { ...l, ...patch } : l)));
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
            <div className="net-layer-extra">
              <label className="net-check" title={BN_TITLE}>
                <input
                  type="checkbox"
                  checked={l.batchNorm === true}
                  data-testid={`net-bn-${i + 1}`}
                  onChange={() => setLayer(i, { batchNorm: !l.batchNorm })}
                />
                Batch norm
              </label>
              <span className="net-layer-drop" title={DROPOUT_TITLE}>
                <Pick
                  label="Dropout p"
                  value={l.dropout ?? 0}
                  options={(DROPOUTS.includes(l.dropout ?? 0)
                    ? DROPOUTS
                    : [...DROPOUTS, l.dropout ?? 0]
                  )
                    .sort((a, b) => a - b)
                    .map((v) => [v, v === 0 ? 'none' : String(v)] as const)}
                  onChange={(dropout) => setLayer(i, { dropout })}
                  testId={`net-dropout-${i + 1}`}
                />
              </span>
            </div>
          </div>
        ))}
        {p.batch === 1 && layers.some((l) => l.batchNorm) ? (
          <p className="net-error" data-testid="net-bn-batch1">
            Batch size 1 with batch norm: a sample minus its own mean is 0, so those neurons output
            β alone and the layers before them do not learn. Use a batch of 2 or more.
          </p>
        ) : null}
        <div className="net-row">
          <button
            data-testid="net-layer-add"
            disabled={layers.length >= NET_MAX_LAYERS}
            onClick={() =>
              setLayers([
                ...layers,
                { units: 4, activation: layers[layers.length - 1]?.activation ?? 'tanh' },
              ])
            }
          >
            Add layer
          </button>
          <button
            data-testid="net-layer-remove"
            disabled={layers.length === 0}
            onClick={() => setLayers(layers.slice(0, -1))}
          >
            Remove layer
          </button>
        </div>
      </fieldset>
    </>
  );
}
