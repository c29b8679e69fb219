import { BV_LIMITS, type BvParams } from '../../../core/labs/statistics/params';
import { TRUE_FUNCTIONS, TRUE_FUNCTION_IDS } from '../../../core/ml/stats-basis';
import type { ParamSpec } from '../../../core/ml/surfaces-types';
import { ParamSlider } from '../../components/ParamSlider';
import { useStatsStore } from './store';

const spec = (
  id: string,
  title: string,
  tex: string,
  r: { min: number; max: number },
  opts: { integer?: boolean; log?: boolean } = {},
): ParamSpec => ({
  id,
  title,
  tex,
  min: r.min,
  max: r.max,
  default: r.min,
  logScale: !!opts.log,
  integer: !!opts.integer,
});

const SIGMA = spec('sigma', 'Noise', '\\sigma', BV_LIMITS.sigma, { log: true });
const N = spec('n', 'Points per training set', 'n', BV_LIMITS.n, { integer: true, log: true });
const D = spec('datasets', 'Training sets', 'D', BV_LIMITS.datasets, { integer: true, log: true });
const DEGREE = spec('degree', 'Degree looked at', 'd', BV_LIMITS.degree, { integer: true });

/** The bias–variance experiment's settings. */
export function BvControls({ bv }: { bv: BvParams }) {
  const setParams = useStatsStore((s) => s.setParams);
  const set = (patch: Partial<BvParams>) => setParams((p) => ({ ...p, bv: { ...p.bv, ...patch } }));
  return (
    <>
      <fieldset className="stats-fieldset">
        <legend>True function f(x)</legend>
        <div className="stats-choices">
          {TRUE_FUNCTION_IDS.map((id) => (
            <button
              key={id}
              aria-pressed={bv.fn === id}
              onClick={() => set({ fn: id })}
              data-testid={`bv-fn-${id}`}
            >
              {TRUE_FUNCTIONS[id].title}
            </button>
          ))}
        </div>
      </fieldset>
      <ParamSlider
        spec={DEGREE}
        value={bv.degree}
        onChange={(degree) => set({ degree })}
        testId="bv-degree"
      />
      <ParamSlider
        spec={SIGMA}
        value={bv.sigma}
        onChange={(sigma) => set({ sigma })}
        testId="bv-sigma"
      />
      <ParamSlider spec={N} value={bv.n} onChange={(n) => set({ n })} testId="bv-n" />
      <ParamSlider
        spec={D}
        value={bv.datasets}
        onChange={(datasets) => set({ datasets })}
        testId="bv-datasets"
      />
      <fieldset className="stats-fieldset">
        <legend>Where the x of each set come from</legend>
        <div className="stats-choices">
          <button
            aria-pressed={bv.design === 'random'}
            onClick={() => set({ design: 'random' })}
            data-testid="bv-design-random"
          >
            Random, new each set
          </button>
          <button
            aria-pressed={bv.design === 'fixed'}
            onClick={() => set({ design: 'fixed' })}
            data-testid="bv-design-fixed"
          >
            Fixed, evenly spaced
          </button>
        </div>
      </fieldset>
      <button
        onClick={() => setParams((p) => ({ ...p, seed: (p.seed + 1) % 2 ** 31 }))}
        data-testid="bv-redraw"
      >
        Draw new training sets
      </button>
    </>
  );
}
