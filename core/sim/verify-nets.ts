/**
 * Checks of the networks' gradients (backpropagation through a small random MLP, each output head)
 * and of softmax: its Jacobian against differences, cross-entropy's gradient, and the invariants
 * (rows of softmax sum to 1, rows of its Jacobian to 0, log-sum-exp stable against naive).
 */
import { rngCreate } from '../math/rng';
import { mlpCreate } from '../ml/mlp';
import { mlpLoss, mlpLossAndGradient } from '../ml/mlp-backward';
import { netCreate, netLossAndGradient, type NetOutputId } from '../ml/net-model';
import {
  crossEntropyGradient,
  crossEntropyLogits,
  logSumExp,
  softmax,
  softmaxJacobian,
  targetSmoothed,
} from '../ml/probability-softmax';
import {
  verifyError,
  verifyPlanted,
  vectorGradientCheck,
  type VerifyCheck,
  type VerifyMeasured,
} from './verify-types';

const normals = (seed: number, n: number, scale = 1): Float64Array => {
  const rng = rngCreate(seed);
  return Float64Array.from({ length: n }, () => scale * rng.normal());
};

/** Backprop of a Networks-lab net (3 → 5 → 4 → head) on 6 samples against differences of L + Ω. */
function netMeasure(output: NetOutputId, planted: boolean): VerifyMeasured {
  const k = output === 'softmax' ? 3 : 1;
  const net = netCreate({
    inputs: 3,
    layers: [
      { units: 5, activation: 'tanh' },
      { units: 4, activation: 'gelu' },
    ],
    output,
    outputs: k,
    init: 'xavier',
    l1: 0,
    l2: 0.01,
    seed: 11,
  });
  const n = 6;
  const x = normals(5, n * 3);
  const y = Float64Array.from({ length: n }, (_, i) =>
    output === 'softmax' ? i % 3 : (i % 2) * 0.8,
  );
  const params = net.mlp.params;
  netLossAndGradient(net, x, y, n);
  const analytic = Float64Array.from(net.mlp.grads);
  const theta = Float64Array.from(params);
  const objective = (t: Float64Array) => {
    params.set(t);
    const { loss, penalty } = netLossAndGradient(net, x, y, n);
    return loss + penalty;
  };
  const r = vectorGradientCheck(objective, theta, analytic, planted);
  params.set(theta);
  return r;
}

const NET_HEADS: readonly NetOutputId[] = ['softmax', 'sigmoid', 'tanh', 'linear'];

const netChecks: VerifyCheck[] = NET_HEADS.map((output) => ({
  id: `net-backprop-${output}`,
  lab: 'networks',
  name: `Backpropagation, ${output} output`,
  compares:
    'every ∂(L + Ω)/∂θ of a 3 → 5 → 4 net (tanh, GELU, L2 0.01) on 6 samples against differences',
  measure: 'relative',
  tolerance: 1e-6,
  formulas:
    output === 'softmax'
      ? ['networks/layer', 'networks/softmax-output', 'networks/l2-penalty']
      : [],
  run: (planted) => netMeasure(output, planted),
}));

/** A batch-norm MLP with BCE on logits: the generic backward path, not the fast kernel. */
function mlpBnMeasure(planted: boolean): VerifyMeasured {
  const net = mlpCreate({
    sizes: [2, 4, 3, 1],
    activation: ['swish', 'elu'],
    loss: 'bce-logits',
    batchNorm: [true, false],
    seed: 3,
  });
  const n = 5;
  const x = normals(9, n * 2);
  const y = Float64Array.from({ length: n }, (_, i) => i % 2);
  mlpLossAndGradient(net, x, y, n);
  const analytic = Float64Array.from(net.grads);
  const theta = Float64Array.from(net.params);
  const r = vectorGradientCheck(
    (t) => {
      net.params.set(t);
      return mlpLoss(net, x, y, n, 'train');
    },
    theta,
    analytic,
    planted,
  );
  net.params.set(theta);
  return r;
}

const K = 5;
const LOGITS = [normals(21, K), normals(22, K, 4), normals(23, K, 30)];

function jacobianMeasure(planted: boolean): VerifyMeasured {
  let error = 0;
  let count = 0;
  for (const z of LOGITS) {
    for (const t of [1, 0.5]) {
      const J = softmaxJacobian(softmax(z, t), t);
      for (let j = 0; j < K; j++) {
        const h = 1e-5 * Math.max(1, Math.abs(z[j]));
        const up = Float64Array.from(z);
        const down = Float64Array.from(z);
        up[j] += h;
        down[j] -= h;
        const su = softmax(up, t);
        const sd = softmax(down, t);
        for (let i = 0; i < K; i++) {
          const a = verifyPlanted(J[i * K + j], planted && count === 0);
          error = Math.max(error, verifyError(a, (su[i] - sd[i]) / (2 * h)));
          count++;
        }
      }
    }
  }
  return { error, count };
}

