// The Descent lab's presets tell stories; these tests check that the real numbers tell them.
import { describe, expect, it } from 'vitest';
import { optimizerById, trajectoryRun, type Trajectory } from '../../../core/ml/optimizers';
import { descentSurfaceResolve } from '../../../core/sim/descent-race';
import { DESCENT_PRESETS } from '../../../core/labs/descent/presets';

function race(id: string) {
  const preset = DESCENT_PRESETS.find((p) => p.id === id)!;
  const p = preset.params;
  const surface = descentSurfaceResolve(p.surface);
  const runs = p.racers.map((r, i) =>
    trajectoryRun(surface, optimizerById(r.optimizer)!, r.params, p.start, p.steps, {
      seed: p.seed + 7919 * i,
    }),
  );
  return { surface, runs };
}

/** First step at which the loss falls below tol (or Infinity). */
const stepsTo = (t: Trajectory, tol: number) => {
  for (let k = 0; k < t.count; k++) if (t.losses[k] < tol) return k;
  return Infinity;
};
const last = (t: Trajectory) => [
  t.positions[2 * (t.count - 1)],
  t.positions[2 * (t.count - 1) + 1],
];

describe('Descent presets', () => {
  it('valley: GD zig-zags every step; momentum swings slowly and arrives far sooner; Nesterov glides', () => {
    const { runs, surface } = race('valley');
    const phi = (surface.paramValues.angle * Math.PI) / 180;
    // The across-valley coordinate v (the steep direction, curvature κ).
    const across = (t: Trajectory, k: number) =>
      -t.positions[2 * k] * Math.sin(phi) + t.positions[2 * k + 1] * Math.cos(phi);
    const N = 60;
    const swing = (t: Trajectory) => {
      const v0 = Math.abs(across(t, 0));
      let turns = 0;
      let travel = 0;
      let late = 0;
      for (let k = 1; k <= N; k++) {
        const d = across(t, k) - across(t, k - 1);
        const before = k > 1 ? across(t, k - 1) - across(t, k - 2) : 0;
        if (Math.abs(d) > 0.01 * v0 && d * before < 0) turns++;
        travel += Math.abs(d);
        if (k >= 5) late = Math.max(late, Math.abs(across(t, k)) / v0);
      }
      return { turns, travel, late };
    };
    const [gd, momentum, nesterov] = runs.map(swing);
    const [gdAt, momentumAt, nesterovAt] = runs.map((t) => stepsTo(t, 1e-6));
    // GD turns back across the floor on (nearly) every step.
    expect(gd.turns).toBeGreaterThan(0.75 * N);
    // Momentum still swings, but in slow arcs: far fewer turns and far less travel across.
    expect(momentum.turns).toBeLessThan(gd.turns / 4);
    expect(momentum.travel).toBeLessThan(gd.travel / 3);
    // "in about a third of the steps"
    expect(momentumAt / gdAt).toBeGreaterThan(0.25);
    expect(momentumAt / gdAt).toBeLessThan(0.42);
    // Nesterov damps the swing at once: after step 5 it stays within 1 % of the start's offset.
    expect(nesterov.late).toBeLessThan(0.01);
    expect(nesterov.turns).toBeLessThanOrEqual(2);
    expect(nesterovAt).toBeLessThan(momentumAt);
  });

  it('rosenbrock: Newton and L-BFGS reach (1, 1); Adam and GD are still on the way', () => {
    const { runs } = race('rosenbrock');
    const [adam, lbfgs, newton, gd] = runs;
    expect(stepsTo(newton, 1e-10)).toBeLessThan(50);
    expect(stepsTo(lbfgs, 1e-10)).toBeLessThan(100);
    expect(stepsTo(newton, 1e-10)).toBeLessThan(stepsTo(adam, 1e-10));
    expect(gd.losses[gd.count - 1]).toBeGreaterThan(1e-4);
    expect(newton.divergedAtStep).toBeNull();
  });

  it('saddle: GD settles on the saddle point, SGD escapes to a minimum', () => {
    const { runs, surface } = race('saddle');
    const [gd, sgd] = runs;
    const [gx, gy] = last(gd);
    expect(Math.hypot(gx, gy)).toBeLessThan(1e-6);
    const [sx, sy] = last(sgd);
    expect(Math.abs(Math.abs(sy) - Math.SQRT2)).toBeLessThan(0.2);
    expect(Math.abs(sx)).toBeLessThan(0.2);
    expect(surface.value(sx, sy)).toBeLessThan(-0.8);
  });

  it('too-large: η = 0.19 converges, η = 0.21 diverges and says when', () => {
    const { runs } = race('too-large');
    expect(runs[0].divergedAtStep).toBeNull();
    expect(runs[0].losses[runs[0].count - 1]).toBeLessThan(1e-6);
    expect(runs[1].divergedAtStep).not.toBeNull();
    expect(runs[1].divergedAtStep!).toBeGreaterThan(10);
  });

  it('wells: GD ends in the shallow well, momentum in the deep one', () => {
    const { runs, surface } = race('wells');
    const global = surface.minima.find((m) => m.global)!;
    const local = surface.minima.find((m) => !m.global)!;
    const dist = (p: number[], m: { x: number; y: number }) => Math.hypot(p[0] - m.x, p[1] - m.y);
    expect(dist(last(runs[0]), local)).toBeLessThan(1e-3);
    expect(dist(last(runs[1]), global)).toBeLessThan(1e-3);
  });

  it('minibatch: full-batch GD reaches the least-squares fit, SGD on minibatches jitters near it', () => {
    const { runs, surface } = race('minibatch');
    const best = surface.minima[0];
    const dist = (t: Trajectory) => Math.hypot(last(t)[0] - best.x, last(t)[1] - best.y);
    expect(dist(runs[0])).toBeLessThan(1e-3);
    expect(dist(runs[1])).toBeGreaterThan(dist(runs[0]));
    expect(dist(runs[1])).toBeLessThan(0.5);
    // SGD really used minibatches: its fed gradients differ from the exact ones.
    const fed = runs[1].stepGradients!;
    expect(Math.abs(fed[2] - runs[1].gradients[2])).toBeGreaterThan(1e-6);
  });
});
