// CPU time of a headless Chromium's threads from /proc (Linux), by role: the page's main thread,
// its Web Workers (the compute), the GPU process (SwiftShader rasterises and composites there) and
// the rest. CPU time, unlike frames per second, barely depends on what else the machine runs, so
// it tells what the page itself costs on a shared, loaded machine.
import { readFileSync, readdirSync } from 'node:fs';

/** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
const TICKS = 100;

export type CpuRole = 'page' | 'workers' | 'gpu' | 'other';
export type CpuTimes = Record<CpuRole, number>;

const pids = () => readdirSync('/proc').filter((d) => /^\d+$/.test(d));

/** ppid and user + system ticks from a /proc stat line. */
function statRead(file: string): { ppid: number; ticks: number } | null {
  try {
    const s = readFileSync(file, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) };
  } catch {
    return null;
  }
}

/** The browser process launched with `marker` among its arguments, or null. */
export function browserPid(marker: string): number | null {
  for (const d of pids()) {
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
      if (cmd.includes(marker) && !cmd.includes('--type=')) return Number(d);
    } catch {
      // gone
    }
  }
  return null;
}

/** Seconds of CPU used so far by each role, over the browser and all its descendants. */
export function cpuTimes(root: number): CpuTimes {
  const parent = new Map<number, number>();
  for (const d of pids()) {
    const st = statRead(`/proc/${d}/stat`);
    if (st) parent.set(Number(d), st.ppid);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++)
    for (const [pid, ppid] of parent) if (ppid === tree[i]) tree.push(pid);
  const out: CpuTimes = { page: 0, workers: 0, gpu: 0, other: 0 };
  for (const pid of tree) {
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    const threads = tids.map((tid) => {
      let name = '';
      try {
        name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
      } catch {
        // gone
      }
      return {
        tid: Number(tid),
        name,
        ticks: statRead(`/proc/${pid}/task/${tid}/stat`)?.ticks ?? 0,
      };
    });
    const gpu = threads.some((t) => t.name.startsWith('VizCompositor'));
    const renderer = threads.some((t) => t.name.startsWith('DedicatedWorker'));
    for (const t of threads) {
      const role: CpuRole = gpu
        ? 'gpu'
        : renderer && t.name.startsWith('DedicatedWorker')
          ? 'workers'
          : renderer && t.tid === pid
            ? 'page'
            : 'other';
      out[role] += t.ticks / TICKS;
    }
  }
  return out;
}

/** Per role, the CPU used between two readings as a share of one core over `seconds`. */
export function cpuShare(a: CpuTimes, b: CpuTimes, seconds: number): CpuTimes {
  const share = (k: CpuRole) => (b[k] - a[k]) / seconds;
  return {
    page: share('page'),
    workers: share('workers'),
    gpu: share('gpu'),
    other: share('other'),
  };
}
