// The Descent lab's schema accepts what compute runs and refuses what it would not, and the
// equation terms match the recorded steps with the parameters compute actually used.
import { describe, expect, it } from 'vitest';
import { descentRacerTerms } from '../../../core/labs/descent/model';
import { descentParamsSchema, type DescentParams } from '../../../core/labs/descent/params';
import { DESCENT_DEFAULTS } from '../../../core/labs/descent/presets';
import { descentRaceSim, type DescentRaceFrame } from '../../../core/sim/descent-race';

const withRacer = (racer: unknown): unknown => ({ ...DESCENT_DEFAULTS, racers: [racer] });
const problem = (value: unknown): string => {
  const r = descentParamsSchema.safeParse(value);
  return r.success ? '' : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
};

describe('Descent params schema', () => {
  it('refuses an unknown optimizer, an unknown parameter and a value out of range', () => {
    expect(problem(withRacer({ optimizer: 'sgd2', params: {} }))).toMatch(/racers\.0\.optimizer/);
    expect(problem(withRacer({ optimizer: 'gd', params: { momentum: 0.9 } }))).toMatch(
      /racers\.0\.params: unknown parameter "momentum"/,
    );
    expect(problem(withRacer({ optimizer: 'gd', params: { lr: 50 } }))).toMatch(
      /lr must be in \[0\.00001, 10\], got 50|lr must be in \[1e-5, 10\], got 50/,
    );
    expect(problem(withRacer({ optimizer: 'sgd', params: { batchSize: 2.5 } }))).toMatch(
      /batchSize must be a whole number/,
    );
    expect(problem(withRacer({ optimizer: 'gd', params: { lr: 10 } }))).toBe('');
  });

  it('refuses an unknown surface, surface parameters out of range and an inverted box', () => {
    const at = (surface: unknown) => problem({ ...DESCENT_DEFAULTS, surface });
    expect(at({ kind: 'builtin', id: 'no-such-surface' })).toMatch(/surface\.id/);
    expect(at({ kind: 'builtin', id: 'ellipse', params: { kappa: 1e9 } })).toMatch(/kappa/);
    const box = { xMin: 1, xMax: -1, yMin: -1, yMax: 1 };
    expect(at({ kind: 'custom', expr: 'x^2', domain: box })).toMatch(/xMin < xMax/);
    expect(at({ kind: 'custom', expr: 'x^2', domain: { ...box, xMin: -1, xMax: 1 } })).toBe('');
  });

  it('refuses a seed outside [0, 2³¹] and a start point beyond ±10⁶', () => {
    expect(problem({ ...DESCENT_DEFAULTS, seed: -1 })).toMatch(/seed/);
    expect(problem({ ...DESCENT_DEFAULTS, seed: 2 ** 31 + 1 })).toMatch(/seed/);
    expect(problem({ ...DESCENT_DEFAULTS, start: [1e7, 0] })).toMatch(/start\.0/);
  });
});

function race(params: DescentParams) {
  const run = descentRaceSim.start({ ...params, grid: 16 });
  const paths: Extract<DescentRaceFrame, { kind: 'trajectory' }>[] = [];
  for (let r = run.next(); !r.done; r = run.next())
    if (r.value.frame?.kind === 'trajectory') paths[r.value.frame.racer] = r.value.frame;
  return paths;
}

describe('Descent equation terms', () => {
  it('an over-large learning rate is shown as compute clamped it, and the step obeys it', () => {
    // Compute accepts any finite lr and clamps it to the optimizer's range; the equation must
    // show the η that produced the picture (10), never the 50 that was asked for.
    const racer = { optimizer: 'gd', params: { lr: 50 } };
    const p: DescentParams = {
      ...DESCENT_DEFAULTS,
      surface: { kind: 'builtin', id: 'ellipse', params: { kappa: 2, angle: 0 } },
      start: [0.01, 0.01],
      steps: 10,
      racers: [racer],
    };
    const [t] = race(p);
    const terms = descentRacerTerms(racer, t, 0)!;
    expect(terms.params.lr).toBe(10);
    expect(terms.step.kind).toBe('gd');
    if (terms.step.kind !== 'gd') return;
    expect(terms.step.lr).toBe(10);
    for (const i of [0, 1])
      expect(terms.step.next[i]).toBeCloseTo(terms.step.theta[i] - 10 * terms.step.grad[i], 12);
  });

  it('momentum and Nesterov terms reproduce the recorded step (v ← μv + g)', () => {
    for (const optimizer of ['momentum', 'nesterov']) {
      const racer = { optimizer, params: { lr: 0.02, momentum: 0.8 } };
      const [t] = race({ ...DESCENT_DEFAULTS, steps: 20, racers: [racer] });
      const terms = descentRacerTerms(racer, t, 5)!;
      const s = terms.step;
      expect(s.kind).toBe(optimizer);
      if (s.kind !== 'momentum' && s.kind !== 'nesterov') return;
      expect([s.lr, s.mu]).toEqual([0.02, 0.8]);
      for (const i of [0, 1]) {
        expect(s.velocityNext[i]).toBeCloseTo(0.8 * s.velocity[i] + s.grad[i], 10);
        const move =
          optimizer === 'momentum' ? s.velocityNext[i] : s.grad[i] + 0.8 * s.velocityNext[i];
        expect(s.next[i]).toBeCloseTo(s.theta[i] - 0.02 * move, 10);
      }
    }
  });

  it('the last iterate reports f and the gradient norm; steps past the end are clamped', () => {
    const racer = { optimizer: 'adam', params: {} };
    const [t] = race({ ...DESCENT_DEFAULTS, steps: 10, racers: [racer] });
    const s = descentRacerTerms(racer, t, 1e6)!.step;
    expect(s.kind).toBe('final');
    if (s.kind !== 'final') return;
    const k = t.count - 1;
    expect(s.loss).toBe(t.losses[k]);
    expect(s.gradNorm).toBeCloseTo(Math.hypot(t.gradients[2 * k], t.gradients[2 * k + 1]), 14);
  });
});
