/**
 * The three products of a dense layer, on row-major Float64Arrays, for the fast path
 * (mlp-kernel.ts). Each computes a small block of outputs at once (2 × 4 accumulators), so every
 * value read from memory feeds several multiply-adds, and sums every output in the same order as
 * the generic passes (mlp-forward.ts, mlp-backward.ts): the bits are the same, only the number
 * of loads and loop turns shrinks.
 */

/** Indices of a row's nonzero inputs (scratch of kernelDenseForward, grown on demand). */
let nonzero = new Int32Array(64);

/** Whether any of v[start … end) is ±0 (the generic forward skips zero inputs). */
export function kernelHasZero(v: Float64Array, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (v[k] === 0) return true;
  return false;
}

/**
 * z = h W + b for rows s ∈ [from, to): z_sj = b_j + h_s0 W_0j + h_s1 W_1j + … (h is B×fi, W
 * fi×fo, z B×fo); an empty b (a batch-norm layer) counts as 0.
 * `skipZeros` leaves out the terms whose h_si is 0, as the generic pass does: then each row runs
 * over a list of its nonzero inputs, which halves the work of a ReLU layer.
 */
export function kernelDenseForward(
  h: Float64Array,
  w: Float64Array,
  b: Float64Array,
  z: Float64Array,
  fi: number,
  fo: number,
  from: number,
  to: number,
  skipZeros: boolean,
): void {
  const bias = b.length > 0;
  let s = from;
  if (!skipZeros) {
    for (; s + 1 < to; s += 2) {
      const h0 = s * fi;
      const h1 = h0 + fi;
      const z0 = s * fo;
      const z1 = z0 + fo;
      let j = 0;
      for (; j + 3 < fo; j += 4) {
        let a0 = bias ? b[j] : 0;
        let a1 = bias ? b[j + 1] : 0;
        let a2 = bias ? b[j + 2] : 0;
        let a3 = bias ? b[j + 3] : 0;
        let c0 = a0;
        let c1 = a1;
        let c2 = a2;
        let c3 = a3;
        for (let i = 0, k = j; i < fi; i++, k += fo) {
          const x = h[h0 + i];
          const y = h[h1 + i];
          const w0 = w[k];
          const w1 = w[k + 1];
          const w2 = w[k + 2];
          const w3 = w[k + 3];
          a0 += x * w0;
          a1 += x * w1;
          a2 += x * w2;
          a3 += x * w3;
          c0 += y * w0;
          c1 += y * w1;
          c2 += y * w2;
          c3 += y * w3;
        }
        z[z0 + j] = a0;
        z[z0 + j + 1] = a1;
        z[z0 + j + 2] = a2;
        z[z0 + j + 3] = a3;
        z[z1 + j] = c0;
        z[z1 + j + 1] = c1;
        z[z1 + j + 2] = c2;
        z[z1 + j + 3] = c3;
      }
      for (; j < fo; j++) {
        let a = bias ? b[j] : 0;
        let c = a;
        for (let i = 0, k = j; i < fi; i++, k += fo) {
          const wv = w[k];
          a += h[h0 + i] * wv;
          c += h[h1 + i] * wv;
        }
        z[z0 + j] = a;
        z[z1 + j] = c;
      }
    }
  }
  // One row at a time over its nonzero inputs only (ReLU layers are half zeros).
  if (nonzero.length < fi) nonzero = new Int32Array(Math.max(fi, 2 * nonzero.length));
  const idx = nonzero;
  for (; s < to; s++) {
    const hr = s * fi;
    const zr = s * fo;
    let m = 0;
    for (let i = 0; i < fi; i++) if (h[hr + i] !== 0) idx[m++] = i;
    let j = 0;
    for (; j + 3 < fo; j += 4) {
      let a0 = bias ? b[j] : 0;
      let a1 = bias ? b[j + 1] : 0;
      let a2 = bias ? b[j + 2] : 0;
      let a3 = bias ? b[j + 3] : 0;
      for (let t = 0; t < m; t++) {
        const i = idx[t];
        const x = h[hr + i];
        const k = i * fo + j;
        a0 += x * w[k];
        a1 += x * w[k + 1];
        a2 += x * w[k + 2];
        a3 += x * w[k + 3];
      }
      z[zr + j] = a0;
      z[zr + j + 1] = a1;
      z[zr + j + 2] = a2;
      z[zr + j + 3] = a3;
    }
    for (; j < fo; j++) {
      let a = bias ? b[j] : 0;
      for (let t = 0; t < m; t++) {
        const i = idx[t];
        a += h[hr + i] * w[i * fo + j];
      }
      z[zr + j] = a;
    }
  }
}

/**
 * ∂L/∂W = hᵀ dz, adding rows s ∈ [from, to) in order: gw_ij += h_si dz_sj (h is B×fi, dz B×fo,
 * gw fi×fo; zero gw first). `skipZeros` leaves out the terms whose h_si is 0 (the generic pass
 * does so on the input layer).
 */
