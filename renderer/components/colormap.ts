/**
 * Perceptually ordered colormap for surface heights (stops sampled from viridis, which is CC0 and
 * readable by colour-blind viewers and on projectors). t ∈ [0, 1] → linear-interpolated RGB in [0, 1].
 */
const STOPS: readonly [number, number, number][] = [
  [0.267, 0.005, 0.329],
  [0.283, 0.141, 0.458],
  [0.254, 0.265, 0.53],
  [0.207, 0.372, 0.553],
  [0.164, 0.471, 0.558],
  [0.128, 0.567, 0.551],
  [0.135, 0.659, 0.518],
  [0.267, 0.749, 0.441],
  [0.478, 0.821, 0.318],
  [0.741, 0.873, 0.15],
  [0.993, 0.906, 0.144],
];

export function colormapViridis(t: number, out: Float32Array | number[], offset = 0): void {
  const c = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(c));
  const f = c - i;
  const a = STOPS[i];
  const b = STOPS[i + 1];
  out[offset] = a[0] + f * (b[0] - a[0]);
  out[offset + 1] = a[1] + f * (b[1] - a[1]);
  out[offset + 2] = a[2] + f * (b[2] - a[2]);
}
