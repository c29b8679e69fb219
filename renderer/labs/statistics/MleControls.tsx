import { MLE_LIMITS, type MleParams } from '../../../core/labs/statistics/params';
import type { ParamSpec } from '../../../core/ml/surfaces-types';
import { ParamSlider } from '../../components/ParamSlider';
import { useStatsStore } from './store';

const spec = (
  id: string,
  title: string,
  tex: string,
  r: { min: number; max: number },
  integer = false,
  log = false,
): ParamSpec => ({
  id,
  title,
  tex,
  min: r.min,
  max: r.max,
  default: r.min,
  logScale: log,
  integer,
});

const SPECS: [keyof MleParams, ParamSpec][] = [
  ['n', spec('n', 'Sample size', 'n', MLE_LIMITS.n, true, true)],
  ['mu', spec('mu', 'True mean', '\\mu', MLE_LIMITS.mu)],
  ['sigma', spec('sigma', 'True standard deviation', '\\sigma', MLE_LIMITS.sigma, false, true)],
  [
    'simSamples',
    spec('simSamples', 'Samples in the simulation', 'M', MLE_LIMITS.simSamples, true, true),
  ],
  ['tosses', spec('tosses', 'Coin tosses', 'N', MLE_LIMITS.tosses, true)],
  ['heads', spec('heads', 'Heads', 'k', { min: 0, max: MLE_LIMITS.tosses.max }, true)],
  [
    'priorA',
    spec('priorA', 'Prior shape a (heads seen before)', 'a', MLE_LIMITS.prior, false, true),
  ],
  [
    'priorB',
    spec('priorB', 'Prior shape b (tails seen before)', 'b', MLE_LIMITS.prior, false, true),
  ],
  ['tau', spec('tau', 'Prior sd of a regression weight', '\\tau', MLE_LIMITS.tau, false, true)],
];

/** The likelihood view's settings. */
export function MleControls({ mle }: { mle: MleParams }) {
  const setParams = useStatsStore((s) => s.setParams);
  const set = (patch: Partial<MleParams>) =>
    setParams((p) => ({ ...p, mle: { ...p.mle, ...patch } }));
  return (
    <>
      {SPECS.map(([key, sp]) => (
        <ParamSlider
          key={key}
          spec={key === 'heads' ? { ...sp, max: mle.tosses } : sp}
          value={key === 'heads' ? Math.min(mle.heads, mle.tosses) : mle[key]}
          onChange={(v) => set({ [key]: v })}
          testId={`mle-${key}`}
        />
      ))}
      <div className="stats-choices" role="group" aria-label="Add a toss">
        <button
          disabled={mle.tosses >= MLE_LIMITS.tosses.max}
          onClick={() =>
            set({ tosses: mle.tosses + 1, heads: Math.min(mle.heads, mle.tosses) + 1 })
          }
          data-testid="mle-add-head"
        >
          Toss: heads
        </button>
        <button
          disabled={mle.tosses >= MLE_LIMITS.tosses.max}
          onClick={() => set({ tosses: mle.tosses + 1, heads: Math.min(mle.heads, mle.tosses) })}
          data-testid="mle-add-tail"
        >
          Toss: tails
        </button>
      </div>
      <button
        onClick={() => setParams((p) => ({ ...p, seed: (p.seed + 1) % 2 ** 31 }))}
        data-testid="mle-resample"
      >
        Draw a new sample
      </button>
    </>
  );
}
