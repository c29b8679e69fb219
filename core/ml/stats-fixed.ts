/**
 * What the bias–variance simulation converges to under a fixed design, in closed form.
 *
 * With the same x_1 … x_n in every training set, the degree-d fit is linear in y: ĝ_d(x) =
 * h_d(x)ᵀy with h_d(x)ᵀ = φ_d(x)ᵀ(XᵀX)⁻¹Xᵀ (the hat matrix's row extended to any x). With
 * y = f(X) + σε:
 *   E ĝ_d(x)   = h_d(x)ᵀ f(X)                  (the fit to the noise-free targets)
 *   Var ĝ_d(x) = σ² ‖h_d(x)‖² = σ² Σ_{j ≤ d} ψ_j(x)²
 *   E ‖y − ĝ_d(X)‖²/n = (‖(I − H_d) f(X)‖² + σ² (n − d − 1)) / n      (H_d idempotent, trace d + 1)
 * averaged over the test points as the simulation averages them. Computed with the same nested QR
 * (ψ and z = Qᵀf: core/ml/stats-qr.ts); the tests check it against (XᵀX)⁻¹ formed independently.
 */
import { fixedDesign, testGrid, TRUE_FUNCTIONS, type TrueFunctionId } from './stats-basis';
import {
  legendreRows,
  nestedQrCreate,
  nestedQrFactor,
  nestedQrPredict,
  nestedQrProject,
  nestedQrPsi,
  nestedQrRss,
} from './stats-qr';

export interface FixedDesignExpectation {
  degrees: number;
  /** Per degree: mean over the test points of (E ĝ − f)², of Var ĝ, and E(test MSE) = their sum + σ². */
  bias2: Float64Array;
  variance: Float64Array;
  testError: Float64Array;
  /** Per degree: expected training MSE. */
  trainError: Float64Array;
  /** degree·T + t: E ĝ_d(x_t). */
  meanFit: Float64Array;
}

export function fixedDesignExpectation(setup: {
  fn: TrueFunctionId;
  sigma: number;
  n: number;
  maxDegree: number;
  testPoints?: number;
}): FixedDesignExpectation {
  const { n, sigma } = setup;
  const T = setup.testPoints ?? 100;
  const G = Math.min(setup.maxDegree, n - 1) + 1;
  const f = TRUE_FUNCTIONS[setup.fn].value;
  const xs = fixedDesign(n);
  const testX = testGrid(T);
  const truth = testX.map(f);
  const qr = nestedQrCreate(n, G);
  if (nestedQrFactor(qr, xs) < G) throw new Error('the fixed design is singular');
  const psi = new Float64Array(T * G);
  nestedQrPsi(qr, legendreRows(testX, G), T, psi);
  nestedQrProject(qr, xs.map(f));
  const rss = new Float64Array(G);
  nestedQrRss(qr, rss);
  const meanFit = new Float64Array(G * T);
  nestedQrPredict(qr, psi, T, G, meanFit);
  const out: FixedDesignExpectation = {
    degrees: G,
    bias2: new Float64Array(G),
    variance: new Float64Array(G),
    testError: new Float64Array(G),
    trainError: new Float64Array(G),
    meanFit,
  };
  for (let d = 0; d < G; d++) {
    let b2 = 0;
    let v = 0;
    for (let t = 0; t < T; t++) {
      b2 += (meanFit[d * T + t] - truth[t]) ** 2;
      let h2 = 0;
      for (let j = 0; j <= d; j++) h2 += psi[t * G + j] ** 2;
      v += sigma ** 2 * h2;
    }
    out.bias2[d] = b2 / T;
    out.variance[d] = v / T;
    out.testError[d] = out.bias2[d] + out.variance[d] + sigma ** 2;
    out.trainError[d] = (rss[d] + sigma ** 2 * (n - d - 1)) / n;
  }
  return out;
}
