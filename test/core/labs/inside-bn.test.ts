// The batch-norm view against a computation written out here: biased batch variance for
// normalising, ε inside the root, PyTorch's running update (momentum, unbiased variance), the
// inference output from the running statistics; and the stories' claims.
import { describe, expect, it } from 'vitest';
import { labPresetParams } from '../../../core/labs/define';
import { insideLab } from '../../../core/labs/inside/lab';
import { bnModel } from '../../../core/labs/inside/model-bn';
import { INSIDE_DEFAULTS, type BnParams } from '../../../core/labs/inside/params';
import { rngCreate } from '../../../core/math/rng';

const EPS = 1e-5;

/** Batch norm of one feature, written out: train-mode outputs and one running update. */
function reference(x: number[], gamma: number, beta: number, m: number, run: [number, number]) {
  const B = x.length;
  const mu = x.reduce((s, v) => s + v, 0) / B;
  const v = x.reduce((s, t) => s + (t - mu) ** 2, 0) / B;
  const y = x.map((t) => gamma * ((t - mu) / Math.sqrt(v + EPS)) + beta);
  const next: [number, number] =
    B < 2 ? run : [(1 - m) * run[0] + m * mu, (1 - m) * run[1] + m * v * (B / (B - 1))];
  return { mu, v, y, next };
}

const story = (id: string): BnParams =>
  labPresetParams(
    insideLab,
    insideLab.presets.find((p) => p.id === id)!,
    INSIDE_DEFAULTS,
  ).bn;

describe('batch-norm view', () => {
  it('train mode, one running update and inference mode equal the written-out computation', () => {
    const r = rngCreate(5);
    for (let k = 0; k < 50; k++) {
      const B = 1 + Math.floor(r.next() * 8);
      const p: BnParams = {
        ...INSIDE_DEFAULTS.bn,
        x: Array.from({ length: B }, () => r.next() * 8 - 4),
        gamma: r.next() * 4 - 2,
        beta: r.next() * 2 - 1,
        momentum: 0.05 + r.next() * 0.5,
        history: 0,
      };
      const m = bnModel(p, 1);
      const ref = reference(p.x, p.gamma, p.beta, p.momentum, [0, 1]);
      expect(m.mean).toBeCloseTo(ref.mu, 12);
      expect(m.variance).toBeCloseTo(ref.v, 12);
      m.yTrain.forEach((y, i) => expect(y).toBeCloseTo(ref.y[i], 10));
      expect(m.runningAfter.mean).toBeCloseTo(ref.next[0], 12);
      expect(m.runningAfter.variance).toBeCloseTo(ref.next[1], 12);
      const [rm, rv] = ref.next;
      m.yEval.forEach((y, i) =>
        expect(y).toBeCloseTo(p.gamma * ((p.x[i] - rm) / Math.sqrt(rv + EPS)) + p.beta, 10),
      );
      if (B > 1) expect(m.unbiased).toBeCloseTo((ref.v * B) / (B - 1), 12);
    }
  });

  it('the default: μ_B, the biased σ²_B and the first running update, by hand', () => {
    const m = bnModel(INSIDE_DEFAULTS.bn, 3);
    // x = (1.5, −0.5, 2, 0.4): μ = 0.85, σ² = (0.4225 + 1.8225 + 1.3225 + 0.2025)/4 = 0.9425.
    expect(m.mean).toBeCloseTo(0.85, 14);
    expect(m.variance).toBeCloseTo(0.9425, 14);
    expect(m.runningAfter.mean).toBeCloseTo(0.085, 14);
    expect(m.runningAfter.variance).toBeCloseTo(0.9 + 0.1 * 0.9425 * (4 / 3), 14);
    expect(m.tex.variance.endsWith('= 0.9425')).toBe(true);
  });

  it('the running statistics follow earlier batches from N(dataMean, dataStd²)', () => {
    const p = { ...INSIDE_DEFAULTS.bn, history: 3, dataMean: 2, dataStd: 0.5 };
    const m = bnModel(p, 9);
    const r = rngCreate(9);
    let run: [number, number] = [0, 1];
    for (let k = 0; k < 3; k++) {
      const batch = p.x.map(() => p.dataMean + p.dataStd * r.normal());
      run = reference(batch, 1, 0, p.momentum, run).next;
      expect(m.history[k].mean).toBeCloseTo(run[0], 12);
      expect(m.history[k].variance).toBeCloseTo(run[1], 12);
    }
    expect(m.runningBefore.mean).toBeCloseTo(run[0], 12);
  });

  it('stories: a shifted batch is centred in train mode but not in inference; a batch of one gives β and no update', () => {
    const s = bnModel(story('bn-shifted'), INSIDE_DEFAULTS.seed);
    expect(Math.abs(s.runningBefore.mean)).toBeLessThan(0.3);
    expect(Math.abs(s.runningBefore.variance - 1)).toBeLessThan(0.3);
    const avg = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    expect(avg(s.yTrain)).toBeCloseTo(INSIDE_DEFAULTS.bn.beta, 10);
    expect(avg(s.yEval)).toBeGreaterThan(3);
    const t = bnModel(story('bn-tiny'), INSIDE_DEFAULTS.seed);
    expect(t.single).toBe(true);
    expect(t.yTrain).toEqual([INSIDE_DEFAULTS.bn.beta]);
    expect(t.runningAfter).toEqual(t.runningBefore);
  });
});
