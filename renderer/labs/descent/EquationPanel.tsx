import { descentRacerTerms, type DescentStepTerms } from '../../../core/labs/descent/model';
import { Tex, texNum } from '../../components/Tex';
import { RACER_COLORS } from './colors';
import { useDescentThrottled } from './use-throttled';

type V = readonly [number, number];
const vec = ([a, b]: V) => `\\begin{pmatrix}${texNum(a, 3)}\\\\${texNum(b, 3)}\\end{pmatrix}`;

/** The step's numbers as TeX: one line per quantity, aligned at the equals sign. */
function stepTex(s: DescentStepTerms, k: number): string {
  const lines: string[] = [];
  if (s.kind === 'gd') {
    lines.push(`\\theta_{${k + 1}} &= ${vec(s.theta)} - ${texNum(s.lr)}\\,${vec(s.grad)}`);
    lines.push(`&= ${vec(s.next)}`);
  } else if (s.kind === 'momentum' || s.kind === 'nesterov') {
    const step =
      s.kind === 'momentum'
        ? vec(s.velocityNext)
        : `\\left(${vec(s.grad)} + ${texNum(s.mu)}\\,${vec(s.velocityNext)}\\right)`;
    lines.push(
      `v_{${k + 1}} &= ${texNum(s.mu)}\\,${vec(s.velocity)} + ${vec(s.grad)} = ${vec(s.velocityNext)}`,
    );
    lines.push(`\\theta_{${k + 1}} &= ${vec(s.theta)} - ${texNum(s.lr)}\\,${step}`);
    lines.push(`&= ${vec(s.next)}`);
  } else if (s.kind !== 'final') {
    lines.push(`\\theta_{${k}} &= ${vec(s.theta)}`, `\\nabla f(\\theta_{${k}}) &= ${vec(s.grad)}`);
    if (s.velocityNext) lines.push(`v_{${k + 1}} &= ${vec(s.velocityNext)}`);
    lines.push(`\\theta_{${k + 1}} &= ${vec(s.next)}`);
  } else {
    lines.push(
      `\\theta_{${k}} &= ${vec(s.theta)}`,
      `f(\\theta_{${k}}) &= ${texNum(s.loss)}`,
      `\\|\\nabla f(\\theta_{${k}})\\| &= ${texNum(s.gradNorm)}`,
    );
  }
  return `\\begin{aligned}${lines.join('\\\\')}\\end{aligned}`;
}

/**
 * The selected optimizer's update rule, then the same step with the current numbers: the terms
 * come from core (the recorded trajectory and the parameters as compute resolved them), so the
 * equation always matches the picture.
 */
export function EquationPanel() {
  const view = useDescentThrottled((s) => {
    const t = s.trajectories[s.selected];
    const racer = s.params.racers[s.selected];
    if (!t || !racer) return null;
    const k = Math.min(s.position, t.count - 1);
    return { t, k, racer, index: s.selected };
  });
  if (!view) return null;
  const { t, k, racer, index } = view;
  const terms = descentRacerTerms(racer, t, k);
  if (!terms) return null;
  const numeric = stepTex(terms.step, k);
  return (
    <div
      className="panel equation"
      data-testid="equation"
      style={{ borderLeftColor: RACER_COLORS[index] }}
    >
      <h3>
        {terms.title} — step {k}
      </h3>
      <Tex block tex={terms.rule} />
      <Tex block tex={numeric} className="numeric" />
      {t.divergedAtStep != null && k === t.count - 1 && (
        <p className="diverged">
          The next step (step {t.divergedAtStep}) produced a non-finite or runaway value: diverged.
        </p>
      )}
    </div>
  );
}
