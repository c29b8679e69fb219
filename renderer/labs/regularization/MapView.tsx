import { Tex, texNum } from '../../components/Tex';
import { MapPlot } from './MapPlot';
import type { RegLabModel } from '../../../core/labs/regularization/model';
import { OKABE } from './colors';
import { W_LS, W_OPT } from './names';

function priorName(alpha: number): string {
  if (alpha === 0) return 'Gaussian prior: circles';
  if (alpha === 1) return 'Laplace prior: diamonds';
  return 'Elastic-net prior: rounded diamonds';
}

/**
 * The plane as a Bayesian picture: likelihood ellipses, contours of the prior density
 * e^{−κP_α(w)} and the posterior mode, which is the regularized solution; the prior contour
 * through the mode is the plane's constraint region. The numbers tie λ, the prior's scale and
 * the noise σ together for the (1/2n)‖y − Xw‖² normalisation.
 */
export function MapView({ model }: { model: RegLabModel }) {
  const { solution: s, prior, params } = model;
  const kappa = prior.kappa;
  const lam = s.lambda;
  const informative = lam > 0 && Number.isFinite(lam);
  const n = params.n;
  const sigma = params.noise;
  const scaleTex =
    params.alpha === 0
      ? `\\text{Gaussian: } \\tau = \\frac{\\sigma}{\\sqrt{n\\lambda}} = ${texNum(prior.gaussianScale)}`
      : params.alpha === 1
        ? `\\text{Laplace: } \\beta = \\frac{\\sigma^2}{n\\lambda} = ${texNum(prior.laplaceScale)}`
        : `p(w) \\propto e^{-\\kappa(${texNum(params.alpha)}\\lVert w\\rVert_1 + ${texNum((1 - params.alpha) / 2)}\\lVert w\\rVert_2^2)}`;
  return (
    <section className="reg-map" data-testid="reg-map">
      <strong>MAP: prior × likelihood</strong>
      <div className="reg-map-body">
        <MapPlot model={model} label={priorName(params.alpha)} />
        <div className="reg-map-numbers">
          <p>
            {priorName(params.alpha)} (<span style={{ color: OKABE.purple }}>purple</span>),
            likelihood (<span style={{ color: OKABE.sky }}>blue</span>), maximum-likelihood fit{' '}
            {W_LS} (white ×), posterior mode {W_OPT} (
            <span style={{ color: OKABE.vermillion }}>red</span>): where a prior contour touches a
            likelihood contour.
          </p>
          {informative ? (
            <>
              <Tex
                block
                tex={`\\kappa = \\frac{n\\lambda}{\\sigma^2} = \\frac{${n}\\cdot ${texNum(lam)}}{${texNum(sigma)}^2} = ${texNum(kappa)}`}
              />
              <Tex block tex={scaleTex} />
              <Tex
                block
                tex={`\\textstyle\\sum(y-\\hat y)^2\\text{ form: } \\lambda_\\Sigma = 2n\\lambda = ${texNum(prior.lambdaSumOfSquares)}`}
              />
              <p className="readout">
                At the mode the log prior has fallen by κP = {model.logPriorDrop.toPrecision(3)} and
                the log likelihood by {model.logLikelihoodDrop.toPrecision(3)} from their peaks.
              </p>
              <p className="readout" data-testid="reg-map-residual">
                Posterior-mode check at the red point: subgradient residual{' '}
                {model.mapResidual.toExponential(1)}
              </p>
            </>
          ) : (
            <p className="readout">
              {lam === 0
                ? 'λ = 0: a flat prior, so the posterior mode is the least-squares fit.'
                : 'No finite λ: the prior would be a point mass at 0.'}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
