/**
 * The logistic function and its relatives, in the forms that never overflow and keep relative
 * precision in the tails. The one home for σ and softplus: activations, the logistic-loss surface,
 * the MLP's loss and the expression language all call these.
 */

/** σ(x) = 1/(1+e^{−x}), evaluated through e^{−|x|} so it never overflows (∞/∞ never arises). */
export function logisticSigmoid(x: number): number {
  const e = Math.exp(-Math.abs(x));
  return x >= 0 ? 1 / (1 + e) : e / (1 + e);
}

/** σ′(x) = σ(x)(1−σ(x)) = e^{−|x|}/(1+e^{−|x|})², which keeps relative precision in the tails. */
export function logisticSigmoidDerivative(x: number): number {
  const e = Math.exp(-Math.abs(x));
  const d = 1 + e;
  return e / (d * d);
}

/** softplus(x) = ln(1+eˣ) = max(x, 0) + ln(1+e^{−|x|}), the form that cannot overflow. */
export function logisticSoftplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}
