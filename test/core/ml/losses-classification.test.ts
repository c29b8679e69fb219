// Classification losses: every derivative against finite differences; the stable logit forms
// against values computed with mpmath at 50 digits at ±50 and ±1000; clipping as stated; hinge's
// subgradient 0 at the kink; focal loss equal to BCE bit for bit at γ = 0 without α; categorical
// cross-entropy with hard and soft targets; means include the 1/n.
import { describe, expect, it } from 'vitest';
import { finiteDiffScalar } from '../../../core/math/finite-diff';
import {
  BCE_EPS,
  bceLogits,
  bceLogitsDerivative,
  bceProbability,
  bceProbabilityDerivative,
  binaryMean,
  focalLogits,
  focalLogitsDerivative,
  focalMargin,
  focalMarginDerivative,
  focalProbability,
  focalProbabilityDerivative,
  MARGIN_LOSS_IDS,
  MARGIN_LOSSES,
  type FocalShape,
} from '../../../core/ml/losses-classification';
import {
  categoricalCrossEntropy,
  crossEntropyLogits,
  softmax,
} from '../../../core/ml/losses-categorical';

const rel = (a: number, b: number) =>
  a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
const Z = [-1000, -50, -12, -3, -0.7, 0, 0.4, 2.5, 9, 50, 1000];
const P = [1e-6, 0.01, 0.2, 0.5, 0.73, 0.99, 1 - 1e-6];
const FOCAL: FocalShape[] = [
  { gamma: 0, alpha: null },
  { gamma: 2, alpha: 0.25 },
  { gamma: 0.5, alpha: 0.8 },
  { gamma: 5, alpha: null },
];

describe('BCE on probabilities', () => {
  it('closed forms: −log p for y = 1, −log(1 − p) for y = 0, log 2 at ½', () => {
    expect(bceProbability(0.5, 1)).toBeCloseTo(Math.LN2, 15);
    expect(rel(bceProbability(0.2, 1), -Math.log(0.2))).toBeLessThan(1e-15);
    expect(rel(bceProbability(0.2, 0), -Math.log(0.8))).toBeLessThan(1e-15);
  });
  it('the seed examples: 0.2294 confident and correct, 0.5108 less confident', () => {
    const y = [1, 0, 1, 1, 0];
    const mean = (ps: number[]) => ps.reduce((a, p, i) => a + bceProbability(p, y[i]), 0) / 5;
    // −(ln .9 + ln .9 + ln .8 + ln .7 + ln .7)/5 and −ln 0.6.
    expect(mean([0.9, 0.1, 0.8, 0.7, 0.3])).toBeCloseTo(
      -(2 * Math.log(0.9) + Math.log(0.8) + 2 * Math.log(0.7)) / 5,
      14,
    );
    expect(mean([0.9, 0.1, 0.8, 0.7, 0.3])).toBeCloseTo(0.22944289410146546, 14);
    expect(mean([0.6, 0.4, 0.6, 0.6, 0.4])).toBeCloseTo(-Math.log(0.6), 14);
  });
  it('clips p to [ε, 1 − ε]: at most −log ε, and flat (derivative 0) where clipped', () => {
    expect(bceProbability(0, 1)).toBeCloseTo(-Math.log(BCE_EPS), 12);
    expect(bceProbability(1, 0)).toBeCloseTo(-Math.log(BCE_EPS), 6);
    expect(bceProbability(0, 1)).toBeCloseTo(16.11809565095832, 12);
    expect(bceProbabilityDerivative(1e-9, 1)).toBe(0);
    expect(bceProbabilityDerivative(1, 0)).toBe(0);
  });
  it('∂/∂p matches finite differences inside the clip, soft labels too', () => {
    for (const y of [0, 1, 0.3])
      for (const p of P) {
        const h = 1e-4 * Math.min(p, 1 - p);
        const fd = finiteDiffScalar((q) => bceProbability(q, y), p, h);
        expect(rel(bceProbabilityDerivative(p, y), fd), `y=${y} p=${p}`).toBeLessThan(1e-6);
      }
  });
});

