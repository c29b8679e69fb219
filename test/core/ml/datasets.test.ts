import { describe, expect, it } from 'vitest';
import { DATASETS, datasetCreate, type DatasetId } from '../../../core/ml/datasets';

const ids = Object.keys(DATASETS) as DatasetId[];

describe('datasets', () => {
  it.each(ids)('%s: deterministic for a seed, different for another', (id) => {
    const a = datasetCreate(id, { n: 100, seed: 5 });
    const b = datasetCreate(id, { n: 100, seed: 5 });
    const c = datasetCreate(id, { n: 100, seed: 6 });
    expect(a.x).toEqual(b.x);
    expect(a.y).toEqual(b.y);
    expect(a.x).not.toEqual(c.x);
    expect(a.x.length).toBe(100 * DATASETS[id].dim);
    expect(a.y.length).toBe(100);
    expect(a.x.every(Number.isFinite)).toBe(true);
  });

  it.each(ids.filter((id) => DATASETS[id].task === 'classification'))(
    '%s: balanced 0/1 labels',
    (id) => {
      const d = datasetCreate(id, { n: 101 });
      expect(d.y.every((v) => v === 0 || v === 1)).toBe(true);
      expect(d.y.reduce((s, v) => s + v, 0)).toBe(50);
    },
  );

  it('noise-free sets lie on their defining curves', () => {
    const circles = datasetCreate('circles', { n: 50, noise: 0 });
    for (let i = 0; i < 50; i++) {
      const r = Math.hypot(circles.x[2 * i], circles.x[2 * i + 1]);
      expect(r).toBeCloseTo(circles.y[i] === 0 ? 1 : 0.5, 12);
    }
    const xor = datasetCreate('xor', { n: 50, noise: 0 });
    for (let i = 0; i < 50; i++) {
      const same = xor.x[2 * i] * xor.x[2 * i + 1] > 0;
      expect(xor.y[i]).toBe(same ? 0 : 1);
    }
    const moons = datasetCreate('moons', { n: 50, noise: 0 });
    for (let i = 0; i < 50; i++) {
      const [cx, cy] = moons.y[i] === 0 ? [-0.5, -0.25] : [0.5, 0.25];
      expect(Math.hypot(moons.x[2 * i] - cx, moons.x[2 * i + 1] - cy)).toBeCloseTo(1, 12);
    }
    const reg = datasetCreate('regression-1d', { n: 50, noise: 0 });
    for (let i = 0; i < 50; i++) expect(reg.y[i]).toBeCloseTo(Math.sin(Math.PI * reg.x[i]), 14);
  });

  it('blob classes have the stated centers', () => {
    const d = datasetCreate('blobs', { n: 2000, seed: 3 });
    const sum = [0, 0, 0, 0];
    for (let i = 0; i < d.n; i++) {
      sum[2 * d.y[i]] += d.x[2 * i] / 1000;
      sum[2 * d.y[i] + 1] += d.x[2 * i + 1] / 1000;
    }
    // noise 0.4 with 1000 points per class: the sample mean has sd ≈ 0.013.
    for (const [k, c] of [-0.8, -0.8, 0.8, 0.8].entries())
      expect(Math.abs(sum[k] - c)).toBeLessThan(0.06);
  });
});
