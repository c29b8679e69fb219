import { Tex, texNum } from '../../components/Tex';
import {
  constraintTex,
  kktTex,
  lambdaTex,
  objectiveTex,
  SOFT_THRESHOLD_DEF,
  softThresholdTex,
} from './equation-tex';
import type { RegLabModel } from '../../../core/labs/regularization/model';
import { W_OPT, W_OPT_TEX } from './names';

/** Exact-zero callout: which weights the solver set to exactly 0, or why none are. */
export function zeroCallout(m: RegLabModel): string {
  const s = m.solution;
  if (!s.active) return 'Constraint slack: the least-squares fit is inside the region, λ = 0.';
  const z = s.zeros.map((v, j) => (v ? `w${j + 1}` : '')).filter(Boolean);
  if (z.length === 2) return 'Both weights are exactly 0 (t = 0).';
  if (z.length === 1) return `${z[0]} = 0 exactly: the ellipse touches the region on an axis.`;
  return m.params.alpha === 0
    ? 'No exact zeros: the L2 ball has no corners.'
    : 'No exact zeros at this t: the tangent point is off the axes.';
}

/** The current numbers: λ, t, the optimum, exact zeros and how well the solution is certified. */
export function Readout({ model }: { model: RegLabModel }) {
  const s = model.solution;
  return (
    <div className="reg-readout">
      <p data-testid="reg-lambda">
        <Tex tex={`\\lambda^\\star = ${lambdaTex(s.lambda)}`} />
        <span className="reg-raw">
          λ* = {Number.isFinite(s.lambda) ? s.lambda.toPrecision(8) : '∞'}
        </span>
      </p>
      <p data-testid="reg-t">
        <Tex
          tex={`t = ${texNum(model.t)} = ${texNum(model.params.tFraction, 3)}\\cdot P_\\alpha(\\hat w)`}
        />
      </p>
      <p data-testid="reg-optimum">
        <Tex tex={`${W_OPT_TEX} = (${texNum(s.w[0])},\\ ${texNum(s.w[1])})`} />
        <span className="reg-raw">
          {W_OPT} = ({s.w[0] === 0 ? '0' : s.w[0].toPrecision(8)},{' '}
          {s.w[1] === 0 ? '0' : s.w[1].toPrecision(8)})
        </span>
      </p>
      <p
        className={s.active && s.zeros.some(Boolean) ? 'reg-zero' : 'readout'}
        data-testid="reg-zero-callout"
      >
        {zeroCallout(model)}
      </p>
      <p className="readout" data-testid="reg-certificate">
        KKT residual {s.stationarity.toExponential(1)}, |P(w) − t| ={' '}
        {s.feasibility.toExponential(1)}, {s.iterations} root-finding steps
      </p>
    </div>
  );
}

/** Objective, constraint form, KKT conditions and soft-threshold, all with current numbers. */
export function Equations({ model }: { model: RegLabModel }) {
  return (
    <section
      className="reg-equations"
      aria-label="Equations with current numbers"
      data-testid="reg-equations"
    >
      <div>
        <h3>Penalty form</h3>
        <Tex block tex={objectiveTex(model)} />
        <h3>Constraint form (same solution)</h3>
        <Tex block tex={constraintTex(model)} />
      </div>
      <div>
        <h3>Optimality (KKT) at w = {W_OPT}: 0 ∈ ∇L(w) + λ∂P(w)</h3>
        {kktTex(model).map((tex) => (
          <Tex key={tex} block tex={tex} />
        ))}
      </div>
      <div>
        <h3>Soft-threshold (one coordinate at a time)</h3>
        <Tex block tex={SOFT_THRESHOLD_DEF} />
        {softThresholdTex(model).map((tex) => (
          <Tex key={tex} block tex={tex} />
        ))}
      </div>
    </section>
  );
}
