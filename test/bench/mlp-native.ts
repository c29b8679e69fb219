// The native C reference of the MLP training loop (test/bench/native/mlp.c): finds the system C
// compiler, builds the reference at -O2 into a temporary folder, and runs it on data, initial
// weights and hyper-parameters handed over in a binary file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SOURCE = path.join(import.meta.dirname, 'native', 'mlp.c');

/** A built reference: the executable, the compiler's first version line, and its folder. */
export interface NativeMlp {
  readonly exe: string;
  readonly compiler: string;
  readonly dir: string;
}

/** What the reference was asked to do. */
export interface NativeMlpJob {
  readonly sizes: readonly number[];
  readonly batch: number;
  /** Minibatches, batch × n_in each; step k uses minibatch k mod count. */
  readonly x: readonly Float64Array[];
  readonly y: readonly Float64Array[];
  readonly steps: number;
  readonly repeats: number;
  readonly lr: number;
  /** Initial parameters in the core/ml/mlp.ts layout (per layer W row-major, then b). */
  readonly params: Float64Array;
}

/** What it reported. */
export interface NativeMlpResult {
  /** Wall time of each repeat of `steps` steps (ms). */
  readonly runsMs: number[];
  /** CPU time of the process over each repeat (ms). */
  readonly cpuMs: number[];
  /** Mean loss over all minibatches after training. */
  readonly loss: number;
  /** Loss of the last minibatch, before its update. */
  readonly last: number;
  /** Global gradient norm of the last step. */
  readonly norm: number;
  readonly params: Float64Array;
}

function compilerFind(): { cmd: string; version: string } | null {
  const candidates = [process.env.CC, 'cc', 'gcc', 'clang'].filter((c): c is string => !!c);
  for (const cmd of candidates) {
    const r = spawnSync(cmd, ['--version'], { encoding: 'utf8' });
    if (r.status === 0) return { cmd, version: r.stdout.split('\n')[0].trim() };
  }
  return null;
}

/**
 * Compiles the reference with -O2; null (with the reason) when there is no C compiler or the
 * build fails, so the benchmark can print a skip line instead of failing.
 */
export function nativeMlpBuild(): NativeMlp | { skip: string } {
  const cc = compilerFind();
  if (!cc) return { skip: 'no C compiler found (tried $CC, cc, gcc, clang)' };
  const dir = mkdtempSync(path.join(tmpdir(), 'mllab-bench-'));
  const exe = path.join(dir, 'mlp');
  const r = spawnSync(cc.cmd, ['-O2', '-o', exe, SOURCE, '-lm'], { encoding: 'utf8' });
  if (r.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { skip: `${cc.cmd} -O2 failed: ${(r.stderr || r.error?.message || '').trim()}` };
  }
  return { exe, compiler: `${cc.cmd} -O2 (${cc.version})`, dir };
}

export function nativeMlpDispose(native: NativeMlp): void {
  rmSync(native.dir, { recursive: true, force: true });
}

/** Runs the reference once (it repeats `job.repeats` times from the same start). */
export function nativeMlpRun(native: NativeMlp, job: NativeMlpJob): NativeMlpResult {
  const ints = Int32Array.from([
    job.sizes.length,
    ...job.sizes,
    job.batch,
    job.x.length,
    job.steps,
    job.repeats,
  ]);
  const doubles = [Float64Array.of(job.lr), ...job.x, ...job.y, job.params];
  const parts = [ints, ...doubles].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  const input = path.join(native.dir, 'input.bin');
  const output = path.join(native.dir, 'output.bin');
  writeFileSync(input, Buffer.concat(parts));
  const r = spawnSync(native.exe, [input, output], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`native reference failed: ${r.stderr || r.error?.message}`);
  const runsMs: number[] = [];
  const cpuMs: number[] = [];
  const values: Record<string, number> = {};
  for (const line of r.stdout.trim().split('\n')) {
    const [key, value, cpu] = line.split(' ');
    if (key === 'run') {
      runsMs.push(Number(value) / 1e6);
      cpuMs.push(Number(cpu) / 1e6);
    } else values[key] = Number(value);
  }
  const bytes = readFileSync(output);
  const params = new Float64Array(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  );
  return { runsMs, cpuMs, loss: values.loss, last: values.last, norm: values.norm, params };
}
