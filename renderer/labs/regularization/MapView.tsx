import { useMemo } from 'react';
import { regRegionBoundary } from '../../../core/ml/regularization-geometry';
import { Tex, texNum } from '../../components/Tex';
import { PLANE_GRID, type RegLabModel } from './model';
import { OKABE } from './params';
import { tickText } from './plane-glyphs';
import { W_LS, W_OPT } from './names';
import { svgContour, svgMap, svgPolygon } from './svg-paths';

const SIZE = 300;
/** Room around the plot for tick labels and the axis titles (SVG user units). */
const PAD = { left: 62, bottom: 60, top: 10, right: 14 };
/** Axis text size in SVG units: the plot is drawn at about half its viewBox size, so ≈ 11 px. */
const FONT = 20;

/** Whole-number ticks with labels on both axes, and the titles w₁ and w₂. */
function MapAxes({ box }: { box: RegLabModel['box'] }) {
  const { px, py } = svgMap(box, SIZE);
  const ticks: number[] = [];
  for (let v = Math.ceil(box.xMin); v <= box.xMax; v++) ticks.push(v);
  return (
    <g className="reg-map-axes" fontSize={FONT} fill="#9aa6c0">
      <rect width={SIZE} height={SIZE} fill="none" stroke="#2a3550" />
      {ticks.map((v) => (
        <g key={v}>
          <line x1={px(v)} x2={px(v)} y1={SIZE} y2={SIZE + 6} stroke="#6b7794" />
          <line x1={-6} x2={0} y1={py(v)} y2={py(v)} stroke="#6b7794" />
          <text className="reg-map-tick" x={px(v)} y={SIZE + 8 + FONT} textAnchor="middle">
            {tickText(v)}
          </text>
          <text className="reg-map-tick" x={-10} y={py(v) + FONT / 3} textAnchor="end">
            {tickText(v)}
          </text>
        </g>
      ))}
      <text className="reg-map-title" x={SIZE / 2} y={SIZE + 14 + 2 * FONT} textAnchor="middle">
        w₁
      </text>
      <text className="reg-map-title" x={-50} y={SIZE / 2 + FONT / 3} textAnchor="middle">
        w₂
      </text>
    </g>
  );
}
/** Prior contours at these multiples of P_α at the mode (the middle one passes through it). */
const PRIOR_MULTIPLES = [0.25, 0.5, 1, 2, 4];

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
  const { box, solution: s, prior, params } = model;
  const { px, py } = svgMap(box, SIZE);
  const kappa = prior.kappa;
  const lam = s.lambda;
  const informative = lam > 0 && Number.isFinite(lam);
  // P at the mode is t when the constraint binds; at t = 0 fall back to the prior's own scale.
  const base = s.penalty > 0 ? s.penalty : 1 / kappa;
  const paths = useMemo(() => {
    const likelihood = model.lossLevels
      .filter((_, k) => k % 2 === 1)
      .map((level) => svgContour(model.lossGrid, PLANE_GRID, level, SIZE))
      .join('');
    const throughMode = svgContour(model.lossGrid, PLANE_GRID, model.lossAtOptimum, SIZE);
    const priors = informative
      ? PRIOR_MULTIPLES.map((m) =>
          svgPolygon(regRegionBoundary(params.alpha, m * base, 48), box, SIZE),
        )
      : [];
    return { likelihood, throughMode, priors };
  }, [model, params.alpha, base, box, informative]);
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
        <svg
          viewBox={`${-PAD.left} ${-PAD.top} ${SIZE + PAD.left + PAD.right} ${SIZE + PAD.top + PAD.bottom}`}
          className="reg-map-svg"
          role="img"
          aria-label={priorName(params.alpha)}
        >
          <defs>
            <clipPath id="reg-map-plot">
              <rect width={SIZE} height={SIZE} />
            </clipPath>
          </defs>
          <rect width={SIZE} height={SIZE} fill="#0f1420" />
          <MapAxes box={box} />
          <g clipPath="url(#reg-map-plot)">
            <line x1={px(0)} x2={px(0)} y1={0} y2={SIZE} stroke="#6b7794" />
            <line y1={py(0)} y2={py(0)} x1={0} x2={SIZE} stroke="#6b7794" />
            <path d={paths.likelihood} stroke={OKABE.sky} strokeOpacity={0.45} fill="none" />
            {s.active && (
              <path d={paths.throughMode} stroke={OKABE.sky} strokeWidth={2} fill="none" />
            )}
            {paths.priors.map((d, k) => (
              <path
                key={k}
                d={d}
                stroke={OKABE.purple}
                strokeWidth={PRIOR_MULTIPLES[k] === 1 ? 2.2 : 1}
                fill="none"
              />
            ))}
            <path
              d={`M${px(model.ols[0]) - 5} ${py(model.ols[1]) - 5}l10 10m0 -10l-10 10`}
              stroke="#ffffff"
              strokeWidth={2}
            />
            <circle
              cx={px(s.w[0])}
              cy={py(s.w[1])}
              r={5}
              fill={OKABE.vermillion}
              stroke="#ffffff"
              strokeWidth={1.5}
            />
          </g>
        </svg>
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
