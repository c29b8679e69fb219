/**
 * Simulation "verify": runs the app's own checks (verify-*.ts) on this machine, one check per
 * slice, and sends each outcome as a frame the moment it is measured. The catalog is the list
 * below; `verifyRunAll` runs it synchronously for tests.
 */
import { z } from 'zod';
import { simClockNow } from './clock';
import { simDefine, type SimRun } from './registry';
import { VERIFY_DERIVATIVE_CHECKS } from './verify-derivatives';
import { VERIFY_INFO_CHECKS } from './verify-info';
import { VERIFY_NET_CHECKS } from './verify-nets';
import { VERIFY_REGULARIZATION_CHECKS } from './verify-regularization';
import type { VerifyCheck, VerifyOptions, VerifyRow } from './verify-types';

export type { VerifyCheck, VerifyOptions, VerifyRow } from './verify-types';

/** Every check, grouped by lab in the order the page shows them. */
export const VERIFY_CHECKS: readonly VerifyCheck[] = [
  ...VERIFY_DERIVATIVE_CHECKS,
  ...VERIFY_NET_CHECKS,
  ...VERIFY_INFO_CHECKS,
  ...VERIFY_REGULARIZATION_CHECKS,
];

const byId = new Map(VERIFY_CHECKS.map((c) => [c.id, c]));
if (byId.size !== VERIFY_CHECKS.length) throw new Error('two verification checks share an id');

/** The check with this id, if any. */
export function verifyCheckById(id: string): VerifyCheck | undefined {
  return byId.get(id);
}

/** The check that backs a lab's formula, if one does. */
export function verifyCheckForFormula(labId: string, formulaId: string): VerifyCheck | undefined {
  const key = `${labId}/${formulaId}`;
  return VERIFY_CHECKS.find((c) => c.formulas?.includes(key));
}

/** Runs one check now and times it. A check that throws fails with an infinite error. */
export function verifyRunCheck(check: VerifyCheck, options: VerifyOptions = {}): VerifyRow {
  const start = simClockNow();
  let error = Infinity;
  let count = 0;
  try {
    const m = check.run(options.plant === check.id);
    error = m.error;
    count = m.count;
  } catch {
    error = Infinity;
  }
  return {
    id: check.id,
    lab: check.lab,
    name: check.name,
    compares: check.compares,
    measure: check.measure,
    tolerance: check.tolerance,
    error,
    count,
    pass: Number.isFinite(error) && error <= check.tolerance && count > 0,
    ms: simClockNow() - start,
  };
}

/** Every check, synchronously (tests). */
export function verifyRunAll(options: VerifyOptions = {}): VerifyRow[] {
  return VERIFY_CHECKS.map((c) => verifyRunCheck(c, options));
}

/** Params: which checks to run (all when absent). */
export const verifyParams = z.object({
  ids: z.array(z.string().max(80)).max(500).optional(),
});
export type VerifyParams = z.infer<typeof verifyParams>;

/** The summary returned when every requested check has run. */
export interface VerifyResult {
  total: number;
  passed: number;
  failed: number;
}

export const verifySim = simDefine({
  name: 'verify',
  delivery: 'result',
  params: verifyParams,
  *start(p: VerifyParams): SimRun<VerifyRow, VerifyResult> {
    const checks = p.ids ? VERIFY_CHECKS.filter((c) => p.ids?.includes(c.id)) : VERIFY_CHECKS;
    let passed = 0;
    yield { done: 0, total: checks.length };
    for (let i = 0; i < checks.length; i++) {
      const row = verifyRunCheck(checks[i]);
      if (row.pass) passed++;
      yield { done: i + 1, total: checks.length, frame: row };
    }
    return { total: checks.length, passed, failed: checks.length - passed };
  },
});
