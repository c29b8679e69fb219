/**
 * The data behind the view on screen, as CSV (one row per drawn item) and JSON (the numbers of
 * the readouts), computed by the same models the views draw from.
 */
import {
  probCalibrationData,
  probCalibrationModel,
} from '../../../core/labs/probability/model-calibration';
import { probEntropyModel } from '../../../core/labs/probability/model-entropy';
import { probLseModel } from '../../../core/labs/probability/model-lse';
import { probSoftmaxModel } from '../../../core/labs/probability/model-softmax';
import type { ProbParams } from '../../../core/labs/probability/params';

type File = { name: string; mime: string; content: string };

const csv = (header: string[], rows: (string | number)[][]) =>
  [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
const json = (v: unknown) =>
  JSON.stringify(
    v,
    (_, x) =>
      x instanceof Float64Array
        ? Array.from(x)
        : typeof x === 'number' && !Number.isFinite(x)
          ? String(x)
          : x,
    2,
  ) + '\n';

function softmaxFiles(p: ProbParams, withJacobian: boolean): File[] {
  const m = probSoftmaxModel(p.softmax);
  const rows = m.logits.map((z, i) => [
    i + 1,
    z,
    m.scaled[i],
    m.probabilities[i],
    m.logProbabilities[i],
    m.target[i],
    m.gradient[i],
    ...(withJacobian ? Array.from(m.jacobian.subarray(i * m.k, (i + 1) * m.k)) : []),
  ]);
  const header = [
    'class',
    'logit',
    'logit_over_T',
    'probability',
    'log_probability',
    'target',
    'ce_gradient',
  ];
  if (withJacobian) for (let j = 0; j < m.k; j++) header.push(`d_s_d_z${j + 1}`);
  const name = withJacobian ? 'probability-jacobian' : 'probability-softmax';
  const { path: _path, entropyCurve: _curve, ...rest } = m;
  return [
    { name: `${name}.csv`, mime: 'text/csv', content: csv(header, rows) },
    {
      name: `${name}.json`,
      mime: 'application/json',
      content: json(withJacobian ? rest : { ...rest, jacobian: undefined }),
    },
  ];
}

function lseFiles(p: ProbParams): File[] {
  const m = probLseModel(p.softmax, p.shift);
  const rows = m.rows.map((r) => [
    r.precision,
    r.method,
    r.sum,
    r.lse,
    r.pMax,
    r.pMin,
    r.lseError,
    r.probabilityError,
    r.nanCount,
    r.zeroCount,
  ]);
  const header = [
    'precision',
    'method',
    'sum',
    'lse',
    'p_max',
    'p_min',
    'lse_rel_error',
    'p_rel_error',
    'nan_count',
    'zero_count',
  ];
  return [
    { name: 'probability-lse.csv', mime: 'text/csv', content: csv(header, rows) },
    {
      name: 'probability-lse.json',
      mime: 'application/json',
      content: json({
        shift: m.shift,
        inputs: m.inputs,
        reference: m.reference,
        limits: m.limits,
        gradient: m.gradient,
        gradientFloat16: m.gradient16,
      }),
    },
  ];
}

function entropyFiles(p: ProbParams): File[] {
  const m = probEntropyModel(p.entropy);
  const rows = Array.from(m.p, (v, i) => [i + 1, v, m.q[i], m.termsPQ[i], m.termsQP[i]]);
  const { p: _p, q: _q, termsPQ: _a, termsQP: _b, ...summary } = m;
  return [
    {
      name: 'probability-entropy.csv',
      mime: 'text/csv',
      content: csv(['outcome', 'p', 'q', 'kl_pq_term', 'kl_qp_term'], rows),
    },
    { name: 'probability-entropy.json', mime: 'application/json', content: json(summary) },
  ];
}

function calibrationFiles(p: ProbParams): File[] {
  const c = p.calibration;
  const data = probCalibrationData({
    confidence: c.confidence,
    classes: c.classes,
    samples: c.samples,
    bins: c.bins,
    seed: p.seed,
  });
  const m = probCalibrationModel(data, c);
  const rows = [
    ...data.rawReliability.bins.map((b) => ['T=1', b.lo, b.hi, b.count, b.accuracy, b.confidence]),
    ...m.scaledReliability.bins.map((b) => [
      `T=${m.temperature}`,
      b.lo,
      b.hi,
      b.count,
      b.accuracy,
      b.confidence,
    ]),
  ];
  const rel = (r: typeof data.rawReliability) => ({
    ece: r.ece,
    mce: r.mce,
    accuracy: r.accuracy,
    meanConfidence: r.meanConfidence,
    n: r.n,
  });
  return [
    {
      name: 'probability-calibration.csv',
      mime: 'text/csv',
      content: csv(
        ['temperature', 'bin_lo', 'bin_hi', 'count', 'accuracy', 'mean_confidence'],
        rows,
      ),
    },
    {
      name: 'probability-calibration.json',
      mime: 'application/json',
      content: json({
        params: c,
        fittedTemperature: data.fit.temperature,
        temperatureUsed: m.temperature,
        raw: { ...rel(data.rawReliability), nll: data.rawNll, pearson: data.rawPearson },
        scaled: { ...rel(m.scaledReliability), nll: m.scaledNll, pearson: m.scaledPearson },
        squashedHalfwayToOne: m.squashed,
      }),
    },
  ];
}

/** CSV and JSON of what the current view shows. */
export function probExportData(p: ProbParams): File[] {
  switch (p.tab) {
    case 'softmax':
      return softmaxFiles(p, false);
    case 'jacobian':
      return softmaxFiles(p, true);
    case 'lse':
      return lseFiles(p);
    case 'entropy':
      return entropyFiles(p);
    case 'calibration':
      return calibrationFiles(p);
  }
}
