import { optimizerById } from '../../../core/ml/optimizers';
import { Tex, texNum } from '../../components/Tex';
import { RACER_COLORS } from './params';
import { useDescentThrottled } from './use-throttled';

const vec = (a: number, b: number) =>
  `\\begin{pmatrix}${texNum(a, 3)}\\\\${texNum(b, 3)}\\end{pmatrix}`;

/**
 * The selected optimizer's update rule, then the same step with the current numbers: generated
 * from the recorded trajectory, so it always matches the picture.
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
  const spec = optimizerById(racer.optimizer);
  if (!spec) return null;
  const lr = racer.params.lr ?? spec.descriptor.params.find((p) => p.id === 'lr')?.default ?? NaN;
  const [x, y] = [t.positions[2 * k], t.positions[2 * k + 1]];
  const [gx, gy] = [t.gradients[2 * k], t.gradients[2 * k + 1]];
  const hasNext = k + 1 < t.count;
  const [nx, ny] = hasNext ? [t.positions[2 * k + 2], t.positions[2 * k + 3]] : [NaN, NaN];
  let numeric: string;
  if (racer.optimizer === 'gd' && hasNext) {
    numeric = `\\begin{aligned}\\theta_{${k + 1}} &= ${vec(x, y)} - ${texNum(lr)}\\,${vec(gx, gy)}\\\\ &= ${vec(nx, ny)}\\end{aligned}`;
  } else if (
    (racer.optimizer === 'momentum' || racer.optimizer === 'nesterov') &&
    hasNext &&
    t.velocities
  ) {
    // PyTorch's rule: v ← μv + ∇f(θ); momentum steps by v, Nesterov by ∇f(θ) + μv.
    const mu =
      racer.params.momentum ??
      spec.descriptor.params.find((p) => p.id === 'momentum')?.default ??
      NaN;
    const [vx, vy] = [t.velocities[2 * k], t.velocities[2 * k + 1]];
    const [wx, wy] = [t.velocities[2 * k + 2], t.velocities[2 * k + 3]];
    const step =
      racer.optimizer === 'momentum'
        ? vec(wx, wy)
        : `\\left(${vec(gx, gy)} + ${texNum(mu)}\\,${vec(wx, wy)}\\right)`;
    numeric = `\\begin{aligned}v_{${k + 1}} &= ${texNum(mu)}\\,${vec(vx, vy)} + ${vec(gx, gy)} = ${vec(wx, wy)}\\\\ \\theta_{${k + 1}} &= ${vec(x, y)} - ${texNum(lr)}\\,${step}\\\\ &= ${vec(nx, ny)}\\end{aligned}`;
  } else if (hasNext) {
    const vel = t.velocities ? vec(t.velocities[2 * k + 2], t.velocities[2 * k + 3]) : '';
    const lines = [`\\theta_{${k}} &= ${vec(x, y)}`, `\\nabla f(\\theta_{${k}}) &= ${vec(gx, gy)}`];
    if (vel) lines.push(`v_{${k + 1}} &= ${vel}`);
    lines.push(`\\theta_{${k + 1}} &= ${vec(nx, ny)}`);
    numeric = `\\begin{aligned}${lines.join('\\\\')}\\end{aligned}`;
  } else {
    numeric = `\\begin{aligned}\\theta_{${k}} &= ${vec(x, y)}\\\\ f(\\theta_{${k}}) &= ${texNum(t.losses[k])}\\\\ \\|\\nabla f(\\theta_{${k}})\\| &= ${texNum(Math.hypot(gx, gy))}\\end{aligned}`;
  }
  return (
    <div
      className="panel equation"
      data-testid="equation"
      style={{ borderLeftColor: RACER_COLORS[index] }}
    >
      <h3>
        {spec.descriptor.title} — step {k}
      </h3>
      <Tex block tex={spec.descriptor.tex} />
      <Tex block tex={numeric} className="numeric" />
      {t.divergedAtStep != null && k === t.count - 1 && (
        <p className="diverged">
          The next step (step {t.divergedAtStep}) produced a non-finite or runaway value: diverged.
        </p>
      )}
    </div>
  );
}
