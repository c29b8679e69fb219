import { useMemo } from 'react';
import { bvFormat as f } from '../../../core/labs/statistics/model';
import { likelihoodModel } from '../../../core/labs/statistics/model-likelihood';
import type { StatsParams } from '../../../core/labs/statistics/params';
import { laplaceScaleForSd, regLambdaLaplace } from '../../../core/ml/stats-reg-link';
import { Tex } from '../../components/Tex';
import { BV_COLOR } from './colors';
import { CoinChart, COIN_COLOR } from './CoinChart';
import { LogLikSurface } from './LogLikSurface';
import { RegLink } from './RegLink';

const t = (v: number) =>
  f(v)
    .replace(/−/g, '-')
    .replace(/e(-?\d+)/, '\\times10^{$1}');
/** A formula on a line of its own, at text size (the panel is short at 1280×800). */
const TexLine = ({ tex }: { tex: string }) => (
  <p className="stats-tex-line">
    <Tex tex={tex} />
  </p>
);
const sw = (c: string) => <i className="stats-swatch" style={{ background: c }} />;

/**
 * Maximum likelihood and the posterior: a Gaussian sample's log-likelihood over (μ, σ) with the
 * exercise worked on its numbers; the ÷ n variance's bias measured over many samples; a coin's
 * prior, likelihood and posterior; and the ridge weight a Gaussian prior stands for.
 */
export function LikelihoodView({ params }: { params: StatsParams }) {
  const p = params.mle;
  const m = useMemo(() => likelihoodModel(p, params.seed), [p, params.seed]);
  const n = p.n;
  const c = m.coin;
  const sim = m.sim;
  const laplaceB = laplaceScaleForSd(p.tau);
  const lassoLambda = regLambdaLaplace(p.sigma, laplaceB, n);
  return (
    <section className="stats-mle" data-testid="mle-view">
      <div className="stats-panel">
        <h3>
          Log-likelihood of {n} draws from N({f(p.mu)}, {f(p.sigma)}²): highest at (x̄, σ̂) = (
          {f(m.mean)}, {f(m.sigmaMle)})
        </h3>
        <p className="stats-legend">
          {sw(BV_COLOR.center)}maximum (x̄, σ̂) · × the true (μ, σ) · colour: ℓ − ℓ_max from 0
          (bright) to −12 (dark)
        </p>
        <LogLikSurface m={m} mu={p.mu} sigma={p.sigma} />
      </div>
      <div className="stats-panel stats-steps" data-testid="mle-steps">
        <h3>The maximum, worked on this sample</h3>
        <TexLine
          tex={`\\ell(\\mu,\\sigma) = -\\tfrac{n}{2}\\log 2\\pi - n\\log\\sigma - \\tfrac{\\sum_i (x_i-\\mu)^2}{2\\sigma^2}`}
        />
        <TexLine
          tex={`\\partial_\\mu \\ell = 0:\\ \\hat\\mu = \\bar x = \\tfrac{${t(m.sum)}}{${n}} = ${t(m.mean)}`}
        />
        <TexLine
          tex={`\\partial_\\sigma \\ell = 0:\\ \\hat\\sigma^2 = \\tfrac{\\sum_i (x_i-\\bar x)^2}{n} = \\tfrac{${t(m.ss)}}{${n}} = ${t(m.sigmaMle ** 2)}`}
        />
        <TexLine
          tex={`s^2 = \\tfrac{${t(m.ss)}}{${n}-1} = ${t(m.sigmaUnbiased ** 2)},\\quad \\ell_{\\max} = -\\tfrac{n}{2}(\\log 2\\pi\\hat\\sigma^2 + 1) = ${t(m.logLikMax)}`}
        />
        <h3>
          Why divide by n − 1: {f(sim.samples)} samples of {n}
        </h3>
        <table className="stats-table" data-testid="mle-sim">
          <tbody>
            <tr>
              <th scope="row">mean of σ̂² (÷ n)</th>
              <td>
                {f(sim.meanMle)} ± {f(2 * sim.seMle)}
              </td>
              <th scope="row">(n − 1)/n · σ²</th>
              <td>{f(sim.expectedMle)}</td>
            </tr>
            <tr>
              <th scope="row">mean of s² (÷ (n − 1))</th>
              <td>
                {f(sim.meanUnbiased)} ± {f(2 * sim.seUnbiased)}
              </td>
              <th scope="row">σ²</th>
              <td>{f(sim.truth)}</td>
            </tr>
          </tbody>
        </table>
        <p className="stats-muted">± two standard errors of the simulated mean.</p>
      </div>
      <div className="stats-panel">
        <h3>
          A coin: {c.heads} {c.heads === 1 ? 'head' : 'heads'} in {c.tosses}{' '}
          {c.tosses === 1 ? 'toss' : 'tosses'}, prior Beta({f(p.priorA)}, {f(p.priorB)})
        </h3>
        <p className="stats-legend">
          {sw(COIN_COLOR.prior)}prior {sw(COIN_COLOR.likelihood)}likelihood (as a density){' '}
          {sw(COIN_COLOR.posterior)}posterior · lines: MLE, MAP, posterior mean
        </p>
        <CoinChart coin={c} />
      </div>
      <div className="stats-panel stats-steps" data-testid="coin-numbers">
        <TexLine
          tex={`\\hat p_{\\text{MLE}} = \\tfrac{k}{N} = \\tfrac{${c.heads}}{${c.tosses}} = ${t(c.mle)}`}
        />
        {c.heads === 0 && (
          <p className="stats-note" data-testid="coin-zero">
            No heads yet, so the likelihood is highest at p = 0: maximum likelihood says heads
            cannot happen. The prior keeps p away from 0.
          </p>
        )}
        <TexLine
          tex={`\\text{posterior} = \\text{Beta}(a+k,\\ b+N-k) = \\text{Beta}(${t(c.a)},\\ ${t(c.b)})`}
        />
        <TexLine
          tex={`\\hat p_{\\text{MAP}} = \\tfrac{a+k-1}{a+b+N-2} = ${t(c.map)},\\quad \\mathbb{E}[p\\mid\\text{data}] = \\tfrac{a+k}{a+b+N} = ${t(c.mean)}`}
        />
        <h3>The same idea for regression weights</h3>
        <p className="stats-note" data-testid="ridge-link">
          With noise σ = {f(p.sigma)} and a prior w ~ N(0, τ²), τ = {f(p.tau)}, the most probable
          weights minimise ‖y − Xw‖² + λ‖w‖² with λ = σ²/τ² = {f(m.ridge.sumOfSquares)}: ridge. The
          Regularization lab writes the loss per point, (1/2n)‖y − Xw‖² + (λ/2)‖w‖²; there the same
          prior with n = {n} points is λ = σ²/(nτ²) = {f(m.ridge.perSample)}. Open it on its own
          data: <RegLink lambda={m.ridge.perSample} alpha={0} testId="ridge-open" />.
        </p>
        <p className="stats-note" data-testid="lasso-link">
          A Laplace prior with the same sd, scale b = τ/√2 = {f(laplaceB)}, gives the lasso (1/2n)‖y
          − Xw‖² + λ‖w‖₁ with λ = σ²/(nb) = {f(lassoLambda)}:{' '}
          <RegLink lambda={lassoLambda} alpha={1} testId="lasso-open" />.
        </p>
      </div>
    </section>
  );
}
