import {
  LAYER_ACTIVATIONS,
  LAYER_DATASETS,
  LAYER_RANGE,
  type LayerParams,
} from '../../../core/labs/inside/params';
import { numLabel } from '../../../core/math/num-format';
import { layerSet, useInsideStore } from './store';

const ACT_LABEL: Record<LayerParams['activation'], string> = {
  tanh: 'tanh',
  relu: 'ReLU',
  sigmoid: 'sigmoid σ',
  'leaky-relu': 'leaky ReLU (slope 0.1)',
};
const DATA_LABEL: Record<LayerParams['data'], string> = {
  circle: 'a disc inside a ring',
  moons: 'two moons',
  xor: 'XOR quadrants',
};

function Slider({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: number;
  onChange(v: number): void;
  testId: string;
}) {
  return (
    <label className="param-slider">
      <span>
        {label} = <span className="value">{numLabel(value, 3)}</span>
      </span>
      <input
        type="range"
        min={LAYER_RANGE.min}
        max={LAYER_RANGE.max}
        step={0.05}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        aria-label={label}
        data-testid={testId}
      />
    </label>
  );
}

/** The layer view's controls: W entry by entry, b, the activation and the points. */
export function LayerControls() {
  const p = useInsideStore((s) => s.params.layer);
  const setW = (r: 0 | 1, c: 0 | 1, v: number) =>
    layerSet({
      w: p.w.map((row, i) =>
        i === r ? row.map((x, j) => (j === c ? v : x)) : row,
      ) as LayerParams['w'],
    });
  return (
    <>
      <Slider label="W₁₁" value={p.w[0][0]} onChange={(v) => setW(0, 0, v)} testId="layer-w11" />
      <Slider label="W₁₂" value={p.w[0][1]} onChange={(v) => setW(0, 1, v)} testId="layer-w12" />
      <Slider label="W₂₁" value={p.w[1][0]} onChange={(v) => setW(1, 0, v)} testId="layer-w21" />
      <Slider label="W₂₂" value={p.w[1][1]} onChange={(v) => setW(1, 1, v)} testId="layer-w22" />
      <Slider
        label="b₁"
        value={p.b[0]}
        onChange={(v) => layerSet({ b: [v, p.b[1]] })}
        testId="layer-b1"
      />
      <Slider
        label="b₂"
        value={p.b[1]}
        onChange={(v) => layerSet({ b: [p.b[0], v] })}
        testId="layer-b2"
      />
      <label>
        Activation f
        <select
          value={p.activation}
          onChange={(e) => layerSet({ activation: e.target.value as LayerParams['activation'] })}
          data-testid="layer-activation"
        >
          {LAYER_ACTIVATIONS.map((a) => (
            <option key={a} value={a}>
              {ACT_LABEL[a]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Points
        <select
          value={p.data}
          onChange={(e) => layerSet({ data: e.target.value as LayerParams['data'] })}
          data-testid="layer-data"
        >
          {LAYER_DATASETS.map((d) => (
            <option key={d} value={d}>
              {DATA_LABEL[d]}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
