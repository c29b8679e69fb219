/**
 * Classic smooth test surfaces: quadratics (bowl, rotated ellipse, Booth, Matyas) and the
 * standard non-convex benchmarks Rosenbrock, Beale and Himmelblau. Every gradient and Hessian is
 * the exact derivative of `value`; Hessians are packed [fxx, fxy, fyy].
 */
import {
  paramSpec,
  surfaceCriticalPoint,
  surfaceMinimumAt,
  type NumOut,
  type Point2,
  type SurfaceDefinition,
  type SurfaceFunctions,
} from './surfaces-types';

const square = (domainHalf: number) => ({
  xMin: -domainHalf,
  xMax: domainHalf,
  yMin: -domainHalf,
  yMax: domainHalf,
});

/** f(x, y) = x² + y²: the isotropic convex bowl, Hessian 2I (κ = 1), minimum 0 at the origin. */
export const surfaceBowl: SurfaceDefinition = {
  id: 'bowl',
  title: 'Convex bowl',
  build: () => ({
    tex: 'f(x,y)=x^2+y^2',
    domain: square(3),
    start: { x: -2.4, y: 1.8 },
    minima: [{ x: 0, y: 0, value: 0, global: true }],
    value: (x, y) => x * x + y * y,
    gradient: (x, y, out) => {
      out[0] = 2 * x;
      out[1] = 2 * y;
      return out;
    },
    hessian: (_x, _y, out) => {
      out[0] = 2;
      out[1] = 0;
      out[2] = 2;
      return out;
    },
  }),
};

/**
 * Ill-conditioned ellipse f = ½(u² + κv²) in coordinates rotated by φ (degrees):
 * u = x cos φ + y sin φ, v = −x sin φ + y cos φ. Hessian eigenvalues are exactly 1 and κ, so κ is
 * the condition number; at φ = 0 the long axis is x. Minimum 0 at the origin.
 */
export const surfaceEllipse: SurfaceDefinition = {
  id: 'ellipse',
  title: 'Ill-conditioned ellipse',
  params: [
    paramSpec('kappa', 'Condition number', '\\kappa', 1, 1000, 10, { logScale: true }),
    paramSpec('angle', 'Rotation (degrees)', '\\varphi', 0, 180, 0),
  ],
  build: ({ kappa, angle }) => {
    const c = Math.cos((angle * Math.PI) / 180);
    const s = Math.sin((angle * Math.PI) / 180);
    // Hessian Rᵀ diag(1, κ) R is constant, so the whole surface is f = ½ pᵀAp.
    const hxx = c * c + kappa * s * s;
    const hxy = (1 - kappa) * c * s;
    const hyy = s * s + kappa * c * c;
    return {
      tex: 'f(x,y)=\\tfrac12\\left(u^2+\\kappa\\,v^2\\right),\\; u=x\\cos\\varphi+y\\sin\\varphi,\\; v=-x\\sin\\varphi+y\\cos\\varphi',
      domain: square(3),
      start: { x: -2.5, y: 1 },
      minima: [{ x: 0, y: 0, value: 0, global: true }],
      value: (x, y) => {
        const u = c * x + s * y;
        const v = -s * x + c * y;
        return 0.5 * (u * u + kappa * v * v);
      },
      gradient: (x, y, out) => {
        out[0] = hxx * x + hxy * y;
        out[1] = hxy * x + hyy * y;
        return out;
      },
      hessian: (_x, _y, out) => {
        out[0] = hxx;
        out[1] = hxy;
        out[2] = hyy;
        return out;
      },
    };
  },
};

/**
 * Rosenbrock's banana f = (1 − x)² + b(y − x²)² (classically b = 100): a curved, flat-bottomed
 * valley; global minimum 0 at (1, 1) for every b > 0.
 */
export const surfaceRosenbrock: SurfaceDefinition = {
  id: 'rosenbrock',
  title: 'Rosenbrock',
  params: [paramSpec('b', 'Valley steepness', 'b', 1, 1000, 100, { logScale: true })],
  build: ({ b }) => ({
    tex: 'f(x,y)=(1-x)^2+b\\,(y-x^2)^2',
    domain: { xMin: -2, xMax: 2, yMin: -1, yMax: 3 },
    start: { x: -1.2, y: 1 },
    minima: [{ x: 1, y: 1, value: 0, global: true }],
    value: (x, y) => {
      const r = y - x * x;
      return (1 - x) * (1 - x) + b * r * r;
    },
    gradient: (x, y, out) => {
      const r = y - x * x;
      out[0] = -2 * (1 - x) - 4 * b * x * r;
      out[1] = 2 * b * r;
      return out;
    },
    hessian: (x, y, out) => {
      out[0] = 2 - 4 * b * y + 12 * b * x * x;
      out[1] = -4 * b * x;
      out[2] = 2 * b;
      return out;
    },
  }),
};

const BEALE_C = [1.5, 2.25, 2.625];

/**
 * Beale f = Σᵢ₌₁³ tᵢ², tᵢ = cᵢ − x + x yⁱ with c = (1.5, 2.25, 2.625): flat plateaus and sharp
 * ridges; global minimum 0 at (3, 0.5).
 */
