// Loss landscape of the Inside lab (sim "inside-landscape"): a 2-8-8-1 tanh net trained on 250
// circle points, then L(θ* + αδ + βη) on a 41 × 41 grid, the 81-point line from θ₀ and the
// projected path. Ours: the whole simulation run to the end (training included), and its grid
// alone (the net's batched forward pass on all points per grid cell). Naive: the same grid with
// a loop per cell and per sample over nested arrays and Math.tanh — how one writes it first.
// Both in this process, median of ROUNDS; the two grids must agree to 1e-9.
import { loadavg } from 'node:os';
import {
  landscapeCompute,
  landscapeDirections,
  landscapeLayers,
  landscapeLossFn,
  landscapeTrainer,
  type LandscapeSimParams,
} from '../../core/labs/inside/sim-landscape';
import { landscapeCoord, landscapePoint } from '../../core/ml/loss-landscape';

const ROUNDS = Math.max(3, Number(process.env.BENCH_LANDSCAPE_ROUNDS ?? 5));
const P: LandscapeSimParams = {
  dataset: 'circle',
  count: 250,
  hidden: [8, 8],
  activation: 'tanh',
  epochs: 60,
  res: 41,
  span: 1,
  seed: 3,
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Mean BCE of a tanh MLP with a sigmoid output, written plainly (W row-major n_in × n_out). */
function naiveLoss(theta: ArrayLike<number>, sizes: number[], x: number[][], y: number[]): number {
  const Ws: number[][][] = [];
  const bs: number[][] = [];
  let o = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const W: number[][] = [];
    for (let i = 0; i < sizes[l]; i++) {
      W.push([]);
      for (let j = 0; j < sizes[l + 1]; j++) W[i].push(theta[o++]);
    }
    const b: number[] = [];
    for (let j = 0; j < sizes[l + 1]; j++) b.push(theta[o++]);
    Ws.push(W);
    bs.push(b);
  }
  let sum = 0;
  for (let s = 0; s < x.length; s++) {
    let h = x[s];
    for (let l = 0; l < Ws.length; l++) {
      const next: number[] = [];
      for (let j = 0; j < bs[l].length; j++) {
        let z = bs[l][j];
        for (let i = 0; i < h.length; i++) z += h[i] * Ws[l][i][j];
        next.push(l + 1 < Ws.length ? Math.tanh(z) : z);
      }
      h = next;
    }
    const z = h[0];
    // BCE on logits: log(1 + e^z) − y z, stably.
    sum += Math.max(z, 0) - y[s] * z + Math.log1p(Math.exp(-Math.abs(z)));
  }
  return sum / x.length;
}

export default async function (): Promise<void> {
  console.log(
    `2-8-8-1 tanh, 250 points, 60 epochs, 41 × 41 grid; median of ${ROUNDS}; load ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}`,
  );
  // The trained net and its directions, once (what the grid phase starts from).
  const trainer = landscapeTrainer(P);
  while (trainer.steps < P.epochs * trainer.stepsPerEpoch) trainer.step();
  const theta = trainer.net.mlp.params.slice();
  const [d, e] = landscapeDirections(theta, landscapeLayers(trainer), P.seed);
  const f = landscapeLossFn(trainer);
  const n = trainer.nTrain + trainer.nTest;
  const xs: number[][] = [];
  const ys: number[] = [];
  for (let s = 0; s < trainer.nTrain; s++) {
    xs.push([trainer.xTrain[2 * s], trainer.xTrain[2 * s + 1]]);
    ys.push(trainer.yTrain[s]);
  }
  for (let s = 0; s < trainer.nTest; s++) {
    xs.push([trainer.xTest[2 * s], trainer.xTest[2 * s + 1]]);
    ys.push(trainer.yTest[s]);
  }
  const sizes = [2, ...P.hidden, 1];
  const at = new Float64Array(theta.length);
  const grid = (loss: (w: Float64Array) => number) => {
    const out = new Float64Array(P.res * P.res);
    for (let j = 0; j < P.res; j++) {
      for (let i = 0; i < P.res; i++) {
        const a = landscapeCoord(i, P.res, P.span);
        const b = landscapeCoord(j, P.res, P.span);
        out[j * P.res + i] = loss(landscapePoint(theta, d, e, a, b, at));
      }
    }
    return out;
  };
  const whole: number[] = [];
  const ours: number[] = [];
  const naive: number[] = [];
  let worst = 0;
  for (let r = 0; r < ROUNDS; r++) {
    let t0 = performance.now();
    landscapeCompute(P);
    whole.push(performance.now() - t0);
    t0 = performance.now();
    const g1 = grid((w) => f.loss(w));
    ours.push(performance.now() - t0);
    t0 = performance.now();
    const g2 = grid((w) => naiveLoss(w, sizes, xs, ys));
    naive.push(performance.now() - t0);
    for (let k = 0; k < g1.length; k++) worst = Math.max(worst, Math.abs(g1[k] - g2[k]));
  }
  const wm = median(whole);
  const om = median(ours);
  const nm = median(naive);
  console.log(`points per loss: ${n}; parameters: ${theta.length}`);
  console.log(
    `whole simulation (train + grid + line + path): ${wm.toFixed(1)} ms (budget 2000 ms)`,
  );
  console.log(`grid, ours (batched forward):   ${om.toFixed(1)} ms`);
  console.log(`grid, naive (nested loops):     ${nm.toFixed(1)} ms`);
  console.log(
    `ratio naive / ours: ${(nm / om).toFixed(2)}×; largest difference ${worst.toExponential(2)}`,
  );
  if (worst > 1e-9) throw new Error(`grids differ by ${worst}`);
  if (wm > 2000) throw new Error(`landscape took ${wm.toFixed(0)} ms, over 2 s`);
}
