/**
 * The Calculus lab's side of the lecture toolkit: what a recording sweeps in each view (h from 1
 * down to 10⁻¹⁶, the Taylor order from 1 up to 10, the chain rule's point across [−2, 2]) and the
 * numbers behind the view on screen as CSV and JSON.
 */
import { calculusLab } from '../../../core/labs/calculus/lab';
import { chainModel } from '../../../core/labs/calculus/model-chain';
import { criticalModel } from '../../../core/labs/calculus/model-critical';
import { lagrangeModel } from '../../../core/labs/calculus/model-lagrange';
import { kktModel, kktSweep } from '../../../core/labs/calculus/model-kkt';
import { svmModel } from '../../../core/labs/calculus/model-svm';
import { derivativeModel } from '../../../core/labs/calculus/model-derivative';
import { taylorModel } from '../../../core/labs/calculus/model-taylor';
import { TAYLOR_MAX_ORDER } from '../../../core/labs/calculus/params';
import { labToolkitCreate } from '../lab-kit';
import { calculusSet, useCalculusStore } from './store';

type File = { name: string; mime: string; content: string };

const csv = (header: string[], rows: (number | string)[][]) =>
  [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
const json = (name: string, value: unknown): File => ({
  name,
  mime: 'application/json',
  content:
    JSON.stringify(value, (_, v) => (v instanceof Float64Array ? Array.from(v) : v), 2) + '\n',
});

/** A triangle wave in [0, 1]: 0 at t = 0, 1 at half the period. */
const triangle = (t: number, period: number) => {
  const phase = ((t / period) * 2) % 2;
  return phase <= 1 ? phase : 2 - phase;
};

function exportView(): File[] {
  const { params } = useCalculusStore.getState();
  if (params.view === 'derivative') {
    const m = derivativeModel(params.derivative);
    if (!m.ok) return [json('calculus-problem.json', { message: m.message })];
    const [fwd, cen, cpx] = m.curves;
    return [
      {
        name: 'calculus-difference-errors.csv',
        mime: 'text/csv',
        content: csv(
          [
            'h',
            'forward',
            'forward_error',
            'central',
            'central_error',
            'complex_step',
            'complex_step_error',
          ],
          Array.from(m.steps, (h, i) => [
            h,
            fwd.estimates[i],
            fwd.errors[i],
            cen.estimates[i],
            cen.errors[i],
            cpx.estimates[i],
            cpx.errors[i],
          ]),
        ),
      },
      json('calculus-derivative.json', {
        f: params.derivative.source,
        a: m.a,
        h: m.h,
        fa: m.fa,
        derivative: m.slope,
        secantSlope: m.secantSlope,
        bestStep: { forward: fwd.bestH, central: cen.bestH },
        theoryStep: { forward: m.theory.forwardH, central: m.theory.centralH },
      }),
    ];
  }
  if (params.view === 'chain') {
    const m = chainModel(params.chain);
    return [
      json('calculus-chain-rule.json', m.ok ? { ...m, tex: undefined } : { message: m.message }),
    ];
  }
  if (params.view === 'lagrange') {
    const m = lagrangeModel(params.lagrange);
    if (!m.ok) return [json('calculus-problem.json', { message: m.message })];
    return [
      json('calculus-lagrange.json', {
        f: params.lagrange.f,
        g: params.lagrange.g,
        b: params.lagrange.b,
        convention: 'L = f + lambda (g - b), so d f*/d b = -lambda',
        points: m.points,
        measuredRate: m.rate,
        delta: m.delta,
      }),
    ];
  }
  if (params.view === 'kkt') {
    const m = kktModel(params.kkt);
    if (!m.ok) return [json('calculus-problem.json', { message: m.message })];
    const sweep = kktSweep(params.kkt);
    return [
      json('calculus-kkt.json', {
        f: params.kkt.f,
        g: params.kkt.g,
        b: params.kkt.b,
        convention: 'minimise f subject to g <= b; L = f + lambda (g - b), lambda >= 0',
        solution: m.best,
      }),
      {
        name: 'calculus-kkt-sweep.csv',
        mime: 'text/csv',
        content: csv(
          ['b', 'f_star', 'lambda'],
          sweep ? Array.from(sweep.b, (b, i) => [b, sweep.f[i], sweep.lambda[i]]) : [],
        ),
      },
    ];
  }
  if (params.view === 'svm') {
    const m = svmModel(params.svm);
    const s = m.solution;
    if (!s.ok) return [json('calculus-problem.json', { message: s.reason })];
    return [
      {
        name: 'calculus-svm-points.csv',
        mime: 'text/csv',
        content: csv(
          ['x1', 'x2', 'y', 'alpha', 'margin_value', 'alpha_times_slack'],
          params.svm.points.map((q, i) => [
            q.x,
            q.y,
            q.label,
            s.alpha[i],
            1 + s.slack[i],
            m.products[i],
          ]),
        ),
      },
      json('calculus-svm.json', {
        w: s.w,
        b: s.b,
        margin: s.margin,
        support: s.support,
        dualObjective: s.dual,
        smoSteps: s.iterations,
        exactFromSupportVectors: s.exact,
        angleSearch: m.check,
      }),
    ];
  }
  if (params.view === 'critical') {
    const m = criticalModel(params.critical);
    if (!m.ok) return [json('calculus-problem.json', { message: m.message })];
    return [
      {
        name: 'calculus-critical-points.csv',
        mime: 'text/csv',
        content: csv(
          ['kind', 'x', 'y', 'f', 'lambda1', 'lambda2', 'grad_norm', 'starts'],
          m.points.map((q) => [q.kind, q.x, q.y, q.f, q.lambda1, q.lambda2, q.gradNorm, q.starts]),
        ),
      },
    ];
  }
  const m = taylorModel(params.taylor);
  if (!m.ok) return [json('calculus-problem.json', { message: m.message })];
  return [
    {
      name: 'calculus-taylor.csv',
      mime: 'text/csv',
      content: csv(
        ['x', 'f', ...m.poly.map((_, i) => `T${i + 1}`)],
        Array.from(m.xs, (x, i) => [x, m.f[i], ...m.poly.map((p) => p[i])]),
      ),
    },
    json('calculus-taylor.json', {
      a: m.a,
      order: m.order,
      coefficients: m.coeffs,
      radius: m.radius,
    }),
  ];
}

export const calculusToolkit = labToolkitCreate(calculusLab, useCalculusStore, {
  /**
   * Deterministic time for recording, by view: h falls from 1 to 10⁻¹⁶ and climbs back (16 s there
   * and back); the Taylor order steps 1, 2, … 10 one per second and holds; the chain rule's point
   * sweeps [−2, 2] (8 s there and back). The constraint level b sweeps
   * [0.25, 2] (8 s there and back); the KKT view's b sweeps [−2, 1] (8 s there and back), so the
   * constraint turns active and inactive. The critical points and the SVM are still pictures.
   */
  seek: (seconds) => {
    const p = useCalculusStore.getState().params;
    if (p.view === 'derivative')
      calculusSet('derivative', { hLog10: +(-16 * triangle(seconds, 32)).toFixed(2) });
    else if (p.view === 'taylor')
      calculusSet('taylor', { order: Math.min(TAYLOR_MAX_ORDER, 1 + Math.floor(seconds)) });
    else if (p.view === 'lagrange')
      calculusSet('lagrange', { b: +(0.25 + 1.75 * triangle(seconds, 8)).toFixed(3) });
    else if (p.view === 'kkt')
      calculusSet('kkt', { b: +(-2 + 3 * triangle(seconds, 8)).toFixed(3) });
    else if (p.view === 'chain')
      calculusSet('chain', { a: +(-2 + 4 * triangle(seconds, 8)).toFixed(3) });
  },
  ready: () => true,
  exportData: exportView,
});
