// MLP training throughput against native code: the training step the app runs (mlpTrainStep:
// forward, BCE-with-logits loss, backward, per-layer and global gradient norms, SGD update) on a
// 2-8-8-1 tanh net, batch 10, versus the same loop in C (test/bench/native/mlp.c) built with the
// system compiler at -O2. Same data, initial weights, minibatch order, learning rate and number
// of steps; the two must reach the same final loss, or the comparison is refused. Each side is
// timed by wall clock and by its process's CPU time (which other programs on a busy machine do
// not inflate; the JS figure also carries Node's own GC and compiler threads). Without a C
// compiler the reference is skipped with a line saying so. BENCH_MLP_STEPS, BENCH_MLP_ROUNDS.
import { availableParallelism, loadavg } from 'node:os';
import { datasetCreate } from '../../core/ml/datasets';
import { mlpCreate, type MlpConfig } from '../../core/ml/mlp';
import { mlpLoss } from '../../core/ml/mlp-backward';
import { mlpTrainStep, type MlpTrainOptions } from '../../core/ml/mlp-train';
import { nativeMlpBuild, nativeMlpDispose, nativeMlpRun, type NativeMlpJob } from './mlp-native';

const SIZES = [2, 8, 8, 1];
const BATCH = 10;
const POINTS = 500;
const LR = 0.1;
const STEPS = Number(process.env.BENCH_MLP_STEPS ?? 10_000);
const ROUNDS = Math.max(5, Number(process.env.BENCH_MLP_ROUNDS ?? 7));
/** Largest relative difference of the final losses that still counts as the same computation. */
const SAME_LOSS = 1e-12;

/** One timed run: wall-clock and CPU milliseconds. */
interface Timing {
  wall: number;
  cpu: number;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const load = (): string =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');
const relDiff = (a: number, b: number): number =>
  a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));

export default async function (): Promise<void> {
  const data = datasetCreate('moons', { n: POINTS, seed: 7 });
  const x: Float64Array[] = [];
  const y: Float64Array[] = [];
  for (let s = 0; s + BATCH <= data.n; s += BATCH) {
    x.push(data.x.slice(2 * s, 2 * (s + BATCH)));
    y.push(data.y.slice(s, s + BATCH));
  }
  const config: MlpConfig = {
    sizes: SIZES,
    activation: 'tanh',
    loss: 'bce-logits',
    init: 'xavier-uniform',
    seed: 3,
  };
  const net = mlpCreate(config, BATCH);
  const init = Float64Array.from(net.params);
  const options: MlpTrainOptions = { lr: LR };
  let last = 0;
  let norm = 0;
  const jsRun = (): Timing => {
    net.params.set(init);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let k = 0; k < STEPS; k++) {
      const r = mlpTrainStep(net, x[k % x.length], y[k % y.length], BATCH, options);
      last = r.loss;
      norm = r.gradNorm;
    }
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { wall, cpu: (cpu.user + cpu.system) / 1000 };
  };

  const samples = STEPS * BATCH;
  const rate = (ms: number): string => (samples / (ms / 1000)).toExponential(3).padStart(12);
  const row = (name: string, runs: Timing[]): void => {
    const wall = median(runs.map((t) => t.wall));
    const cpu = median(runs.map((t) => t.cpu));
    console.log(
      `  ${name.padEnd(18)}${rate(wall)} ${rate(cpu)}   (median ${wall.toFixed(1)} ms a run)`,
    );
  };
  console.log(
    `${SIZES.join('-')} tanh, BCE on logits, batch ${BATCH}, lr ${LR}, two moons (${POINTS} points),` +
      ` ${STEPS} steps a run; median of ${ROUNDS} rounds, JS and C alternating`,
  );
  console.log(`  load average before: ${load()} (1, 5, 15 min; ${availableParallelism()} CPUs)`);
  console.log(`  samples/s:          wall clock     CPU time`);
  const native = nativeMlpBuild();
  if ('skip' in native) {
    jsRun();
    row('JS mlpTrainStep', Array.from({ length: ROUNDS }, jsRun));
    console.log(`  SKIP native C reference: ${native.skip}`);
    return;
  }
  try {
    const job: NativeMlpJob = {
      sizes: SIZES,
      batch: BATCH,
      x,
      y,
      steps: STEPS,
      repeats: 2,
      lr: LR,
      params: init,
    };
    jsRun(); // warm-up: the JIT compiles the step before any round is timed
    const js: Timing[] = [];
    const cs: Timing[] = [];
    let c = nativeMlpRun(native, job);
    for (let r = 0; r < ROUNDS; r++) {
      // The reference's first repeat warms its caches; the second is timed.
      c = nativeMlpRun(native, job);
      cs.push({ wall: c.runsMs[1], cpu: c.cpuMs[1] });
      js.push(jsRun());
    }
    const all = { x: new Float64Array(POINTS * 2), y: new Float64Array(POINTS) };
    x.forEach((v, k) => all.x.set(v, k * v.length));
    y.forEach((v, k) => all.y.set(v, k * v.length));
    const jsLoss = mlpLoss(net, all.x, all.y, x.length * BATCH);
    let paramDiff = 0;
    for (let i = 0; i < init.length; i++)
      paramDiff = Math.max(paramDiff, relDiff(net.params[i], c.params[i]));
    const lossDiff = relDiff(jsLoss, c.loss);

    row('JS mlpTrainStep', js);
    row('native C -O2', cs);
    const ratio = (key: keyof Timing): string => {
      const perRound = js.map((t, r) => cs[r][key] / t[key]).sort((a, b) => a - b);
      const m = median(cs.map((t) => t[key])) / median(js.map((t) => t[key]));
      return `${m.toFixed(2)}× (${perRound[0].toFixed(2)}–${perRound[ROUNDS - 1].toFixed(2)})`;
    };
    console.log(`  ratio JS / C:       ${ratio('wall')}  ${ratio('cpu')}   target ≥ 0.5×`);
    if (loadavg()[0] > availableParallelism()) {
      console.log(
        '  (the machine is busier than its CPUs: wall-clock times include waiting for a CPU;' +
          ' read the CPU-time column)',
      );
    }
    console.log(`  C compiler: ${native.compiler}`);
    console.log(
      `  final loss on all ${POINTS} points: JS ${jsLoss.toPrecision(17)}, C ${c.loss.toPrecision(17)},` +
        ` relative difference ${lossDiff.toExponential(1)} (last batch ${relDiff(last, c.last).toExponential(1)},` +
        ` gradient norm ${relDiff(norm, c.norm).toExponential(1)}, parameters ≤ ${paramDiff.toExponential(1)})`,
    );
    if (!(lossDiff <= SAME_LOSS)) {
      throw new Error(
        `JS and C final losses differ by ${lossDiff} (> ${SAME_LOSS}): not the same loop`,
      );
    }
    console.log(`  load average after:  ${load()}`);
  } finally {
    nativeMlpDispose(native);
  }
}