function crossEntropyMeasure(planted: boolean): VerifyMeasured {
  let error = 0;
  let count = 0;
  for (const z of LOGITS) {
    const y = targetSmoothed(K, 2, 0.1);
    const r = vectorGradientCheck(
      (t) => crossEntropyLogits(t, y, 0.7),
      z,
      crossEntropyGradient(z, y, 0.7),
      planted && count === 0,
    );
    error = Math.max(error, r.error);
    count += r.count;
  }
  return { error, count };
}

function rowSums(): VerifyMeasured {
  let error = 0;
  let count = 0;
  for (const scale of [1, 10, 100, 700]) {
    for (let seed = 0; seed < 8; seed++) {
      const s = softmax(normals(100 + seed, K, scale));
      let sum = 0;
      for (const v of s) sum += v;
      error = Math.max(error, Math.abs(sum - 1));
      count++;
    }
  }
  return { error, count };
}

function jacobianRowSums(): VerifyMeasured {
  let error = 0;
  let count = 0;
  for (const z of LOGITS) {
    const J = softmaxJacobian(softmax(z));
    for (let i = 0; i < K; i++) {
      let sum = 0;
      for (let j = 0; j < K; j++) sum += J[i * K + j];
      error = Math.max(error, Math.abs(sum));
      count++;
    }
  }
  return { error, count };
}

/** Stable LSE against log Σ exp wherever the naive sum is finite, and against m + log k at overflow. */
function lseMeasure(): VerifyMeasured {
  let error = 0;
  let count = 0;
  for (const scale of [0.1, 1, 10, 100]) {
    for (let seed = 0; seed < 8; seed++) {
      const x = normals(200 + seed, K, scale);
      let naive = 0;
      for (const v of x) naive += Math.exp(v);
      if (!Number.isFinite(naive) || naive === 0) continue;
      error = Math.max(
        error,
        Math.abs(logSumExp(x) - Math.log(naive)) / Math.max(1, Math.abs(Math.log(naive))),
      );
      count++;
    }
  }
  const big = [1000, 1000, 1000];
  error = Math.max(error, Math.abs(logSumExp(big) - (1000 + Math.log(3))) / 1000);
  return { error, count: count + 1 };
}

/** Backprop, softmax and log-sum-exp checks. */
export const VERIFY_NET_CHECKS: readonly VerifyCheck[] = [
  ...netChecks,
  {
    id: 'mlp-backprop-batchnorm',
    lab: 'networks',
    name: 'Backpropagation through batch norm, BCE on logits',
    compares:
      'every ∂L/∂θ of a 2 → 4 (batch norm, swish) → 3 (ELU) → 1 net on 5 samples against differences',
    measure: 'relative',
    tolerance: 1e-6,
    formulas: ['inside/batch-norm', 'inside/backprop-edge'],
    run: mlpBnMeasure,
  },
  {
    id: 'softmax-jacobian',
    lab: 'probability',
    name: 'Softmax Jacobian',
    compares:
      '(diag(s) − s sᵀ)/T against differences of softmax(z/T), T = 1 and 0.5, logits of scale 1, 4, 30',
    measure: 'relative',
    tolerance: 1e-6,
    formulas: ['probability/softmax-jacobian'],
    run: jacobianMeasure,
  },
  {
    id: 'cross-entropy-gradient',
    lab: 'probability',
    name: 'Cross-entropy gradient',
    compares:
      '(Σt·s − t)/T against differences of −Σ t log softmax(z/T), label smoothing 0.1, T = 0.7',
    measure: 'relative',
    tolerance: 1e-6,
    formulas: ['losses/cross-entropy'],
    run: crossEntropyMeasure,
  },
  {
    id: 'softmax-sums-to-one',
    lab: 'probability',
    name: 'Softmax rows sum to 1',
    compares: '|Σᵢ sᵢ − 1| for 32 logit vectors of scale 1 to 700',
    measure: 'absolute',
    tolerance: 1e-14,
    formulas: ['probability/softmax'],
    run: () => rowSums(),
  },
  {
    id: 'jacobian-rows-sum-to-zero',
    lab: 'probability',
    name: 'Softmax Jacobian rows sum to 0',
    compares: '|Σⱼ ∂sᵢ/∂zⱼ| for every row',
    measure: 'absolute',
    tolerance: 1e-15,
    formulas: ['probability/softmax-jacobian'],
    run: () => jacobianRowSums(),
  },
  {
    id: 'log-sum-exp',
    lab: 'probability',
    name: 'Log-sum-exp, stable against naive',
    compares:
      'max-shifted LSE against log Σ exp where that is finite, and 1000 + log 3 at overflow',
    measure: 'relative',
    tolerance: 1e-14,
    formulas: ['probability/log-sum-exp'],
    run: () => lseMeasure(),
  },
];
