/**
 * Landscape surfaces that make optimizers struggle: many local minima (Rastrigin, Ackley), a
 * vanishing-gradient plateau around a single well, and two wells of different depth. Exact
 * derivatives; Hessians packed [fxx, fxy, fyy].
 */
import {
  paramSpec,
  surfaceCriticalPoint,
  surfaceMinimumAt,
  type NumOut,
  type Point2,
  type SurfaceDefinition,
  type SurfaceFunctions,
  type SurfaceMinimum,
} from './surfaces-types';
import { sym2Classify } from '../math/linalg2';

const TWO_PI = 2 * Math.PI;

/**
 * Rastrigin f = 2A + Σ (xᵢ² − A cos 2πxᵢ) over (x, y): a bowl with a lattice of local minima near
 * the integer points; global minimum 0 at the origin for every A ≥ 0 (only it is listed).
 */
export const surfaceRastrigin: SurfaceDefinition = {
  id: 'rastrigin',
  title: 'Rastrigin',
  params: [paramSpec('a', 'Ripple amplitude', 'A', 0, 20, 10)],
  build: ({ a }) => ({
    tex: 'f(x,y)=2A+x^2-A\\cos(2\\pi x)+y^2-A\\cos(2\\pi y)',
    domain: { xMin: -5.12, xMax: 5.12, yMin: -5.12, yMax: 5.12 },
    start: { x: 2.6, y: 3.3 },
    minima: [{ x: 0, y: 0, value: 0, global: true }],
    value: (x, y) => 2 * a + x * x - a * Math.cos(TWO_PI * x) + y * y - a * Math.cos(TWO_PI * y),
    gradient: (x, y, out) => {
      out[0] = 2 * x + TWO_PI * a * Math.sin(TWO_PI * x);
      out[1] = 2 * y + TWO_PI * a * Math.sin(TWO_PI * y);
      return out;
    },
    hessian: (x, y, out) => {
      out[0] = 2 + TWO_PI * TWO_PI * a * Math.cos(TWO_PI * x);
      out[1] = 0;
      out[2] = 2 + TWO_PI * TWO_PI * a * Math.cos(TWO_PI * y);
      return out;
    },
  }),
};

const ACKLEY_A = 20;
const ACKLEY_B = 0.2;

/**
 * Ackley f = −20 e^{−0.2 r} − e^{(cos 2πx + cos 2πy)/2} + e + 20 with r = √((x² + y²)/2): a nearly
 * flat, egg-crate outer region and a deep cone at the global minimum f(0, 0) = 0.
 *
 * The cone term is not differentiable at r = 0. There the gradient returns 0 (a valid
 * subgradient, so the minimum is a stationary point) and the Hessian returns only the smooth
 * cosine term's contribution (the cone's curvature grows like 1/r and has no finite value).
 */