export const surfaceBeale: SurfaceDefinition = {
  id: 'beale',
  title: 'Beale',
  build: () => ({
    tex: 'f(x,y)=(1.5-x+xy)^2+(2.25-x+xy^2)^2+(2.625-x+xy^3)^2',
    domain: square(4.5),
    start: { x: 1, y: 1.5 },
    minima: [{ x: 3, y: 0.5, value: 0, global: true }],
    value: (x, y) => {
      let sum = 0;
      let yi = 1;
      for (let i = 0; i < 3; i++) {
        yi *= y;
        const t = BEALE_C[i] - x + x * yi;
        sum += t * t;
      }
      return sum;
    },
    gradient: (x, y, out) => {
      let gx = 0;
      let gy = 0;
      let yPrev = 1;
      for (let i = 1; i <= 3; i++) {
        const yi = yPrev * y;
        const t = BEALE_C[i - 1] - x + x * yi;
        gx += 2 * t * (yi - 1);
        gy += 2 * t * i * x * yPrev;
        yPrev = yi;
      }
      out[0] = gx;
      out[1] = gy;
      return out;
    },
    hessian: (x, y, out) => {
      // With tᵢ = cᵢ − x + x yⁱ: ∂tᵢ/∂x = yⁱ − 1, ∂tᵢ/∂y = i x yⁱ⁻¹, ∂²tᵢ/∂x∂y = i yⁱ⁻¹,
      // ∂²tᵢ/∂y² = i(i−1) x yⁱ⁻², and ∂²(t²) = 2(∂t ∂tᵀ + t ∂²t).
      let hxx = 0;
      let hxy = 0;
      let hyy = 0;
      let yPrev2 = 0;
      let yPrev = 1;
      for (let i = 1; i <= 3; i++) {
        const yi = yPrev * y;
        const t = BEALE_C[i - 1] - x + x * yi;
        const tx = yi - 1;
        const ty = i * x * yPrev;
        hxx += 2 * tx * tx;
        hxy += 2 * (tx * ty + t * i * yPrev);
        hyy += 2 * (ty * ty + t * i * (i - 1) * x * yPrev2);
        yPrev2 = yPrev;
        yPrev = yi;
      }
      out[0] = hxx;
      out[1] = hxy;
      out[2] = hyy;
      return out;
    },
  }),
};

const himmelblauFns: SurfaceFunctions = {
  value: (x, y) => {
    const a = x * x + y - 11;
    const b = x + y * y - 7;
    return a * a + b * b;
  },
  gradient: (x, y, out: NumOut) => {
    const a = x * x + y - 11;
    const b = x + y * y - 7;
    out[0] = 4 * x * a + 2 * b;
    out[1] = 2 * a + 4 * y * b;
    return out;
  },
  hessian: (x, y, out: NumOut) => {
    out[0] = 12 * x * x + 4 * y - 42;
    out[1] = 4 * (x + y);
    out[2] = 4 * x + 12 * y * y - 26;
    return out;
  },
};

/** Rough positions of Himmelblau's four zeros; refined to full precision by Newton on ∇f = 0. */
const HIMMELBLAU_SEEDS: readonly Point2[] = [
  { x: 3, y: 2 },
  { x: -2.8, y: 3.1 },
  { x: -3.8, y: -3.3 },
  { x: 3.6, y: -1.8 },
];

/**
 * Himmelblau f = (x² + y − 11)² + (x + y² − 7)²: four global minima, all with f = 0, at (3, 2)
 * and ≈ (−2.805118, 3.131313), (−3.779310, −3.283186), (3.584428, −1.848127); a local maximum
 * near (−0.27, −0.92) separates them.
 */
export const surfaceHimmelblau: SurfaceDefinition = {
  id: 'himmelblau',
  title: 'Himmelblau',
  build: () => ({
    tex: 'f(x,y)=(x^2+y-11)^2+(x+y^2-7)^2',
    domain: square(5),
    start: { x: 0, y: 0 },
    minima: HIMMELBLAU_SEEDS.map((seed) =>
      surfaceMinimumAt(
        himmelblauFns,
        surfaceCriticalPoint(himmelblauFns, seed.x, seed.y) ?? seed,
        true,
      ),
    ),
    ...himmelblauFns,
  }),
};

/** Booth f = (x + 2y − 7)² + (2x + y − 5)²: a convex quadratic, minimum 0 at (1, 3). */
export const surfaceBooth: SurfaceDefinition = {
  id: 'booth',
  title: 'Booth',
  build: () => ({
    tex: 'f(x,y)=(x+2y-7)^2+(2x+y-5)^2',
    domain: square(10),
    start: { x: -7, y: -7 },
    minima: [{ x: 1, y: 3, value: 0, global: true }],
    value: (x, y) => {
      const p = x + 2 * y - 7;
      const q = 2 * x + y - 5;
      return p * p + q * q;
    },
    gradient: (x, y, out) => {
      const p = x + 2 * y - 7;
      const q = 2 * x + y - 5;
      out[0] = 2 * p + 4 * q;
      out[1] = 4 * p + 2 * q;
      return out;
    },
    hessian: (_x, _y, out) => {
      out[0] = 10;
      out[1] = 8;
      out[2] = 10;
      return out;
    },
  }),
};

/**
 * Matyas f = 0.26(x² + y²) − 0.48xy: a convex quadratic whose Hessian has eigenvalues 1.0 (along
 * x = −y) and 0.04 (along x = y), κ = 25; minimum 0 at the origin.
 */
export const surfaceMatyas: SurfaceDefinition = {
  id: 'matyas',
  title: 'Matyas',
  build: () => ({
    tex: 'f(x,y)=0.26\\,(x^2+y^2)-0.48\\,xy',
    domain: square(10),
    start: { x: 7, y: 3 },
    minima: [{ x: 0, y: 0, value: 0, global: true }],
    value: (x, y) => 0.26 * (x * x + y * y) - 0.48 * x * y,
    gradient: (x, y, out) => {
      out[0] = 0.52 * x - 0.48 * y;
      out[1] = 0.52 * y - 0.48 * x;
      return out;
    },
    hessian: (_x, _y, out) => {
      out[0] = 0.52;
      out[1] = -0.48;
      out[2] = 0.52;
      return out;
    },
  }),
};