describe('BCE from logits', () => {
  // [z, softplus(−z) (y = 1), softplus(z) (y = 0), σ(z) − 1, σ(z)] from mpmath at 50 digits.
  const REF: [number, number, number, number, number][] = [
    [-1000, 1000, 0, -1, 5.0759588975494567653e-435],
    [-50, 50, 1.928749847963917783e-22, -1, 1.928749847963917783e-22],
    [
      -3, 3.0485873515737420588, 4.8587351573742058759e-2, -9.5257412682243321912e-1,
      4.7425873177566780879e-2,
    ],
    [0, 6.9314718055994530942e-1, 6.9314718055994530942e-1, -0.5, 0.5],
    [
      0.7, 4.0318604888545789319e-1, 1.1031860488854578932, -3.3181222783183389347e-1,
      6.6818777216816610653e-1,
    ],
    [50, 1.928749847963917783e-22, 50, -1.928749847963917783e-22, 1],
    [1000, 0, 1000, 0, 1],
  ];
  it.each(REF)('z = %s: finite and correct to a few ulps', (z, l1, l0, d1, d0) => {
    // Values below the smallest double (e^{−1000} ≈ 5e-435) are 0, the nearest double.
    const near = (a: number, b: number) =>
      b < 1e-300 && b > -1e-300
        ? expect(Math.abs(a)).toBe(0)
        : expect(rel(a, b)).toBeLessThan(4e-16);
    near(bceLogits(z, 1), l1);
    near(bceLogits(z, 0), l0);
    near(bceLogitsDerivative(z, 1), d1);
    near(bceLogitsDerivative(z, 0), d0);
  });
  it('equals BCE on σ(z) where the clip is not active, and soft labels follow the same form', () => {
    for (const z of [-8, -1, 0.3, 4])
      for (const y of [0, 1, 0.25]) {
        const p = 1 / (1 + Math.exp(-z));
        expect(rel(bceLogits(z, y), bceProbability(p, y))).toBeLessThan(1e-12);
        const fd = finiteDiffScalar((t) => bceLogits(t, y), z);
        expect(Math.abs(bceLogitsDerivative(z, y) - fd)).toBeLessThan(1e-8);
      }
  });
});

describe('focal loss', () => {
  it('γ = 0 without α is BCE bit for bit: values and derivatives, logits and probabilities', () => {
    const f = { gamma: 0, alpha: null };
    for (const z of Z)
      for (const y of [0, 1] as const) {
        expect(focalLogits(z, y, f)).toBe(bceLogits(z, y));
        expect(focalLogitsDerivative(z, y, f)).toBe(bceLogitsDerivative(z, y));
      }
    for (const p of [...P, 0, 1])
      for (const y of [0, 1] as const) {
        expect(focalProbability(p, y, f)).toBe(bceProbability(p, y));
        expect(focalProbabilityDerivative(p, y, f)).toBe(bceProbabilityDerivative(p, y));
      }
  });
  it('against mpmath: γ = 2, α = 0.25, class 1', () => {
    // [z, −α(1 − σ)^γ log σ, d/dz] at 50 digits.
    const REF: [number, number, number][] = [
      [-50, 12.5, -0.25],
      [-3, 6.9157011025631550861e-1, -2.8168747015872211019e-1],
      [0, 4.3321698784996581839e-2, -7.4571698784996581839e-2],
      [0.7, 1.1097630935326918736e-2, -2.3963680610126536284e-2],
      [3, 2.7320831124249380695e-5, -7.871796162207032388e-5],
      [50, 1.793773993291102605e-66, -5.3813219798733078149e-66],
    ];
    const f = { gamma: 2, alpha: 0.25 };
    for (const [z, v, d] of REF) {
      expect(rel(focalLogits(z, 1, f), v), `value at ${z}`).toBeLessThan(1e-14);
      expect(rel(focalLogitsDerivative(z, 1, f), d), `derivative at ${z}`).toBeLessThan(1e-13);
    }
    // Far tails: e^{−3000} underflows to 0 (correct to the nearest double); at −1000, α·1000.
    expect(focalLogits(1000, 1, f)).toBe(0);
    expect(focalLogits(-1000, 1, f)).toBe(250);
    expect(focalLogitsDerivative(-1000, 1, f)).toBe(-0.25);
  });
  it('α weights class 1 and 1 − α class 0; γ down-weights easy points', () => {
    const f = { gamma: 2, alpha: 0.25 };
    expect(
      rel(focalLogits(-0.7, 0, f), 0.75 * focalLogits(0.7, 1, { gamma: 2, alpha: null })),
    ).toBeLessThan(1e-15);
    // An easy point (p_t = 0.95) keeps (0.05)² = 1/400 of its BCE.
    const z = Math.log(0.95 / 0.05);
    expect(
      rel(focalLogits(z, 1, { gamma: 2, alpha: null }) / bceLogits(z, 1), 0.0025),
    ).toBeLessThan(1e-12);
  });
  it('every form’s derivative matches finite differences', () => {
    for (const f of FOCAL) {
      for (const z of Z.filter((v) => Math.abs(v) < 100))
        for (const y of [0, 1] as const) {
          const fd = finiteDiffScalar((t) => focalLogits(t, y, f), z);
          expect(
            Math.abs(focalLogitsDerivative(z, y, f) - fd),
            `γ=${f.gamma} z=${z} y=${y}`,
          ).toBeLessThan(1e-8);
          const fm = finiteDiffScalar((t) => focalMargin(t, f, y), z);
          expect(Math.abs(focalMarginDerivative(z, f, y) - fm)).toBeLessThan(1e-8);
        }
      for (const p of P)
        for (const y of [0, 1] as const) {
          const h = 1e-4 * Math.min(p, 1 - p);
          const fd = finiteDiffScalar((q) => focalProbability(q, y, f), p, h);
          const an = focalProbabilityDerivative(p, y, f);
          expect(Math.abs(an - fd) / Math.max(1, Math.abs(an)), `γ=${f.gamma} p=${p}`).toBeLessThan(
            1e-6,
          );
        }
    }
  });
});

