/**
 * Surfaces built around saddle points: the plain saddle x² − y², the degenerate monkey saddle
 * x³ − 3xy², and the six-hump camel (six minima separated by saddles). Exact derivatives; Hessians
 * packed [fxx, fxy, fyy].
 */
import {
  surfaceCriticalPoint,
  surfaceMinimumAt,
  type NumOut,
  type Point2,
  type SurfaceDefinition,
  type SurfaceFunctions,
} from './surfaces-types';

/**
 * Saddle f = x² − y²: one critical point, a saddle at the origin (Hessian diag(2, −2)); unbounded
 * below along y, so there is no minimum. Starting just off the x axis shows how slowly plain
 * gradient descent escapes.
 */
export const surfaceSaddle: SurfaceDefinition = {
  id: 'saddle',
  title: 'Saddle',
  build: () => ({
    tex: 'f(x,y)=x^2-y^2',
    domain: { xMin: -2, xMax: 2, yMin: -2, yMax: 2 },
    start: { x: -1.8, y: 0.01 },
    minima: [],
    saddles: [{ x: 0, y: 0 }],
    value: (x, y) => x * x - y * y,
    gradient: (x, y, out) => {
      out[0] = 2 * x;
      out[1] = -2 * y;
      return out;
    },
    hessian: (_x, _y, out) => {
      out[0] = 2;
      out[1] = 0;
      out[2] = -2;
      return out;
    },
  }),
};

/**
 * Monkey saddle f = x³ − 3xy² = Re((x + iy)³): three valleys meet at the origin, where gradient
 * and Hessian both vanish (a degenerate critical point the second-derivative test cannot
 * classify). No minimum.
 */
export const surfaceMonkeySaddle: SurfaceDefinition = {
  id: 'monkey-saddle',
  title: 'Monkey saddle',
  build: () => ({
    tex: 'f(x,y)=x^3-3xy^2',
    domain: { xMin: -2, xMax: 2, yMin: -2, yMax: 2 },
    start: { x: 1.2, y: 0.3 },
    minima: [],
    saddles: [{ x: 0, y: 0 }],
    value: (x, y) => x * x * x - 3 * x * y * y,
    gradient: (x, y, out) => {
      out[0] = 3 * x * x - 3 * y * y;
      out[1] = -6 * x * y;
      return out;
    },
    hessian: (x, y, out) => {
      out[0] = 6 * x;
      out[1] = -6 * y;
      out[2] = -6 * x;
      return out;
    },
  }),
};

const camelFns: SurfaceFunctions = {
  value: (x, y) => {
    const x2 = x * x;
    const y2 = y * y;
    return (4 - 2.1 * x2 + (x2 * x2) / 3) * x2 + x * y + (-4 + 4 * y2) * y2;
  },
  gradient: (x, y, out: NumOut) => {
    const x2 = x * x;
    out[0] = 8 * x - 8.4 * x2 * x + 2 * x2 * x2 * x + y;
    out[1] = x - 8 * y + 16 * y * y * y;
    return out;
  },
  hessian: (x, y, out: NumOut) => {
    const x2 = x * x;
    out[0] = 8 - 25.2 * x2 + 10 * x2 * x2;
    out[1] = 1;
    out[2] = -8 + 48 * y * y;
    return out;
  },
};

/** Approximate locations of the six minima (first two global), polished by Newton below. */
const CAMEL_SEEDS: readonly (Point2 & { global: boolean })[] = [
  { x: 0.0898, y: -0.7126, global: true },
  { x: -0.0898, y: 0.7126, global: true },
  { x: -1.7036, y: 0.7961, global: false },
  { x: 1.7036, y: -0.7961, global: false },
  { x: 1.6071, y: 0.5687, global: false },
  { x: -1.6071, y: -0.5687, global: false },
];

/** Approximate locations of saddles between neighbouring minima, polished by Newton below. */
const CAMEL_SADDLE_SEEDS: readonly Point2[] = [
  { x: 0, y: 0 },
  { x: 1.1, y: -0.77 },
  { x: -1.1, y: 0.77 },
];

/**
 * Six-hump camel f = (4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y²: six local minima, two of them
 * global with f ≈ −1.031628 at ≈ (±0.0898, ∓0.7126). f is odd-symmetric: f(−x, −y) = f(x, y).
 */
export const surfaceSixHumpCamel: SurfaceDefinition = {
  id: 'six-hump-camel',
  title: 'Six-hump camel',
  build: () => ({
    tex: 'f(x,y)=\\left(4-2.1x^2+\\tfrac{x^4}{3}\\right)x^2+xy+\\left(-4+4y^2\\right)y^2',
    domain: { xMin: -2, xMax: 2, yMin: -1.2, yMax: 1.2 },
    start: { x: -1.3, y: -0.9 },
    minima: CAMEL_SEEDS.map((seed) =>
      surfaceMinimumAt(
        camelFns,
        surfaceCriticalPoint(camelFns, seed.x, seed.y) ?? seed,
        seed.global,
      ),
    ),
    saddles: CAMEL_SADDLE_SEEDS.map(
      (seed) => surfaceCriticalPoint(camelFns, seed.x, seed.y) ?? seed,
    ),
    ...camelFns,
  }),
};
