import { OPTIMIZERS, optimizerById } from '../../../core/ml/optimizers';
import { ParamSlider } from '../../components/ParamSlider';
import { MAX_RACERS } from '../../../core/labs/descent/params';
import { RACER_COLORS } from './colors';
import { descentRacerNext } from '../../../core/labs/descent/racers';
import { useDescentStore } from './store';

/** Up to 8 optimizers, each with its own colour and hyperparameters; "Add" brings a kind not yet racing. */
export function RacerList() {
  const racers = useDescentStore((s) => s.params.racers);
  const selected = useDescentStore((s) => s.selected);
  const result = useDescentStore((s) => s.trajectories);
  const setParams = useDescentStore((s) => s.setParams);
  const update = (i: number, patch: Partial<(typeof racers)[number]>) =>
    setParams({ racers: racers.map((r, k) => (k === i ? { ...r, ...patch } : r)) });
  return (
    <fieldset className="panel">
      <legend>Optimizers</legend>
      {racers.map((r, i) => {
        const spec = optimizerById(r.optimizer);
        const t = result[i];
        return (
          <div
            key={i}
            className={`racer${i === selected ? ' selected' : ''}`}
            style={{ borderColor: RACER_COLORS[i] }}
            data-testid={`racer-${i}`}
          >
            <div className="row">
              <button
                className="swatch"
                style={{ background: RACER_COLORS[i] }}
                aria-label={`Show the equations of racer ${i + 1}`}
                onClick={() => useDescentStore.setState({ selected: i })}
              />
              <select
                value={r.optimizer}
                aria-label={`Optimizer ${i + 1}`}
                onChange={(e) => update(i, { optimizer: e.target.value, params: {} })}
              >
                {OPTIMIZERS.map((o) => (
                  <option key={o.descriptor.id} value={o.descriptor.id}>
                    {o.descriptor.title}
                  </option>
                ))}
              </select>
              <button
                aria-label={`Remove racer ${i + 1}`}
                disabled={racers.length === 1}
                onClick={() => setParams({ racers: racers.filter((_, k) => k !== i) })}
              >
                ✕
              </button>
            </div>
            {t?.divergedAtStep != null && (
              <p className="diverged" data-testid={`diverged-${i}`}>
                Diverged at step {t.divergedAtStep}
              </p>
            )}
            {i === selected &&
              spec?.descriptor.params.map((p) => (
                <ParamSlider
                  key={p.id}
                  spec={p}
                  value={r.params[p.id] ?? p.default}
                  onChange={(v) => update(i, { params: { ...r.params, [p.id]: v } })}
                  testId={`racer-${i}-${p.id}`}
                />
              ))}
          </div>
        );
      })}
      <button
        disabled={racers.length >= MAX_RACERS}
        onClick={() => setParams({ racers: [...racers, descentRacerNext(racers)] })}
        data-testid="add-racer"
      >
        Add optimizer ({racers.length}/{MAX_RACERS})
      </button>
    </fieldset>
  );
}