describe('margin losses', () => {
  const f = { gamma: 2, alpha: 0.25 };
  it('hinge: max(0, 1 − m), −1 below the margin, 0 at and past it (the subgradient 0 at m = 1)', () => {
    const h = MARGIN_LOSSES.hinge;
    expect(h.value(-2, f)).toBe(3);
    expect(h.value(1, f)).toBe(0);
    expect(h.value(4, f)).toBe(0);
    expect(h.derivative(0.999, f)).toBe(-1);
    expect(h.derivative(1, f)).toBe(0);
    expect(h.derivative(7, f)).toBe(0);
  });
  it('closed forms: logistic log(1 + e^{−m}), exponential e^{−m}, zero-one counts m ≤ 0', () => {
    expect(rel(MARGIN_LOSSES.logistic.value(0, f), Math.LN2)).toBeLessThan(1e-16);
    expect(MARGIN_LOSSES.logistic.value(-1000, f)).toBe(1000);
    expect(MARGIN_LOSSES.exponential.value(0, f)).toBe(1);
    expect(MARGIN_LOSSES['zero-one'].value(0, f)).toBe(1);
    expect(MARGIN_LOSSES['zero-one'].value(1e-9, f)).toBe(0);
    expect(MARGIN_LOSSES['squared-hinge'].value(-1, f)).toBe(4);
  });
  for (const id of MARGIN_LOSS_IDS) {
    it(`${id}: derivative matches finite differences away from kinks`, () => {
      const l = MARGIN_LOSSES[id];
      for (const m of [-30, -4, -1.3, -0.2, 0.35, 0.8, 1.6, 3, 20]) {
        const fd = finiteDiffScalar((t) => l.value(t, f), m);
        expect(Math.abs(l.derivative(m, f) - fd), `${id} at ${m}`).toBeLessThan(
          1e-7 * Math.max(1, Math.abs(fd)),
        );
      }
    });
  }
  it('binaryMean: mean loss and ∂L/∂sᵢ = yᵢℓ′(mᵢ)/n against finite differences', () => {
    const s = [0.3, -1.2, 2.2, 0.9, -0.1];
    const y = [1, -1, -1, 1, 1];
    for (const id of ['logistic', 'squared-hinge', 'focal', 'exponential'] as const) {
      const { loss, gradient } = binaryMean(id, s, y, f);
      const direct =
        s.reduce(
          (a, v, i) =>
            a +
            (id === 'focal'
              ? focalLogits(v, y[i] > 0 ? 1 : 0, f)
              : MARGIN_LOSSES[id].value(y[i] * v, f)),
          0,
        ) / 5;
      expect(rel(loss, direct)).toBeLessThan(1e-15);
      for (let i = 0; i < s.length; i++) {
        const fd = finiteDiffScalar((t) => {
          const q = s.slice();
          q[i] = t;
          return binaryMean(id, q, y, f).loss;
        }, s[i]);
        expect(Math.abs(gradient[i] - fd), `${id} ${i}`).toBeLessThan(1e-8);
      }
    }
  });
});

