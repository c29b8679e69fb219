/**
 * Batch normalization of a minibatch X ∈ ℝ^{B×F} (row-major: sample b, feature j at b·F + j).
 *
 * Training mode, per feature j over the batch:
 *   μⱼ = (1/B) Σ_b x_bj,  σ²ⱼ = (1/B) Σ_b (x_bj − μⱼ)²  (biased, as used for normalizing),
 *   x̂_bj = (x_bj − μⱼ)/√(σ²ⱼ + ε),  y_bj = γⱼ x̂_bj + βⱼ.
 * Inference mode uses running estimates instead of batch statistics. Running estimates follow
 *   μ̄ ← (1−m) μ̄ + m μ,  σ̄² ← (1−m) σ̄² + m σ² · B/(B−1)  (unbiased batch variance, B > 1),
 * with momentum m (default 0.1), the same convention as PyTorch. A batch of one sample has no
 * variance (σ² = 0, so x̂ = 0 and y = β whatever x is, and ∂L/∂x = 0): it leaves the running
 * estimates where they are, instead of pulling σ̄² toward 0.
 */

/** Per-batch quantities kept from the forward pass for the backward pass. */
export interface BatchNormCache {
  /** Batch mean μ, length F. */
  readonly mean: Float64Array;
  /** Biased batch variance σ², length F. */
  readonly variance: Float64Array;
  /** 1/√(σ² + ε), length F. */
  readonly invStd: Float64Array;
  /** Normalized inputs x̂, length capacity·F (only the first B·F are meaningful). */
  readonly xhat: Float64Array;
}

/** Allocates a cache for up to `capacity` samples of `features` features. */
export function batchNormCacheCreate(capacity: number, features: number): BatchNormCache {
  return {
    mean: new Float64Array(features),
    variance: new Float64Array(features),
    invStd: new Float64Array(features),
    xhat: new Float64Array(capacity * features),
  };
}

/**
 * Training-mode forward: y = γ ⊙ (x − μ)/√(σ² + ε) + β with batch statistics (shapes B×F for x, y;
 * F for γ, β). Fills `cache` (μ, σ², 1/√(σ²+ε), x̂). `y` may not alias `x`.
 */
export function batchNormForwardTrain(
  x: Float64Array,
  batch: number,
  features: number,
  gamma: Float64Array,
  beta: Float64Array,
  eps: number,
  cache: BatchNormCache,
  y: Float64Array,
): void {
  const { mean, variance, invStd, xhat } = cache;
  const F = features;
  mean.fill(0);
  variance.fill(0);
  for (let b = 0; b < batch; b++) {
    const row = b * F;
    for (let j = 0; j < F; j++) mean[j] += x[row + j];
  }
  for (let j = 0; j < F; j++) mean[j] /= batch;
  // Two-pass variance: subtracting the mean first avoids the cancellation of E[x²] − μ².
  for (let b = 0; b < batch; b++) {
    const row = b * F;
    for (let j = 0; j < F; j++) {
      const d = x[row + j] - mean[j];
      variance[j] += d * d;
    }
  }
  for (let j = 0; j < F; j++) {
    variance[j] /= batch;
    invStd[j] = 1 / Math.sqrt(variance[j] + eps);
  }
  for (let b = 0; b < batch; b++) {
    const row = b * F;
    for (let j = 0; j < F; j++) {
      const xh = (x[row + j] - mean[j]) * invStd[j];
      xhat[row + j] = xh;
      y[row + j] = gamma[j] * xh + beta[j];
    }
  }
}

/**
 * Inference-mode forward: y = γ ⊙ (x − μ̄)/√(σ̄² + ε) + β with running statistics μ̄, σ̄²
 * (length F).
 */
export function batchNormForwardInference(
  x: Float64Array,
  batch: number,
  features: number,
  gamma: Float64Array,
  beta: Float64Array,
  runningMean: Float64Array,
  runningVar: Float64Array,
  eps: number,
  y: Float64Array,
): void {
  const F = features;
  for (let b = 0; b < batch; b++) {
    const row = b * F;
    for (let j = 0; j < F; j++) {
      const s = gamma[j] / Math.sqrt(runningVar[j] + eps);
      y[row + j] = (x[row + j] - runningMean[j]) * s + beta[j];
    }
  }
}

