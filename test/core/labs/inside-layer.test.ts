// The layer view: 2×2 determinant, eigen-pairs, singular values and rank against closed forms and
// their defining identities; the plane carried through the stages; a singular W flattening the
// plane onto a line.
import { describe, expect, it } from 'vitest';
import { layerCarry, layerModel } from '../../../core/labs/inside/model-layer';
import { INSIDE_DEFAULTS, type LayerParams } from '../../../core/labs/inside/params';
import { labPresetParams } from '../../../core/labs/define';
import { insideLab } from '../../../core/labs/inside/lab';
import {
  mat2Apply,
  mat2Eigen,
  mat2GeneralDet,
  mat2Rank,
  mat2Singular,
  type Mat2,
} from '../../../core/math/linalg-2x2';
import { rngCreate } from '../../../core/math/rng';

const randomMat = (seed: number): Mat2 => {
  const r = rngCreate(seed);
  const u = () => (r.next() * 2 - 1) * 3;
  return [
    [u(), u()],
    [u(), u()],
  ];
};

describe('2×2 linear algebra', () => {
  it('closed forms: det, rotation, shear, diagonal, zero', () => {
    expect(
      mat2GeneralDet([
        [1.2, 0.6],
        [-0.4, 0.9],
      ]),
    ).toBeCloseTo(1.2 * 0.9 + 0.6 * 0.4, 15);
    const rot = mat2Eigen([
      [0, -1],
      [1, 0],
    ]);
    expect(rot.real).toBe(false);
    expect(rot.lambda1).toBe(0);
    expect(rot.imag).toBe(1);
    const shear = mat2Eigen([
      [1, 1],
      [0, 1],
    ]);
    expect(shear.real).toBe(true);
    expect([shear.lambda1, shear.lambda2]).toEqual([1, 1]);
    expect(Math.abs(shear.v1![0])).toBeCloseTo(1, 12);
    const diag = mat2Eigen([
      [3, 0],
      [0, -2],
    ]);
    expect([diag.lambda1, diag.lambda2]).toEqual([3, -2]);
    expect(Math.abs(diag.v1![0])).toBe(1);
    expect(Math.abs(diag.v2![1])).toBe(1);
    expect(
      mat2Singular([
        [3, 0],
        [0, -2],
      ]),
    ).toEqual([3, 2]);
    expect(
      mat2Rank([
        [0, 0],
        [0, 0],
      ]),
    ).toBe(0);
    expect(
      mat2Rank([
        [1.2, 0.6],
        [0.6, 0.3],
      ]),
    ).toBe(1);
    expect(
      mat2Rank([
        [1, 2],
        [3, 4],
      ]),
    ).toBe(2);
  });

  it('random matrices: λ₁ + λ₂ = tr, λ₁λ₂ = det (or |λ|² = det), Av = λv, σ₁σ₂ = |det|, σ₁² + σ₂² = ‖A‖²', () => {
    let complex = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const m = randomMat(seed);
      const e = mat2Eigen(m);
      const tr = m[0][0] + m[1][1];
      const det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
      if (e.real) {
        expect(e.lambda1 + e.lambda2).toBeCloseTo(tr, 10);
        expect(e.lambda1 * e.lambda2).toBeCloseTo(det, 10);
        for (const [l, v] of [
          [e.lambda1, e.v1!],
          [e.lambda2, e.v2!],
        ] as const) {
          const [ax, ay] = mat2Apply(m, v[0], v[1]);
          expect(Math.hypot(v[0], v[1])).toBeCloseTo(1, 12);
          expect(v[0] > 0 || (v[0] === 0 && v[1] > 0)).toBe(true);
          expect(Math.hypot(ax - l * v[0], ay - l * v[1])).toBeLessThan(1e-9);
        }
      } else {
        complex++;
        expect(2 * e.lambda1).toBeCloseTo(tr, 12);
        expect(e.lambda1 ** 2 + e.imag ** 2).toBeCloseTo(det, 10);
      }
      const [s1, s2] = mat2Singular(m);
      expect(s1 * s2).toBeCloseTo(Math.abs(det), 10);
      expect(s1 ** 2 + s2 ** 2).toBeCloseTo(
        m.flat().reduce((s, x) => s + x * x, 0),
        10,
      );
      expect(mat2Rank(m)).toBe(2);
    }
    expect(complex).toBeGreaterThan(20);
  });
});

