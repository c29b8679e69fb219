// The hard-margin SVM's dual (SMO) against a closed form and against an independent primal search
// over normal directions; the margin constraints hold with equality exactly at the support vectors.
import { describe, expect, it } from 'vitest';
import { svmDualSolve, svmPrimalByAngle, type SvmPoint } from '../../../core/math/calc-svm';

const P = (x: number, y: number, label: 1 | -1): SvmPoint => ({ x, y, label });

/** A small deterministic generator (no Math.random in tests). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (1664525 * s + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
}

describe('svmDualSolve', () => {
  it('symmetric case: ±(1, 0) are the support vectors, w = (1, 0), b = 0, margin 2, α = ½', () => {
    const pts = [P(1, 0, 1), P(2, 1, 1), P(2, -1, 1), P(-1, 0, -1), P(-2, 1, -1), P(-2, -1, -1)];
    const s = svmDualSolve(pts);
    if (!s.ok) throw new Error(s.reason);
    expect(s.w[0]).toBeCloseTo(1, 12);
    expect(s.w[1]).toBeCloseTo(0, 12);
    expect(s.b).toBeCloseTo(0, 12);
    expect(s.margin).toBeCloseTo(2, 12);
    expect(s.support).toEqual([0, 3]);
    expect(s.exact).toBe(true);
    expect(s.alpha[0]).toBeCloseTo(0.5, 12);
    expect(s.alpha[3]).toBeCloseTo(0.5, 12);
    // Strong duality: the dual objective equals ½‖w‖².
    expect(s.dual).toBeCloseTo(0.5, 12);
  });

  it('random separable sets: equality exactly at the support vectors, w and b as the angle search finds', () => {
    const rnd = lcg(7);
    let sets = 0;
    let exact = 0;
    for (let trial = 0; sets < 25; trial++) {
      const n = 4 + (trial % 14);
      const pts: SvmPoint[] = [];
      const t = rnd() * Math.PI;
      const [c, sn] = [Math.cos(t), Math.sin(t)];
      for (let k = 0; k < n; k++) {
        const label = k % 2 === 0 ? 1 : -1;
        const along = 3 * rnd();
        const across = label * (0.3 + 2 * Math.abs(rnd()));
        pts.push(P(c * across - sn * along + 0.5, sn * across + c * along - 0.2, label));
      }
      const s = svmDualSolve(pts);
      if (!s.ok) throw new Error(s.reason);
      sets++;
      if (s.exact) {
        exact++;
        for (const k of s.support) expect(Math.abs(s.slack[k])).toBeLessThan(1e-13);
      }
      for (let k = 0; k < n; k++) {
        expect(s.slack[k]).toBeGreaterThan(-1e-9);
        expect(Math.abs(s.alpha[k] * s.slack[k])).toBeLessThan(1e-9);
        if (s.support.includes(k)) expect(Math.abs(s.slack[k])).toBeLessThan(1e-9);
        else expect(s.alpha[k]).toBe(0);
      }
      let sy = 0;
      for (let k = 0; k < n; k++) sy += s.alpha[k] * pts[k].label;
      expect(Math.abs(sy)).toBeLessThan(1e-9);
      const primal = svmPrimalByAngle(pts);
      expect(s.w[0]).toBeCloseTo(primal.w[0], 6);
      expect(s.w[1]).toBeCloseTo(primal.w[1], 6);
      expect(s.b).toBeCloseTo(primal.b, 6);
      expect(s.margin).toBeCloseTo(primal.gap, 8);
    }
    // Random points in general position: the support set's system is regular every time.
    expect(exact).toBe(sets);
  });

  it('four points on the margin (α not unique): w, b and the margin are still the unique ones, each class’s α sums to ½', () => {
    const s = svmDualSolve([P(1, 1, 1), P(1, -1, 1), P(-1, 1, -1), P(-1, -1, -1), P(3, 0, 1)]);
    if (!s.ok) throw new Error(s.reason);
    expect(s.w[0]).toBeCloseTo(1, 9);
    expect(s.w[1]).toBeCloseTo(0, 9);
    expect(s.margin).toBeCloseTo(2, 9);
    expect(s.alpha[4]).toBe(0);
    expect(s.alpha[0] + s.alpha[1]).toBeCloseTo(0.5, 12);
    expect(s.alpha[2] + s.alpha[3]).toBeCloseTo(0.5, 12);
    for (const k of s.support) expect(Math.abs(s.slack[k])).toBeLessThan(1e-12);
  });

  it('refuses one class and overlapping classes', () => {
    expect(svmDualSolve([P(0, 0, 1), P(1, 1, 1)])).toEqual({ ok: false, reason: 'one-class' });
    expect(svmDualSolve([P(0, 0, 1), P(1, 0, -1), P(2, 0, 1)])).toEqual({
      ok: false,
      reason: 'not-separable',
    });
  });
});