export const surfaceAckley: SurfaceDefinition = {
  id: 'ackley',
  title: 'Ackley',
  build: () => ({
    tex: 'f(x,y)=-20\\,e^{-0.2\\sqrt{(x^2+y^2)/2}}-e^{(\\cos 2\\pi x+\\cos 2\\pi y)/2}+e+20',
    domain: { xMin: -5, xMax: 5, yMin: -5, yMax: 5 },
    start: { x: 3.4, y: -2.7 },
    minima: [{ x: 0, y: 0, value: 0, global: true }],
    value: (x, y) => {
      const r = Math.sqrt(0.5 * (x * x + y * y));
      const e2 = Math.exp(0.5 * (Math.cos(TWO_PI * x) + Math.cos(TWO_PI * y)));
      return -ACKLEY_A * Math.exp(-ACKLEY_B * r) - e2 + Math.E + ACKLEY_A;
    },
    gradient: (x, y, out) => {
      const r = Math.sqrt(0.5 * (x * x + y * y));
      const e2 = Math.exp(0.5 * (Math.cos(TWO_PI * x) + Math.cos(TWO_PI * y)));
      // d/dx of the cone term: a·b·e^{−br}·∂r/∂x with ∂r/∂x = x / (2r).
      const k = r > 0 ? (0.5 * ACKLEY_A * ACKLEY_B * Math.exp(-ACKLEY_B * r)) / r : 0;
      out[0] = k * x + Math.PI * Math.sin(TWO_PI * x) * e2;
      out[1] = k * y + Math.PI * Math.sin(TWO_PI * y) * e2;
      return out;
    },
    hessian: (x, y, out) => {
      const r = Math.sqrt(0.5 * (x * x + y * y));
      const sx = Math.sin(TWO_PI * x);
      const sy = Math.sin(TWO_PI * y);
      const e2 = Math.exp(0.5 * (Math.cos(TWO_PI * x) + Math.cos(TWO_PI * y)));
      const c2 = TWO_PI * TWO_PI;
      // Cosine term −e2: ∂²/∂x² = (½c²cos cx − ¼c² sin² cx)·e2, ∂²/∂x∂y = −¼c² sin cx sin cy·e2.
      let hxx = (0.5 * c2 * Math.cos(TWO_PI * x) - 0.25 * c2 * sx * sx) * e2;
      let hxy = -0.25 * c2 * sx * sy * e2;
      let hyy = (0.5 * c2 * Math.cos(TWO_PI * y) - 0.25 * c2 * sy * sy) * e2;
      if (r > 0) {
        // Cone term gradient is (ab/2)·p·E/r with E = e^{−br}; differentiate p·E/r.
        const e1 = Math.exp(-ACKLEY_B * r);
        const k = 0.5 * ACKLEY_A * ACKLEY_B;
        const radial = (ACKLEY_B * e1) / (2 * r * r) + e1 / (2 * r * r * r);
        hxx += k * (e1 / r - radial * x * x);
        hxy += k * (-radial * x * y);
        hyy += k * (e1 / r - radial * y * y);
      }
      out[0] = hxx;
      out[1] = hxy;
      out[2] = hyy;
      return out;
    },
  }),
};

/**
 * Plateau f = 1 − e^{−(x² + y²)/σ²}: a single Gaussian well of width σ in an almost flat plain.
 * Far from the well ‖∇f‖ decays like e^{−r²/σ²}, so plain gradient descent stalls while
 * normalising methods (Adam, RMSProp) keep moving. Minimum 0 at the origin.
 */
export const surfacePlateau: SurfaceDefinition = {
  id: 'plateau',
  title: 'Plateau with a well',
  params: [paramSpec('sigma', 'Well width', '\\sigma', 0.3, 3, 1, { logScale: true })],
  build: ({ sigma }) => {
    const s2 = sigma * sigma;
    return {
      tex: 'f(x,y)=1-e^{-(x^2+y^2)/\\sigma^2}',
      domain: { xMin: -4, xMax: 4, yMin: -4, yMax: 4 },
      start: { x: 3, y: 2.5 },
      minima: [{ x: 0, y: 0, value: 0, global: true }],
      // −expm1(−u), not 1 − e^{−u}: near the minimum u ≈ 1e-16 and the subtraction loses it all.
      value: (x, y) => -Math.expm1(-(x * x + y * y) / s2),
      gradient: (x, y, out) => {
        const k = (2 * Math.exp(-(x * x + y * y) / s2)) / s2;
        out[0] = k * x;
        out[1] = k * y;
        return out;
      },
      hessian: (x, y, out) => {
        const e = Math.exp(-(x * x + y * y) / s2);
        out[0] = ((2 * e) / s2) * (1 - (2 * x * x) / s2);
        out[1] = (-4 * x * y * e) / (s2 * s2);
        out[2] = ((2 * e) / s2) * (1 - (2 * y * y) / s2);
        return out;
      },
    };
  },
};

/** Centres (cx, cy) and widths w of the two Gaussian wells; depth of the deep well. */
const WELL_DEEP = { cx: 1.6, cy: 1.0, w: 1.1, depth: 2 };
const WELL_SHALLOW = { cx: -1.6, cy: -0.8, w: 0.9 };
const WELL_BOWL = 0.06;

