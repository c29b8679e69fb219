// The Statistics of learning lab's definition, model and simulation: the schema's bounds, where
// the mean over sets stops meaning anything, and each story's claim checked on its seeded run.
import { describe, expect, it } from 'vitest';
import { labDefinitionProblem, type LabDef } from '../../../core/labs/define';
import { statisticsLab } from '../../../core/labs/statistics/lab';
import {
  bvModel,
  bvRegime,
  bvSimParams,
  bvTailIndex,
  bvFormat,
  type BvModel,
} from '../../../core/labs/statistics/model';
import { statsParamsSchema, type BvParams } from '../../../core/labs/statistics/params';
import { STATS_DEFAULTS, STATS_PRESETS } from '../../../core/labs/statistics/presets';
import { biasVarianceSim } from '../../../core/labs/statistics/sim';
import type { BiasVarianceResult } from '../../../core/ml/stats-bias-variance';

function drain<R>(gen: Generator<unknown, R, void>): R {
  for (;;) {
    const s = gen.next();
    if (s.done) return s.value;
  }
}
const simulate = (bv: BvParams, seed = 1): BiasVarianceResult =>
  drain(biasVarianceSim.start(biasVarianceSim.params.parse(bvSimParams(bv, seed))));
const story = (id: string): BvParams => {
  const p = STATS_PRESETS.find((s) => s.id === id)!.params.bv!;
  return p;
};
const modelOf = (bv: BvParams, seed = 1): BvModel => bvModel(bv, simulate(bv, seed));

describe('definition', () => {
  it('is consistent: defaults and every story fit the schema', () => {
    expect(labDefinitionProblem(statisticsLab as unknown as LabDef)).toBeNull();
  });
  it('refuses values outside the bounds compute accepts', () => {
    const bad = (bv: Partial<BvParams>) =>
      statsParamsSchema.safeParse({ ...STATS_DEFAULTS, bv: { ...STATS_DEFAULTS.bv, ...bv } })
        .success;
    expect(bad({ datasets: 1001 })).toBe(false);
    expect(bad({ degree: 16 })).toBe(false);
    expect(bad({ n: 2 })).toBe(false);
    expect(bad({ sigma: 0 })).toBe(false);
    expect(bad({ degree: 15, n: 200, datasets: 1000 })).toBe(true);
  });
});

describe('where the mean breaks', () => {
  it('α = (n − 1)/d under random x; a fixed design is always settled', () => {
    expect(bvTailIndex(10, 9, 'random')).toBe(1);
    expect(bvRegime(bvTailIndex(10, 9, 'random'))).toBe('no-mean');
    expect(bvRegime(bvTailIndex(10, 5, 'random'))).toBe('infinite'); // 9/5 = 1.8
    expect(bvRegime(bvTailIndex(10, 4, 'random'))).toBe('slow'); // 2.25
    expect(bvRegime(bvTailIndex(10, 2, 'random'))).toBe('settled'); // 4.5
    expect(bvRegime(bvTailIndex(10, 9, 'fixed'))).toBe('settled');
    expect(bvRegime(bvTailIndex(3, 0, 'random'))).toBe('settled');
  });

  it('degrees above n − 1 are not fitted, and the view says why', () => {
    const m = modelOf({ ...STATS_DEFAULTS.bv, n: 6, degree: 8, datasets: 20 });
    expect(m.rows).toHaveLength(6);
    expect(m.row).toBeNull();
    expect(m.unfitted).toMatch(/9 coefficients but each set has only 6 points/);
  });

  it('formats numbers with a true minus sign and exponents when tiny or huge', () => {
    expect(bvFormat(0.0123456)).toBe('0.0123');
    expect(bvFormat(-2.5e-7)).toBe('−2.50e−7');
    expect(bvFormat(3.2e11)).toBe('3.20e11');
    expect(bvFormat(Infinity)).toBe('∞');
  });
});

describe('stories, on their seeded runs', () => {
  it('degree 1 underfits: bias² is most of the reducible error', () => {
    const m = modelOf(story('underfit'));
    expect(m.row!.bias2).toBeGreaterThan(5 * m.row!.variance);
    // Bias falls and variance rises from degree 1 to 5 (what the e2e test drags).
    expect(m.rows[5].bias2).toBeLessThan(m.rows[1].bias2 / 10);
    expect(m.rows[5].variance).toBeGreaterThan(m.rows[1].variance);
  });

  it('degree 12 overfits: variance dominates, training error below every smaller degree', () => {
    const m = modelOf(story('overfit'));
    expect(m.row!.variance).toBeGreaterThan(10 * m.row!.bias2);
    for (let d = 0; d < 12; d++) expect(m.row!.trainError).toBeLessThan(m.rows[d].trainError);
    expect(m.best).toBeGreaterThanOrEqual(3);
    expect(m.best).toBeLessThanOrEqual(7);
  });

  it('more data tames variance: degree 9 with random x at n = 20, 50, 100, 200', () => {
    const at = (n: number) => modelOf({ ...story('more-data'), n }).row!;
    const [n20, n50, n100, n200] = [20, 50, 100, 200].map(at);
    expect(n100.regime).toBe('settled');
    expect(n200.regime).toBe('settled');
    // The story's claims: 50 points spread many times wider than 100; 20 points are wild (a few
    // sets explode, the mean settles slowly or not at all); doubling to 200 more than halves it.
    expect(n50.variance).toBeGreaterThan(10 * n100.variance);
    expect(n20.regime).not.toBe('settled');
    expect(n200.variance).toBeLessThan(n100.variance / 2);
    // Bias² stays near 0 wherever the mean settles: degree 9 can follow one period of a sine.
    for (const r of [n50, n100, n200]) expect(Math.abs(r.bias2)).toBeLessThan(0.01);
  });

  it('random x at degree 9 on 10 points: no mean; the view shows the median', () => {
    const m = modelOf(story('infinite-variance'));
    expect(m.row!.regime).toBe('no-mean');
    expect(m.curves!.centerIs).toBe('median');
    expect(m.row!.testError / m.row!.median).toBeGreaterThan(100);
  });

  it('the same with fixed x: every number within its band of the closed form', () => {
    const bv = story('fixed-design');
    const m = modelOf(bv);
    expect(m.row!.regime).toBe('settled');
    const D = bv.datasets;
    for (const w of m.rows) {
      const ex = w.exact!;
      expect(Math.abs(w.variance - ex.variance)).toBeLessThan(
        5 * Math.sqrt(2 / (D - 1)) * ex.variance,
      );
      expect(Math.abs(w.testError - w.predicted)).toBeLessThan(4 * w.gapSd);
    }
  });
});