describe('categorical cross-entropy from logits', () => {
  it('hard target: lse(z) − z_y (mpmath), gradient p − e_y', () => {
    const { loss, gradient, probabilities } = crossEntropyLogits([2, 0.5, -1], 0);
    expect(rel(loss, 2.4131129665715706021e-1)).toBeLessThan(1e-15);
    // softmax(2, 0.5, −1) = (0.7856, 0.1753, 0.0391) — not the (0.72, 0.22, 0.06) a seed prints.
    expect(probabilities[0]).toBeCloseTo(0.785597, 6);
    expect(probabilities[1]).toBeCloseTo(0.17529, 5);
    expect(probabilities[2]).toBeCloseTo(0.039113, 6);
    expect(gradient[0]).toBeCloseTo(probabilities[0] - 1, 15);
    expect(gradient[2]).toBe(probabilities[2]);
  });
  it('extreme logits stay finite: z = (1000, 0, −1000)', () => {
    expect(crossEntropyLogits([1000, 0, -1000], 2).loss).toBe(2000);
    expect(crossEntropyLogits([1000, 0, -1000], 0).loss).toBe(0);
    expect(Array.from(softmax([1000, 0, -1000]))).toEqual([1, 0, 0]);
  });
  it('soft targets: Σ tₖ(lse − zₖ), gradient p − t, both against finite differences', () => {
    const z = [0.3, -2, 1.4, 0.1];
    const t = [0.1, 0.05, 0.8, 0.05];
    const { loss, gradient } = crossEntropyLogits(z, t);
    const p = softmax(z);
    expect(rel(loss, -t.reduce((a, tk, k) => a + tk * Math.log(p[k]), 0))).toBeLessThan(1e-14);
    for (let k = 0; k < 4; k++) {
      expect(gradient[k]).toBeCloseTo(p[k] - t[k], 15);
      const fd = finiteDiffScalar((v) => {
        const q = z.slice();
        q[k] = v;
        return crossEntropyLogits(q, t).loss;
      }, z[k]);
      expect(Math.abs(gradient[k] - fd)).toBeLessThan(1e-9);
    }
  });
  it('two classes reduce to BCE from logits of the difference', () => {
    for (const d of [-30, -2, 0.5, 7])
      for (const y of [0, 1] as const)
        expect(rel(crossEntropyLogits([0, d], y).loss, bceLogits(d, y))).toBeLessThan(1e-13);
  });
  it('the mean over samples includes the 1/n in its gradient', () => {
    const logits = [0.2, -0.4, 1.1, 2, 0.3, -1];
    const targets = [2, [0.5, 0.5, 0]];
    const { loss, gradient } = categoricalCrossEntropy(logits, 3, targets);
    for (let j = 0; j < logits.length; j++) {
      const fd = finiteDiffScalar((v) => {
        const q = logits.slice();
        q[j] = v;
        return categoricalCrossEntropy(q, 3, targets).loss;
      }, logits[j]);
      expect(Math.abs(gradient[j] - fd)).toBeLessThan(1e-9);
    }
    expect(loss).toBeCloseTo(
      (crossEntropyLogits([0.2, -0.4, 1.1], 2).loss +
        crossEntropyLogits([2, 0.3, -1], [0.5, 0.5, 0]).loss) /
        2,
      15,
    );
  });
});
