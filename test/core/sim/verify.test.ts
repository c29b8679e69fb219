// The verification page's checks (core/sim/verify.ts): every check passes within its tolerance on
// this machine, a planted wrong derivative makes exactly that check fail, the simulation sends one
// row per check, and every formula a check names exists in a registered lab's guide.
import { describe, expect, it } from 'vitest';
import { LAB_DEFS } from '../../../core/labs/registry';
import {
  VERIFY_CHECKS,
  verifyCheckForFormula,
  verifyRunAll,
  verifySim,
  type VerifyRow,
} from '../../../core/sim/verify';

describe('verification suite', () => {
  it('runs every check and each passes within its tolerance', () => {
    const rows = verifyRunAll();
    expect(rows).toHaveLength(VERIFY_CHECKS.length);
    const failed = rows.filter((r) => !r.pass).map((r) => `${r.id}: ${r.error} > ${r.tolerance}`);
    expect(failed).toEqual([]);
    for (const r of rows) {
      expect(r.count, r.id).toBeGreaterThan(0);
      expect(Number.isFinite(r.error), r.id).toBe(true);
      expect(r.error, r.id).toBeLessThanOrEqual(r.tolerance);
    }
  });

  it('covers every activation, regression and margin loss, surface and net head', () => {
    const ids = new Set(VERIFY_CHECKS.map((c) => c.id));
    for (const id of ['activation-gelu', 'loss-huber', 'margin-hinge', 'surface-rosenbrock'])
      expect(ids.has(id), id).toBe(true);
    for (const id of ['softmax-jacobian', 'ridge-closed-form', 'lasso-soft-threshold'])
      expect(ids.has(id), id).toBe(true);
    expect(ids.has('reg-kkt-residual') && ids.has('net-backprop-softmax')).toBe(true);
  });

  it('a planted wrong derivative (moved by 1e-3) makes exactly that check fail', () => {
    for (const plant of ['activation-sigmoid', 'surface-beale', 'net-backprop-softmax']) {
      const rows = verifyRunAll({ plant });
      const failed = rows.filter((r) => !r.pass).map((r) => r.id);
      expect(failed).toEqual([plant]);
      const row = rows.find((r) => r.id === plant) as VerifyRow;
      expect(row.error).toBeGreaterThan(10 * row.tolerance);
    }
  });

  it('the simulation yields one passing row per check, then the summary', () => {
    const run = verifySim.start(verifySim.params.parse({}));
    const frames: VerifyRow[] = [];
    for (;;) {
      const r = run.next();
      if (r.done) {
        expect(r.value).toEqual({ total: frames.length, passed: frames.length, failed: 0 });
        break;
      }
      if (r.value.frame) frames.push(r.value.frame);
    }
    expect(frames.map((f) => f.id)).toEqual(VERIFY_CHECKS.map((c) => c.id));
  });

  it('runs only the checks asked for', () => {
    const run = verifySim.start({ ids: ['log-sum-exp'] });
    let last = run.next();
    const ids: string[] = [];
    while (!last.done) {
      if (last.value.frame) ids.push(last.value.frame.id);
      last = run.next();
    }
    expect(ids).toEqual(['log-sum-exp']);
  });

  it('every formula a check backs exists in its lab, and links back to the check', () => {
    for (const check of VERIFY_CHECKS) {
      expect(
        LAB_DEFS.some((l) => l.id === check.lab),
        check.id,
      ).toBe(true);
      for (const key of check.formulas ?? []) {
        const [labId, formulaId] = key.split('/');
        const lab = LAB_DEFS.find((l) => l.id === labId);
        const formulas = (lab as { formulas?: readonly { id: string }[] } | undefined)?.formulas;
        expect(
          formulas?.some((f) => f.id === formulaId),
          `${check.id} → ${key}`,
        ).toBe(true);
        expect(verifyCheckForFormula(labId, formulaId)).toBeDefined();
      }
    }
    expect(verifyCheckForFormula('activations', 'gelu')?.id).toBe('activation-gelu');
    expect(verifyCheckForFormula('probability', 'softmax-jacobian')?.id).toBe('softmax-jacobian');
  });
});
