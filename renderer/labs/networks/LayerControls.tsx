import { ACTIVATIONS, type ActivationId } from '../../../core/ml/activations';
import { NET_FEATURE_IDS, NET_FEATURES } from '../../../core/ml/net-features';
import {
  NET_MAX_LAYERS,
  NET_MAX_UNITS,
  type NetworksParams,
} from '../../../core/labs/networks/params';
import { useNetworksStore } from './store';

const ACT_IDS = Object.keys(ACTIVATIONS) as ActivationId[];

/** The input features and the hidden layers: how many, how wide, which activation. */
export function LayerControls() {
  const p = useNetworksStore((s) => s.params);
  const setNet = useNetworksStore((s) => s.setNet);
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
      </fieldset>
    </>
  );
}