/**
 * Training-mode backward. Given ∂L/∂y (B×F) and the forward cache:
 *   ∂L/∂γⱼ = Σ_b ∂L/∂y_bj · x̂_bj,   ∂L/∂βⱼ = Σ_b ∂L/∂y_bj,
 *   ∂L/∂x_bj = (γⱼ/√(σ²ⱼ+ε)) · (∂L/∂y_bj − (1/B)∂L/∂βⱼ − x̂_bj (1/B)∂L/∂γⱼ),
 * which accounts for μ and σ² depending on every sample of the batch. Writes (not accumulates)
 * dx (B×F), dGamma and dBeta (F). `dx` may alias `dy`.
 */
export function batchNormBackward(
  dy: Float64Array,
  batch: number,
  features: number,
  gamma: Float64Array,
  cache: BatchNormCache,
  dx: Float64Array,
  dGamma: Float64Array,
  dBeta: Float64Array,
): void {
  const { invStd, xhat } = cache;
  const F = features;
  dGamma.fill(0);
  dBeta.fill(0);
  for (let b = 0; b < batch; b++) {
    const row = b * F;
    for (let j = 0; j < F; j++) {
      const g = dy[row + j];
      dGamma[j] += g * xhat[row + j];
      dBeta[j] += g;
    }
  }
  const invB = 1 / batch;
  for (let b = 0; b < batch; b++) {
    const row = b * F;
    for (let j = 0; j < F; j++) {
      const k = row + j;
      dx[k] = gamma[j] * invStd[j] * (dy[k] - invB * dBeta[j] - xhat[k] * invB * dGamma[j]);
    }
  }
}

/**
 * Inference-mode backward: with μ̄ and σ̄² fixed, y = γ(x − μ̄)/√(σ̄² + ε) + β is affine in each
 * feature, so ∂L/∂x_bj = ∂L/∂y_bj · γⱼ/√(σ̄²ⱼ + ε), ∂L/∂γⱼ = Σ_b ∂L/∂y_bj (x_bj − μ̄ⱼ)/√(σ̄²ⱼ + ε)
 * and ∂L/∂βⱼ = Σ_b ∂L/∂y_bj. Writes dx (B×F; may alias dy), dGamma and dBeta (F).
 */
export function batchNormBackwardInference(
  dy: Float64Array,
  x: Float64Array,
  batch: number,
  features: number,
  gamma: Float64Array,
  runningMean: Float64Array,
  runningVar: Float64Array,
  eps: number,
  dx: Float64Array,
  dGamma: Float64Array,
  dBeta: Float64Array,
): void {
  const F = features;
  dGamma.fill(0);
  dBeta.fill(0);
  for (let b = 0; b < batch; b++) {
    const row = b * F;
    for (let j = 0; j < F; j++) {
      const inv = 1 / Math.sqrt(runningVar[j] + eps);
      const g = dy[row + j];
      dGamma[j] += g * (x[row + j] - runningMean[j]) * inv;
      dBeta[j] += g;
      dx[row + j] = g * gamma[j] * inv;
    }
  }
}

/**
 * Moves running estimates toward this batch's statistics with momentum m ∈ [0, 1]
 * (μ̄ ← (1−m)μ̄ + mμ; σ̄² ← (1−m)σ̄² + m σ²·B/(B−1)); a batch of one changes nothing.
 */
export function batchNormRunningUpdate(
  runningMean: Float64Array,
  runningVar: Float64Array,
  cache: BatchNormCache,
  batch: number,
  momentum: number,
): void {
  if (batch < 2) return;
  const correction = batch / (batch - 1);
  for (let j = 0; j < runningMean.length; j++) {
    runningMean[j] = (1 - momentum) * runningMean[j] + momentum * cache.mean[j];
    runningVar[j] = (1 - momentum) * runningVar[j] + momentum * cache.variance[j] * correction;
  }
}
