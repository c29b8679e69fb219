import { useState } from 'react';
import type { ParamSpec } from '../../../core/ml/surfaces-types';
import { ParamSlider } from '../../components/ParamSlider';
import { Tex, texNum } from '../../components/Tex';
import { lambdaTex } from './equation-tex';
import { W_TRUE } from './names';
import { regTFractionForLambda, type RegLabModel } from '../../../core/labs/regularization/model';
import { REG_PRESETS, type RegLabParams } from '../../../core/labs/regularization/params';
import { useRegStore } from './store';

const spec = (
  id: string,
  title: string,
  tex: string,
  min: number,
  max: number,
  integer = false,
): ParamSpec => ({
  id,
  title,
  tex,
  min,
  max,
  default: min,
  logScale: false,
  integer,
});
const ALPHA = spec('alpha', 'Mix α (1 = L1, 0 = L2)', '\\alpha', 0, 1);
const RHO = spec('correlation', 'Feature correlation', '\\rho', -0.95, 0.95);
const NOISE = spec('noise', 'Noise', '\\sigma', 0.05, 3);
const N = spec('n', 'Samples', 'n', 10, 400, true);
const LOG_LAMBDA = { min: -3, max: 1.5 };

const PENALTIES: { id: string; label: string; alpha: number }[] = [
  { id: 'l1', label: 'L1 lasso', alpha: 1 },
  { id: 'en', label: 'Elastic net', alpha: 0.5 },
  { id: 'l2', label: 'L2 ridge', alpha: 0 },
];

/** Presets, penalty choice, the linked t / λ sliders and the data sliders. */
export function Controls({ model }: { model: RegLabModel }) {
  const params = model.params;
  const setParams = useRegStore((s) => s.setParams);
  const [story, setStory] = useState<string | null>(null);
  const set =
    <K extends keyof RegLabParams>(key: K) =>
    (v: RegLabParams[K]) =>
      setParams({ [key]: v });
  const lam = model.solution.lambda;
  const logLam =
    lam > 0 && Number.isFinite(lam) ? Math.log10(lam) : lam === 0 ? LOG_LAMBDA.min : LOG_LAMBDA.max;
  return (
    <>
      <h2>Regularization</h2>
      <div className="reg-presets" role="group" aria-label="Presets">
        {REG_PRESETS.map((p) => (
          <button
            key={p.id}
            data-testid={`reg-preset-${p.id}`}
            onClick={() => {
              useRegStore.getState().storyApply(p.id);
              setStory(p.story);
            }}
          >
            {p.title}
          </button>
        ))}
      </div>
      {story && <p className="reg-story">{story}</p>}
      <div className="row" role="group" aria-label="Penalty">
        {PENALTIES.map((p) => (
          <button
            key={p.id}
            data-testid={`reg-penalty-${p.id}`}
            aria-pressed={params.alpha === p.alpha}
            onClick={() => setParams({ alpha: p.alpha })}
          >
            {p.label}
          </button>
        ))}
      </div>
      <ParamSlider spec={ALPHA} value={params.alpha} onChange={set('alpha')} testId="reg-alpha" />
      <label className="param-slider">
        <span>
          Constraint size <Tex tex={`t = ${texNum(model.t)}`} />{' '}
          <span className="value">({Math.round(params.tFraction * 100)}% of P(ŵ))</span>
        </span>
        <input
          type="range"
          min={0}
          max={1.2}
          step={0.005}
          value={params.tFraction}
          onChange={(e) => setParams({ tFraction: Number(e.target.value) })}
          data-testid="reg-t-slider"
          aria-label="Constraint size t"
        />
      </label>
      <label className="param-slider">
        <span>
          Penalty weight (linked) <Tex tex={`\\lambda = ${lambdaTex(lam)}`} />
        </span>
        <input
          type="range"
          min={LOG_LAMBDA.min}
          max={LOG_LAMBDA.max}
          step={0.01}
          value={Math.max(LOG_LAMBDA.min, Math.min(LOG_LAMBDA.max, logLam))}
          onChange={(e) => {
            const f = regTFractionForLambda(model, 10 ** Number(e.target.value));
            setParams({ tFraction: Math.max(0, Math.min(1.2, f)) });
          }}
          data-testid="reg-lambda-slider"
          aria-label="Penalty weight λ (log scale)"
        />
      </label>
      <ParamSlider
        spec={RHO}
        value={params.correlation}
        onChange={set('correlation')}
        testId="reg-correlation"
      />
      <ParamSlider spec={NOISE} value={params.noise} onChange={set('noise')} testId="reg-noise" />
      <ParamSlider spec={N} value={params.n} onChange={set('n')} />
      <p className="readout">
        True weights {W_TRUE} = ({params.trueWeights[0].toFixed(2)},{' '}
        {params.trueWeights[1].toFixed(2)}), which generate the data: drag the green diamond.
      </p>
    </>
  );
}