export function kernelWeightGrad(
  h: Float64Array,
  dz: Float64Array,
  gw: Float64Array,
  fi: number,
  fo: number,
  from: number,
  to: number,
  skipZeros: boolean,
): void {
  const p0 = from * fi;
  const q0 = from * fo;
  let i = 0;
  if (!skipZeros) {
    for (; i + 1 < fi; i += 2) {
      const r0 = i * fo;
      const r1 = r0 + fo;
      let j = 0;
      for (; j + 3 < fo; j += 4) {
        let a0 = gw[r0 + j];
        let a1 = gw[r0 + j + 1];
        let a2 = gw[r0 + j + 2];
        let a3 = gw[r0 + j + 3];
        let c0 = gw[r1 + j];
        let c1 = gw[r1 + j + 1];
        let c2 = gw[r1 + j + 2];
        let c3 = gw[r1 + j + 3];
        for (let s = from, p = p0 + i, q = q0 + j; s < to; s++, p += fi, q += fo) {
          const x = h[p];
          const y = h[p + 1];
          const d0 = dz[q];
          const d1 = dz[q + 1];
          const d2 = dz[q + 2];
          const d3 = dz[q + 3];
          a0 += x * d0;
          a1 += x * d1;
          a2 += x * d2;
          a3 += x * d3;
          c0 += y * d0;
          c1 += y * d1;
          c2 += y * d2;
          c3 += y * d3;
        }
        gw[r0 + j] = a0;
        gw[r0 + j + 1] = a1;
        gw[r0 + j + 2] = a2;
        gw[r0 + j + 3] = a3;
        gw[r1 + j] = c0;
        gw[r1 + j + 1] = c1;
        gw[r1 + j + 2] = c2;
        gw[r1 + j + 3] = c3;
      }
      for (; j < fo; j++) {
        let a = gw[r0 + j];
        let c = gw[r1 + j];
        for (let s = from, p = p0 + i, q = q0 + j; s < to; s++, p += fi, q += fo) {
          const d = dz[q];
          a += h[p] * d;
          c += h[p + 1] * d;
        }
        gw[r0 + j] = a;
        gw[r1 + j] = c;
      }
    }
  }
  for (; i < fi; i++) {
    for (let j = 0; j < fo; j++) {
      let a = gw[i * fo + j];
      for (let s = from, p = p0 + i, q = q0 + j; s < to; s++, p += fi, q += fo) {
        const x = h[p];
        if (x !== 0) a += x * dz[q];
      }
      gw[i * fo + j] = a;
    }
  }
}

/**
 * ∂L/∂h = dz Wᵀ for rows s ∈ [from, to): out_si = Σ_j dz_sj W_ij over j = 0, 1, … from 0 (dz is
 * B×fo, W fi×fo, out B×fi).
 */
export function kernelInputGrad(
  dz: Float64Array,
  w: Float64Array,
  out: Float64Array,
  fi: number,
  fo: number,
  from: number,
  to: number,
): void {
  let s = from;
  for (; s + 1 < to; s += 2) {
    const d0 = s * fo;
    const d1 = d0 + fo;
    const o0 = s * fi;
    const o1 = o0 + fi;
    let i = 0;
    for (; i + 3 < fi; i += 4) {
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let c0 = 0;
      let c1 = 0;
      let c2 = 0;
      let c3 = 0;
      for (let j = 0, k = i * fo; j < fo; j++, k++) {
        const x = dz[d0 + j];
        const y = dz[d1 + j];
        const w0 = w[k];
        const w1 = w[k + fo];
        const w2 = w[k + 2 * fo];
        const w3 = w[k + 3 * fo];
        a0 += x * w0;
        a1 += x * w1;
        a2 += x * w2;
        a3 += x * w3;
        c0 += y * w0;
        c1 += y * w1;
        c2 += y * w2;
        c3 += y * w3;
      }
      out[o0 + i] = a0;
      out[o0 + i + 1] = a1;
      out[o0 + i + 2] = a2;
      out[o0 + i + 3] = a3;
      out[o1 + i] = c0;
      out[o1 + i + 1] = c1;
      out[o1 + i + 2] = c2;
      out[o1 + i + 3] = c3;
    }
    for (; i < fi; i++) {
      let a = 0;
      let c = 0;
      for (let j = 0, k = i * fo; j < fo; j++, k++) {
        const wv = w[k];
        a += dz[d0 + j] * wv;
        c += dz[d1 + j] * wv;
      }
      out[o0 + i] = a;
      out[o1 + i] = c;
    }
  }
  for (; s < to; s++) {
    for (let i = 0; i < fi; i++) {
      let a = 0;
      for (let j = 0, k = i * fo; j < fo; j++, k++) a += dz[s * fo + j] * w[k];
      out[s * fi + i] = a;
    }
  }
}