const layer = (patch: Partial<LayerParams>) => ({ ...INSIDE_DEFAULTS.layer, ...patch });

describe('layer view model', () => {
  it('t = 0 is the plane, t = 1 is Wx + b, t = 2 is f(Wx + b)', () => {
    const p = INSIDE_DEFAULTS.layer;
    const w = p.w as Mat2;
    const [x, y] = [0.7, -1.3];
    const lin = [w[0][0] * x + w[0][1] * y + p.b[0], w[1][0] * x + w[1][1] * y + p.b[1]];
    expect(layerCarry(w, p.b, Math.tanh, 0, x, y)).toEqual([x, y]);
    const one = layerCarry(w, p.b, Math.tanh, 1, x, y);
    expect(one[0]).toBeCloseTo(lin[0], 14);
    expect(one[1]).toBeCloseTo(lin[1], 14);
    const two = layerCarry(w, p.b, Math.tanh, 2, x, y);
    expect(two[0]).toBeCloseTo(Math.tanh(lin[0]), 14);
    expect(two[1]).toBeCloseTo(Math.tanh(lin[1]), 14);
  });

  it('the columns of W are where e₁ and e₂ land, and the model reports det, rank and eigen-pairs', () => {
    const m = layerModel(layer({ t: 1 }), 3);
    expect(m.col1).toEqual([1.2, 0.3]);
    expect(m.col2).toEqual([0.6, 0.9]);
    expect(m.det).toBeCloseTo(0.9, 14);
    expect(m.rank).toBe(2);
    expect(m.tex.det.endsWith('= 0.9')).toBe(true);
    // The story's claim: W stretches its eigenvector directions by 1.5 and 0.6.
    expect(m.eigen.lambda1).toBeCloseTo(1.5, 14);
    expect(m.eigen.lambda2).toBeCloseTo(0.6, 14);
  });

  it('a singular W (the story) sends the whole grid and every point onto one line', () => {
    const preset = insideLab.presets.find((x) => x.id === 'singular')!;
    const p = labPresetParams(insideLab, preset, INSIDE_DEFAULTS).layer;
    const m = layerModel(p, 3);
    expect(m.rank).toBe(1);
    expect(Math.abs(m.det)).toBeLessThan(1e-12);
    // Every image minus b is a multiple of the first column.
    const [cx, cy] = m.col1;
    const offLine = (x: number, y: number) => Math.abs((x - p.b[0]) * cy - (y - p.b[1]) * cx);
    for (let i = 0; i < m.points.length; i += 2)
      expect(offLine(m.points[i], m.points[i + 1])).toBeLessThan(1e-12);
    for (const line of m.lines)
      for (let i = 0; i < line.length; i += 2)
        expect(offLine(line[i], line[i + 1])).toBeLessThan(1e-12);
  });

  it('the extent holds every stage, and a rotation reports complex eigenvalues', () => {
    const m = layerModel(
      layer({
        t: 0.5,
        w: [
          [0, -2],
          [2, 0],
        ],
        b: [1, 1],
        activation: 'relu',
      }),
      3,
    );
    for (const t of [0, 1, 2]) {
      const at = layerModel(
        layer({
          t,
          w: [
            [0, -2],
            [2, 0],
          ],
          b: [1, 1],
          activation: 'relu',
        }),
        3,
      );
      for (const line of at.lines)
        for (const v of line) expect(Math.abs(v)).toBeLessThanOrEqual(m.extent);
    }
    expect(m.eigen.real).toBe(false);
    expect(m.tex.eigen).toContain('\\pm 2');
  });
});
