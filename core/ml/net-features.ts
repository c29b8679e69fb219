/**
 * Input features of the Networks lab: functions of the point (x₁, x₂) the network is fed instead
 * of (or besides) the raw coordinates, as in TensorFlow Playground.
 */

export type NetFeatureId = 'x1' | 'x2' | 'x1sq' | 'x2sq' | 'x1x2' | 'sin1' | 'sin2';

export const NET_FEATURE_IDS: readonly NetFeatureId[] = [
  'x1',
  'x2',
  'x1sq',
  'x2sq',
  'x1x2',
  'sin1',
  'sin2',
];

/** TeX and plain label of each feature. */
export const NET_FEATURES: Readonly<Record<NetFeatureId, { tex: string; label: string }>> = {
  x1: { tex: 'x_1', label: 'x₁' },
  x2: { tex: 'x_2', label: 'x₂' },
  x1sq: { tex: 'x_1^2', label: 'x₁²' },
  x2sq: { tex: 'x_2^2', label: 'x₂²' },
  x1x2: { tex: 'x_1 x_2', label: 'x₁x₂' },
  sin1: { tex: '\\sin x_1', label: 'sin x₁' },
  sin2: { tex: '\\sin x_2', label: 'sin x₂' },
};

/** The value of one feature at (a, b). */
export function netFeature(id: NetFeatureId, a: number, b: number): number {
  switch (id) {
    case 'x1':
      return a;
    case 'x2':
      return b;
    case 'x1sq':
      return a * a;
    case 'x2sq':
      return b * b;
    case 'x1x2':
      return a * b;
    case 'sin1':
      return Math.sin(a);
    case 'sin2':
      return Math.sin(b);
  }
}

/**
 * The features of points xy (n×2 row-major), or of the listed rows only, as an
 * (rows)×features.length row-major matrix written into `out` (allocated when absent).
 */
export function netFeaturesFill(
  ids: readonly NetFeatureId[],
  xy: ArrayLike<number>,
  rows: ArrayLike<number> | number,
  out?: Float64Array,
): Float64Array {
  const count = typeof rows === 'number' ? rows : rows.length;
  const d = ids.length;
  const m = out ?? new Float64Array(count * d);
  for (let r = 0; r < count; r++) {
    const i = typeof rows === 'number' ? r : rows[r];
    const a = xy[2 * i];
    const b = xy[2 * i + 1];
    for (let k = 0; k < d; k++) m[r * d + k] = netFeature(ids[k], a, b);
  }
  return m;
}
