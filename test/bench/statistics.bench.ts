// Bias–variance simulation against numpy: D = 1000 training sets × degrees 0–12 × n from 10 to
// 100, every set fitted at every degree, with bias², variance, test error on fresh noise and
// training error per degree (test/bench/python/bias_variance.py does the same work two ways: the
// seeds' np.vander + np.linalg.lstsq per fit, and batched QR over the sets). Timed in the same run,
// each side by wall clock and by its own process's CPU time (a loaded machine inflates wall time
// for both; CPU time is what each computation cost). numpy runs single-threaded BLAS
// (OPENBLAS_NUM_THREADS=1), as our simulation runs on one thread. Without python3 and numpy the
// reference is skipped with a line saying so. BENCH_STATS_ROUNDS (default 5).
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { biasVarianceRun } from '../../core/ml/stats-bias-variance';

const D = 1000;
const MAX_DEGREE = 12;
const NS = [10, 25, 50, 100];
const ROUNDS = Math.max(3, Number(process.env.BENCH_STATS_ROUNDS ?? 5));
const SCRIPT = path.join(import.meta.dirname, 'python', 'bias_variance.py');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ms = (v: number) => v.toFixed(1).padStart(8);

interface PyRow {
  wall: number;
  cpu: number;
  bias2_3: number;
  variance_3: number;
  test_3: number;
}

function numpy(n: number, rounds: number): Record<'seeds_loop' | 'batched_qr', PyRow> | null {
  try {
    const out = execFileSync(
      'python3',
      [SCRIPT, String(n), String(D), String(MAX_DEGREE + 1), String(rounds), '7'],
      {
        env: {
          ...process.env,
          OPENBLAS_NUM_THREADS: '1',
          OMP_NUM_THREADS: '1',
          MKL_NUM_THREADS: '1',
        },
        encoding: 'utf8',
      },
    );
    return JSON.parse(out) as Record<'seeds_loop' | 'batched_qr', PyRow>;
  } catch (e) {
    console.log(`numpy reference skipped: ${(e as Error).message.split('\n')[0]}`);
    return null;
  }
}

export default async function (): Promise<void> {
  console.log(
    `D = ${D} sets × degrees 0–${MAX_DEGREE}, T = 100 test points, σ = 0.2, sin 2πx, random x; median of ${ROUNDS} runs; load ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    '     n | ours wall  ours cpu | seeds wall seeds cpu | batched wall batched cpu | cpu ratio seeds/ours  batched/ours | bias² d=3 ours / numpy',
  );
  let total = 0;
  let totalCpu = 0;
  for (const n of NS) {
    const setup = {
      fn: 'sin' as const,
      sigma: 0.2,
      n,
      datasets: D,
      maxDegree: MAX_DEGREE,
      design: 'random' as const,
      samples: 0,
      bands: false,
    };
    biasVarianceRun({ ...setup, seed: 99 }); // warm the compiler
    const walls: number[] = [];
    const cpus: number[] = [];
    let b3 = 0;
    for (let r = 0; r < ROUNDS; r++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const res = biasVarianceRun({ ...setup, seed: 7 + r });
      walls.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpus.push((c.user + c.system) / 1000);
      b3 = res.bias2[3];
    }
    const wall = median(walls);
    const cpu = median(cpus);
    total += wall;
    totalCpu += cpu;
    const py = numpy(n, n >= 50 ? 1 : 3);
    if (!py) {
      console.log(`${String(n).padStart(6)} | ${ms(wall)} ${ms(cpu)}`);
      continue;
    }
    const s = py.seeds_loop;
    const b = py.batched_qr;
    console.log(
      `${String(n).padStart(6)} | ${ms(wall)}  ${ms(cpu)} | ${ms(s.wall * 1000)}  ${ms(s.cpu * 1000)} | ${ms(b.wall * 1000)}    ${ms(b.cpu * 1000)} | ${((s.cpu * 1000) / cpu).toFixed(1).padStart(9)}× ${((b.cpu * 1000) / cpu).toFixed(2).padStart(12)}× | ${b3.toFixed(4)} / ${s.bias2_3.toFixed(4)}`,
    );
  }
  console.log(
    `ours, all four n together: ${total.toFixed(0)} ms wall, ${totalCpu.toFixed(0)} ms CPU (target < 1000 ms; wall time grows with the load average on a shared machine); ratios > 1 mean ours is faster`,
  );
}
