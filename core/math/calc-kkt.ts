/**
 * Minimise f(x, y) subject to one inequality g(x, y) ≤ b, by active sets, with the sign
 * convention L = f + λ(g − b) and λ ≥ 0:
 *
 *   stationarity        ∇f + λ∇g = 0
 *   primal feasibility  g ≤ b
 *   dual feasibility    λ ≥ 0
 *   complementary slackness  λ(g − b) = 0
 *
 * Two sets of candidates: the constraint inactive (λ = 0), which are the minima of f with g < b
 * (Newton on ∇f = 0 from a grid, calc-critical); and the constraint active (g = b), which are the
 * stationary points of f on the curve with λ ≥ 0 (calc-lagrange). The KKT point with the lowest f
 * is the answer; each of the four conditions is reported with its residual there.
 */
import { calcCriticalPoints, type CalcBox, type CalcFunction2 } from './calc-critical';
import { calcLagrangePoints } from './calc-lagrange';

export interface CalcKktResiduals {
  /** |∇f + λ∇g| */
  readonly stationarity: number;
  /** max(0, g − b) */
  readonly primal: number;
  /** max(0, −λ) */
  readonly dual: number;
  /** |λ (g − b)| */
  readonly slackness: number;
}

export interface CalcKktPoint {
  readonly x: number;
  readonly y: number;
  readonly f: number;
  /** g(x, y), to set beside b. */
  readonly g: number;
  readonly lambda: number;
  readonly active: boolean;
  readonly gradF: readonly [number, number];
  readonly gradG: readonly [number, number];
  readonly residuals: CalcKktResiduals;
}

export interface CalcKktResult {
  /** The lowest KKT point found, or null when neither set has one in the box. */
  readonly best: CalcKktPoint | null;
  /** Every KKT point found, sorted by f. */
  readonly points: readonly CalcKktPoint[];
}

function kktPoint(
  f: CalcFunction2,
  g: CalcFunction2,
  b: number,
  x: number,
  y: number,
  lambda: number,
  active: boolean,
): CalcKktPoint {
  const vf = new Float64Array(6);
  const vg = new Float64Array(6);
  f(x, y, vf);
  g(x, y, vg);
  const slack = vg[0] - b;
  return {
    x,
    y,
    f: vf[0],
    g: vg[0],
    lambda,
    active,
    gradF: [vf[1], vf[2]],
    gradG: [vg[1], vg[2]],
    residuals: {
      stationarity: Math.hypot(vf[1] + lambda * vg[1], vf[2] + lambda * vg[2]),
      primal: Math.max(0, slack),
      dual: Math.max(0, -lambda),
      slackness: Math.abs(lambda * slack),
    },
  };
}

/**
 * The minima (and degenerate critical points) of f in the box: the inactive candidates, which do
 * not depend on b, so a sweep over b finds them once.
 */
export function calcKktInterior(f: CalcFunction2, box: CalcBox): { x: number; y: number }[] {
  return calcCriticalPoints(f, box).filter((c) => c.kind === 'minimum' || c.kind === 'degenerate');
}

/** Every KKT point of min f subject to g ≤ b in the box, and the lowest of them. */
export function calcKktSolve(
  f: CalcFunction2,
  g: CalcFunction2,
  b: number,
  box: CalcBox,
  interior: readonly { x: number; y: number }[] = calcKktInterior(f, box),
): CalcKktResult {
  const points: CalcKktPoint[] = [];
  const vg = new Float64Array(6);
  const tol = 1e-9 * (1 + Math.abs(b));
  for (const c of interior) {
    g(c.x, c.y, vg);
    if (vg[0] < b - tol) points.push(kktPoint(f, g, b, c.x, c.y, 0, false));
  }
  for (const p of calcLagrangePoints(f, g, b, box))
    if (p.lambda >= -1e-12) points.push(kktPoint(f, g, b, p.x, p.y, Math.max(0, p.lambda), true));
  points.sort((p, q) => p.f - q.f);
  return { best: points[0] ?? null, points };
}
