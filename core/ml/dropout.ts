/**
 * Inverted dropout on a layer's output a (B×F, row-major): in training, a ← a ⊙ m with
 * m_k = 0 with probability p and 1/(1 − p) otherwise, so E[m_k] = 1 and evaluation (m = 1) needs no
 * rescaling; the backward pass multiplies ∂L/∂a by the same m. Masks come from a seeded Rng, one
 * draw per entry in row order, so a seed and a batch size fix the mask.
 */
import { rngCreate } from '../math/rng';
import type { Rng } from '../math/rng';
import type { Mlp } from './mlp';

/** Fills mask[0 … n) for rate p: 0 where rng.next() < p, else 1/(1 − p). Returns the zeros drawn. */
export function dropoutMaskDraw(rng: Rng, p: number, mask: Float64Array, n: number): number {
  const keep = 1 / (1 - p);
  let zeros = 0;
  for (let k = 0; k < n; k++) {
    if (rng.next() < p) {
      mask[k] = 0;
      zeros++;
    } else mask[k] = keep;
  }
  return zeros;
}

/** v[k] ← v[k] · mask[k] for k < n (the forward product and the backward one alike). */
export function dropoutApply(v: Float64Array, mask: Float64Array, n: number): void {
  for (let k = 0; k < n; k++) v[k] *= mask[k];
}

/**
 * Restarts a net's dropout masks from `seed`: the next training passes (of the same batch sizes)
 * draw the same masks as after any other restart from that seed.
 */
export function mlpDropoutReseed(net: Mlp, seed: number): void {
  net.dropoutRng = rngCreate(seed);
}
