import { BN_MAX_BATCH, BP_VALUE_RANGE, type BnParams } from '../../../core/labs/inside/params';
import { NumberField } from './NumberField';
import { useInsideStore } from './store';

function bnSet(patch: Partial<BnParams>): void {
  useInsideStore.getState().setParams((p) => ({ ...p, bn: { ...p.bn, ...patch } }));
}

/** The batch-norm view's controls: the batch, γ and β, the momentum and the earlier batches. */
export function BnControls() {
  const p = useInsideStore((s) => s.params.bn);
  return (
    <>
      <div className="inside-fields">
        {p.x.map((x, i) => (
          <NumberField
            key={i}
            label={`x${'₁₂₃₄₅₆₇₈'[i]}`}
            value={x}
            min={BP_VALUE_RANGE.min}
            max={BP_VALUE_RANGE.max}
            onChange={(v) => bnSet({ x: p.x.map((t, j) => (j === i ? v : t)) })}
            testId={`bn-x${i}`}
          />
        ))}
      </div>
      <div className="row">
        <button
          disabled={p.x.length >= BN_MAX_BATCH}
          onClick={() => bnSet({ x: [...p.x, 0] })}
          data-testid="bn-add"
        >
          Add a sample
        </button>
        <button
          disabled={p.x.length <= 1}
          onClick={() => bnSet({ x: p.x.slice(0, -1) })}
          data-testid="bn-remove"
        >
          Remove the last
        </button>
      </div>
      <div className="inside-fields">
        <NumberField
          label="γ"
          value={p.gamma}
          min={-5}
          max={5}
          onChange={(gamma) => bnSet({ gamma })}
          testId="bn-gamma"
        />
        <NumberField
          label="β"
          value={p.beta}
          min={-5}
          max={5}
          onChange={(beta) => bnSet({ beta })}
          testId="bn-beta"
        />
        <NumberField
          label="momentum"
          value={p.momentum}
          min={0.01}
          max={1}
          step={0.05}
          onChange={(momentum) => bnSet({ momentum })}
          testId="bn-momentum"
        />
      </div>
      <div className="inside-fields">
        <NumberField
          label="earlier batches"
          value={p.history}
          min={0}
          max={200}
          step={1}
          onChange={(v) => bnSet({ history: Math.round(v) })}
          testId="bn-history"
        />
        <NumberField
          label="drawn from mean"
          value={p.dataMean}
          min={-5}
          max={5}
          onChange={(dataMean) => bnSet({ dataMean })}
          testId="bn-data-mean"
        />
        <NumberField
          label="and std"
          value={p.dataStd}
          min={0.1}
          max={5}
          onChange={(dataStd) => bnSet({ dataStd })}
          testId="bn-data-std"
        />
      </div>
    </>
  );
}
