import { useMemo } from 'react';
import { bvFormat as f } from '../../../core/labs/statistics/model';
import { bayesModel } from '../../../core/labs/statistics/model-bayes';
import { BLR_LIMITS, type BlrParams, type StatsParams } from '../../../core/labs/statistics/params';
import type { ParamSpec } from '../../../core/ml/surfaces-types';
import { ParamSlider } from '../../components/ParamSlider';
import { regLambdaGaussian } from '../../../core/ml/stats-reg-link';
import { BayesData, BayesWeights } from './BayesPlots';
import { RegLink } from './RegLink';
import { BV_COLOR } from './colors';
import { useStatsStore } from './store';

const sw = (c: string) => <i className="stats-swatch" style={{ background: c }} />;
const spec = (
  id: string,
  title: string,
  tex: string,
  r: { min: number; max: number },
): ParamSpec => ({
  id,
  title,
  tex,
  min: r.min,
  max: r.max,
  default: r.min,
  logScale: true,
  integer: false,
});

/** The Bayesian line view's settings. */
export function BayesControls({ blr }: { blr: BlrParams }) {
  const setParams = useStatsStore((s) => s.setParams);
  const set = (patch: Partial<BlrParams>) =>
    setParams((p) => ({ ...p, blr: { ...p.blr, ...patch } }));
  return (
    <>
      <ParamSlider
        spec={spec('sigma', 'Noise', '\\sigma', BLR_LIMITS.sigma)}
        value={blr.sigma}
        onChange={(sigma) => set({ sigma })}
        testId="bayes-sigma"
      />
      <ParamSlider
        spec={spec('tau', 'Prior sd of each weight', '\\tau', BLR_LIMITS.tau)}
        value={blr.tau}
        onChange={(tau) => set({ tau })}
        testId="bayes-tau"
      />
      <button onClick={() => set({ points: [] })} data-testid="bayes-clear">
        Remove every point
      </button>
    </>
  );
}

/**
 * Bayesian linear regression on points you place: lines drawn from the posterior and the
 * predictive band over the points; prior and posterior over (w₀, w₁); the posterior mean as ridge.
 */
export function BayesView({ params }: { params: StatsParams }) {
  const p = params.blr;
  const m = useMemo(() => bayesModel(p, params.seed), [p, params.seed]);
  const setParams = useStatsStore((s) => s.setParams);
  const [w0, w1] = m.post.mean;
  const nPts = p.points.length;
  const perPoint = nPts > 0 ? regLambdaGaussian(p.sigma, p.tau, nPts) : Infinity;
  return (
    <section className="stats-bayes" data-testid="bayes-view">
      <div className="stats-panel">
        <h3>
          {p.points.length} {p.points.length === 1 ? 'point' : 'points'}: posterior mean line,{' '}
          {m.lines.length} lines drawn from the posterior, mean ± 2 sd of a new y
        </h3>
        <p className="stats-legend">
          {sw(BV_COLOR.center)}posterior mean and ± 2 sd band {sw(BV_COLOR.fit)}drawn lines
        </p>
        <BayesData
          m={m}
          p={p}
          onPoints={(points) => setParams((q) => ({ ...q, blr: { ...q.blr, points } }))}
        />
      </div>
      <div className="stats-panel">
        <h3>
          Prior (dashed circles at τ and 2τ) and posterior (1 and 2 sd) over intercept and slope
        </h3>
        <BayesWeights m={m} p={p} />
      </div>
      <div className="stats-panel stats-numbers" data-testid="bayes-numbers">
        <p className="stats-note">
          Posterior mean (w₀, w₁) = ({f(w0)}, {f(w1)}), sd ({f(Math.sqrt(m.post.cov[0]))},{' '}
          {f(Math.sqrt(m.post.cov[2]))}). It is also the most probable line, and the same line ridge
          regression gives for ‖y − Φw‖² + λ‖w‖² with λ = σ²/τ² = {f(m.lambda)} (the intercept
          penalised too). Each point narrows the band near it; far from the points the band widens
          with the prior.
        </p>
        {nPts > 0 && (
          <p className="stats-note" data-testid="bayes-ridge-link">
            Per point, as the Regularization lab writes it, λ = σ²/(nτ²) = {f(perPoint)} with n ={' '}
            {nPts}. Open that lab on its own data:{' '}
            <RegLink lambda={perPoint} alpha={0} testId="bayes-ridge-open" />.
          </p>
        )}
      </div>
    </section>
  );
}
