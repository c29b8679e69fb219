// Shared timing helper for benchmarks: warm up, then take the best of several timed repeats
// (best-of is robust to the other core being busy).
export function benchBestOf(fn: () => void, repeats = 5, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}
