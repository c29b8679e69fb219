/**
 * The host's monotonic clock in milliseconds, for simulations that group work by time. core/ is
 * type-checked without DOM or Node typings, so the one host global it relies on is reached
 * through `globalThis` here: `performance.now()` exists in browsers, Web Workers, Node and
 * Electron's utility processes alike; `Date.now()` stands in elsewhere.
 */
export function simClockNow(): number {
  const host = globalThis as { performance?: { now(): number } };
  return host.performance ? host.performance.now() : Date.now();
}
