import { describe, expect, it } from 'vitest';
import { finiteDiffGradient, relativeErrorMax } from '../../../core/math/finite-diff';
import { surfaceCustomCreate } from '../../../core/ml/surface-custom';
import {
  descentRaceParams,
  descentRaceSim,
  type DescentRaceFrame,
  type DescentRaceParams,
  type DescentRaceResult,
} from '../../../core/sim/descent-race';

function runAll(p: DescentRaceParams) {
  const gen = descentRaceSim.start(descentRaceParams.parse(p));
  const frames: DescentRaceFrame[] = [];
  for (;;) {
    const r = gen.next();
    if (r.done) return { frames, result: r.value as DescentRaceResult };
    if (r.value.frame) frames.push(r.value.frame);
  }
}

const box = { xMin: -2, xMax: 2, yMin: -1, yMax: 3 };

describe('custom surface', () => {
  it('has the exact gradient and Hessian of the typed expression', () => {
    const made = surfaceCustomCreate('sin(x)*y^2 + exp(0.3*x*y)', box);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const s = made.surface;
    for (const [x, y] of [
      [0.3, 1.2],
      [-1.5, 2.5],
      [1.9, -0.7],
    ]) {
      const g = s.gradient(x, y, [0, 0]);
      const fd = finiteDiffGradient((t) => s.value(t[0], t[1]), [x, y]);
      expect(relativeErrorMax(g, fd)).toBeLessThan(1e-7);
      const h = s.hessian(x, y, [0, 0, 0]);
      const hx = finiteDiffGradient((t) => s.gradient(t[0], t[1], [0, 0])[0], [x, y]);
      const hy = finiteDiffGradient((t) => s.gradient(t[0], t[1], [0, 0])[1], [x, y]);
      expect(relativeErrorMax([h[0], h[1], h[2]], [hx[0], hx[1], hy[1]])).toBeLessThan(1e-6);
    }
  });

  it('explains bad input instead of building a surface', () => {
    const syntax = surfaceCustomCreate('x^^2', box);
    expect(syntax.ok).toBe(false);
    const unknown = surfaceCustomCreate('x + z', box);
    expect(!unknown.ok && unknown.message).toMatch(/z/);
    const nowhere = surfaceCustomCreate('log(-1 - x^2)', box);
    expect(!nowhere.ok && nowhere.message).toMatch(/NaN|infinite|undefined/i);
    const flipped = surfaceCustomCreate('x', { ...box, xMax: -3 });
    expect(!flipped.ok && flipped.message).toMatch(/x max/);
  });
});

describe('descent-race simulation', () => {
  it('samples a custom surface on the grid exactly', () => {
    const { frames } = runAll({
      surface: { kind: 'custom', expr: 'x^2 + 3*y^2 - x*y', domain: box },
      grid: 9,
      start: [1, 2],
      steps: 5,
      seed: 1,
      racers: [{ optimizer: 'gd', params: { lr: 0.1 } }],
    });
    const surf = frames[0];
    expect(surf.kind).toBe('surface');
    if (surf.kind !== 'surface') return;
    for (const [i, j] of [
      [0, 0],
      [8, 8],
      [3, 5],
    ]) {
      const x = -2 + (i * 4) / 8;
      const y = -1 + (j * 4) / 8;
      expect(surf.values[j * 9 + i]).toBeCloseTo(x * x + 3 * y * y - x * y, 12);
    }
  });

  it('races optimizers: gradient descent matches a hand-rolled loop, a too-large step diverges', () => {
    const { frames, result } = runAll({
      surface: { kind: 'custom', expr: 'x^2 + 10*y^2', domain: box },
      grid: 8,
      start: [1.5, 1],
      steps: 200,
      seed: 3,
      racers: [
        { optimizer: 'gd', params: { lr: 0.05 } },
        // λmax = 20, so any η > 2/20 = 0.1 diverges along y.
        { optimizer: 'gd', params: { lr: 0.11 } },
        { optimizer: 'momentum', params: { lr: 0.02, momentum: 0.9 } },
      ],
    });
    const t = frames.filter((f) => f.kind === 'trajectory');
    expect(t).toHaveLength(3);
    let x = 1.5;
    let y = 1;
    for (let k = 1; k <= 10; k++) {
      x -= 0.05 * 2 * x;
      y -= 0.05 * 20 * y;
    }
    const gd = t[0];
    if (gd.kind !== 'trajectory') return;
    expect(gd.positions[20]).toBeCloseTo(x, 12);
    expect(gd.positions[21]).toBeCloseTo(y, 12);
    expect(result.racers[0].divergedAtStep).toBeNull();
    const bad = result.racers[1];
    expect(bad.divergedAtStep).not.toBeNull();
    expect(bad.count).toBe(bad.divergedAtStep);
    expect(Number.isFinite(bad.finalLoss)).toBe(true);
    expect(t[2].kind === 'trajectory' && t[2].velocities?.length).toBe(2 * result.racers[2].count);
  });

  it('rejects more than 8 racers and unknown optimizers before running', () => {
    const base = {
      surface: { kind: 'builtin', id: 'bowl' },
      grid: 8,
      start: [1, 1],
      steps: 10,
      seed: 1,
    };
    const nine = Array.from({ length: 9 }, () => ({ optimizer: 'gd', params: {} }));
    expect(descentRaceParams.safeParse({ ...base, racers: nine }).success).toBe(false);
    const unknown = descentRaceParams.safeParse({
      ...base,
      racers: [{ optimizer: 'magic', params: {} }],
    });
    expect(unknown.success).toBe(false);
    expect(JSON.stringify(unknown.error?.issues)).toMatch(/unknown optimizer/);
  });
});
