/**
 * Descent's practice questions: one gradient step by hand, and the largest stable step on an
 * ill-conditioned bowl. Answers and worked solutions come from the surfaces' exact gradients and
 * Hessians in core/ml, with the question's numbers defined once here.
 */
import { surfaceById } from '../../ml/surfaces';
import { exerciseNum as n, type LabExercise } from '../guide';
import type { DescentParams } from './params';

const STEP = { kappa: 10, start: [-2.5, 1] as const, lr: 0.19 };
const STABLE = { kappa: 50, angle: 20 };

const ellipse = (kappa: number, angle = 0) => surfaceById('ellipse', { kappa, angle })!;

function stepY(): { g: number[]; y1: number } {
  const g = Array.from(ellipse(STEP.kappa).gradient(STEP.start[0], STEP.start[1], [0, 0]));
  return { g, y1: STEP.start[1] - STEP.lr * g[1] };
}

/** Eigenvalues of the (constant) Hessian of the rotated ellipse, largest first. */
function hessianEigen(): { h: number[]; lmax: number; lmin: number } {
  const h = Array.from(ellipse(STABLE.kappa, STABLE.angle).hessian(0, 0, [0, 0, 0]));
  const mean = (h[0] + h[2]) / 2;
  const r = Math.hypot((h[0] - h[2]) / 2, h[1]);
  return { h, lmax: mean + r, lmin: mean - r };
}

export const DESCENT_EXERCISES: LabExercise<DescentParams>[] = [
  {
    id: 'one-step',
    title: 'One gradient step by hand',
    story: 'too-large',
    prompt: `Gradient descent with learning rate η = ${STEP.lr} starts at (${STEP.start.join(', ')}) on the bowl below. What is y after one step?`,
    tex: `f(x, y) = \\tfrac12\\,(x^2 + ${STEP.kappa}\\,y^2)`,
    answer: () => stepY().y1,
    tolerance: 1e-3,
    solution: () => {
      const { g, y1 } = stepY();
      const [x0, y0] = STEP.start;
      return [
        `\\nabla f(x, y) = (x,\\ ${STEP.kappa}\\,y)`,
        `\\nabla f(${x0}, ${y0}) = (${n(g[0])},\\ ${n(g[1])})`,
        `\\text{each step multiplies y by } 1 - \\eta\\kappa = ${n(1 - STEP.lr * STEP.kappa)}\\text{: it changes sign, overshooting the floor}`,
        `y_1 = y_0 - \\eta\\,\\partial_y f = ${y0} - ${STEP.lr}\\cdot ${n(g[1])} = ${n(y1)}`,
      ];
    },
  },
  {
    id: 'stable-step',
    title: 'The largest stable learning rate',
    story: 'valley',
    prompt: `On the ellipse with condition number κ = ${STABLE.kappa}, rotated by ${STABLE.angle}°, what is the largest learning rate η for which gradient descent does not diverge?`,
    tex: `f = \\tfrac12\\,(u^2 + ${STABLE.kappa}\\,v^2),\\quad u = x\\cos\\varphi + y\\sin\\varphi,\\ v = -x\\sin\\varphi + y\\cos\\varphi`,
    answer: () => 2 / hessianEigen().lmax,
    tolerance: 1e-4,
    solution: () => {
      const { h, lmax, lmin } = hessianEigen();
      return [
        `H = \\begin{pmatrix} ${n(h[0])} & ${n(h[1])} \\\\ ${n(h[1])} & ${n(h[2])} \\end{pmatrix}`,
        `\\lambda_{\\max} = ${n(lmax)},\\quad \\lambda_{\\min} = ${n(lmin)}\\ \\ (\\text{rotation does not change them})`,
        `\\text{along the steep eigenvector each step multiplies the error by } 1 - \\eta\\,\\lambda_{\\max}`,
        `|1 - \\eta\\,\\lambda_{\\max}| < 1 \\iff \\eta < 2/\\lambda_{\\max} = ${n(2 / lmax)}`,
      ];
    },
  },
];