function twoWellsFunctions(shallowDepth: number): SurfaceFunctions {
  const wells = [WELL_DEEP, { ...WELL_SHALLOW, depth: shallowDepth }];
  return {
    value: (x, y) => {
      let f = WELL_BOWL * (x * x + y * y);
      for (const w of wells) {
        const dx = x - w.cx;
        const dy = y - w.cy;
        f -= w.depth * Math.exp(-(dx * dx + dy * dy) / (w.w * w.w));
      }
      return f;
    },
    gradient: (x, y, out: NumOut) => {
      let gx = 2 * WELL_BOWL * x;
      let gy = 2 * WELL_BOWL * y;
      for (const w of wells) {
        const dx = x - w.cx;
        const dy = y - w.cy;
        const w2 = w.w * w.w;
        const k = (2 * w.depth * Math.exp(-(dx * dx + dy * dy) / w2)) / w2;
        gx += k * dx;
        gy += k * dy;
      }
      out[0] = gx;
      out[1] = gy;
      return out;
    },
    hessian: (x, y, out: NumOut) => {
      let hxx = 2 * WELL_BOWL;
      let hxy = 0;
      let hyy = 2 * WELL_BOWL;
      for (const w of wells) {
        const dx = x - w.cx;
        const dy = y - w.cy;
        const w2 = w.w * w.w;
        const k = (2 * w.depth * Math.exp(-(dx * dx + dy * dy) / w2)) / w2;
        hxx += k * (1 - (2 * dx * dx) / w2);
        hxy -= (k * 2 * dx * dy) / w2;
        hyy += k * (1 - (2 * dy * dy) / w2);
      }
      out[0] = hxx;
      out[1] = hxy;
      out[2] = hyy;
      return out;
    },
  };
}

/** Newton-polished critical point from `seed` if it is of the wanted kind, else null. */
function criticalPointOfKind(
  fns: SurfaceFunctions,
  seed: Point2,
  kind: 'minimum' | 'saddle',
): Point2 | null {
  const p = surfaceCriticalPoint(fns, seed.x, seed.y);
  if (!p) return null;
  const g = fns.gradient(p.x, p.y, [0, 0]);
  if (Math.hypot(g[0], g[1]) > 1e-9) return null;
  const h = fns.hessian(p.x, p.y, [0, 0, 0]);
  return sym2Classify(h[0], h[1], h[2], 1e-9) === kind ? p : null;
}

/**
 * Two wells f = 0.06(x² + y²) − 2e^{−‖p − c₁‖²/1.21} − d₂e^{−‖p − c₂‖²/0.81}, c₁ = (1.6, 1),
 * c₂ = (−1.6, −0.8): a deep (global) and a shallow (local) minimum separated by a saddle. The
 * minima and the saddle have no closed form; they are located by Newton's method on ∇f = 0 and
 * kept only if the Hessian confirms their kind (a very shallow second well can vanish).
 */
export const surfaceTwoWells: SurfaceDefinition = {
  id: 'two-wells',
  title: 'Two wells',
  params: [paramSpec('depth', 'Shallow well depth', 'd_2', 0.2, 1.9, 1.2)],
  build: ({ depth }) => {
    const fns = twoWellsFunctions(depth);
    const deep = criticalPointOfKind(fns, { x: WELL_DEEP.cx, y: WELL_DEEP.cy }, 'minimum');
    const shallow = criticalPointOfKind(fns, { x: WELL_SHALLOW.cx, y: WELL_SHALLOW.cy }, 'minimum');
    const minima: SurfaceMinimum[] = [];
    const saddles: Point2[] = [];
    if (deep) minima.push(surfaceMinimumAt(fns, deep, true));
    if (shallow && (!deep || Math.hypot(shallow.x - deep.x, shallow.y - deep.y) > 1e-3)) {
      minima.push(surfaceMinimumAt(fns, shallow, false));
      const saddle = criticalPointOfKind(fns, { x: 0, y: 0 }, 'saddle');
      if (saddle) saddles.push(saddle);
    }
    // The deeper of the two is global; the shallow one only stays "local" while it is higher.
    if (minima.length === 2 && minima[1].value < minima[0].value) {
      minima[0] = { ...minima[0], global: false };
      minima[1] = { ...minima[1], global: true };
    }
    return {
      tex: 'f(x,y)=0.06\\,(x^2+y^2)-2\\,e^{-\\|\\mathbf p-\\mathbf c_1\\|^2/1.21}-d_2\\,e^{-\\|\\mathbf p-\\mathbf c_2\\|^2/0.81},\\; \\mathbf c_1=(1.6,1),\\ \\mathbf c_2=(-1.6,-0.8)',
      domain: { xMin: -4, xMax: 4, yMin: -4, yMax: 4 },
      start: { x: -0.3, y: -2.6 },
      minima,
      saddles,
      ...fns,
    };
  },
};
