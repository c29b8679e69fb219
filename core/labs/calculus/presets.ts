/** The Calculus lab's defaults and stories (each story sets its own keys over the defaults). */
import type { LabPreset } from '../define';
import type { CalculusParams } from './params';

export const CALCULUS_DEFAULTS: CalculusParams = {
  view: 'derivative',
  derivative: { source: 'exp(x)', a: 1, hLog10: -1, span: 1.5 },
  chain: { outer: 'sin(u)', inner: 'x^2', a: 1.2 },
  taylor: { fn: 'exp', custom: 'x*exp(-x^2)', a: 0, order: 3, window: { lo: -3, width: 6 } },
  critical: {
    source: 'x^3 - 3*x + y^3 - 3*y',
    box: { xMin: -2.5, yMin: -2.5, width: 5, height: 5 },
  },
  lagrange: {
    f: 'x + y',
    g: 'x^2 + y^2',
    b: 1,
    box: { xMin: -2, yMin: -2, width: 4, height: 4 },
  },
  kkt: {
    f: 'x^2 + y^2',
    g: '-x - y',
    b: -1,
    box: { xMin: -2, yMin: -2, width: 4, height: 4 },
  },
  svm: {
    points: [
      { x: 1.5, y: 1, label: 1 },
      { x: 2.5, y: 2, label: 1 },
      { x: 2.2, y: -0.5, label: 1 },
      { x: 3, y: 0.5, label: 1 },
      { x: 1.2, y: 2.8, label: 1 },
      { x: -1, y: -1, label: -1 },
      { x: -2, y: 0.5, label: -1 },
      { x: -0.5, y: -2.5, label: -1 },
      { x: -2.5, y: -1.5, label: -1 },
      { x: 0, y: -0.5, label: -1 },
    ],
  },
  seed: 1,
};

const derivative = (patch: Partial<CalculusParams['derivative']>) => ({
  ...CALCULUS_DEFAULTS.derivative,
  ...patch,
});
const lagrange = (patch: Partial<CalculusParams['lagrange']>) => ({
  ...CALCULUS_DEFAULTS.lagrange,
  ...patch,
});
const kkt = (patch: Partial<CalculusParams['kkt']>) => ({ ...CALCULUS_DEFAULTS.kkt, ...patch });
const taylor = (patch: Partial<CalculusParams['taylor']>) => ({
  ...CALCULUS_DEFAULTS.taylor,
  ...patch,
});

export const CALCULUS_PRESETS: readonly LabPreset<CalculusParams>[] = [
  {
    id: 'secant-to-tangent',
    title: 'A secant becomes the tangent',
    story:
      'The line through two points of the curve h apart has a slope that is only an estimate of the derivative. Slide h down and the second point runs into the first: the secant turns into the tangent and its slope settles on f′(a).',
    params: { view: 'derivative', derivative: derivative({ hLog10: 0 }) },
  },
  {
    id: 'too-small-h',
    title: 'When h is too small',
    story:
      'Below about 10⁻⁸ the forward difference gets worse, not better: f(a + h) and f(a) agree in almost every digit, and their difference keeps only the rounding noise, which dividing by h magnifies. The error chart shows the V: truncation falling on the right, rounding rising on the left.',
    params: { view: 'derivative', derivative: derivative({ hLog10: -12, span: 0.5 }) },
  },
  {
    id: 'chain-rule',
    title: 'The chain rule with numbers',
    story:
      'For sin(x²) the derivative is the outer slope at the inner value times the inner slope. Both factors are shown with their values at a, next to the derivative the engine worked out on its own and a difference quotient that checks it.',
    params: { view: 'chain' },
  },
  {
    id: 'taylor-exp',
    title: 'eˣ: every order helps',
    story:
      'Each extra term of eˣ’s series fits the curve over a wider stretch. The error chart drops everywhere as the order rises: this series converges for every x.',
    params: { view: 'taylor', taylor: taylor({ fn: 'exp', order: 6 }) },
  },
  {
    id: 'taylor-log-radius',
    title: 'ln(1 + x) stops at x = 1',
    story:
      'About 0, the series of ln(1 + x) converges only for −1 < x ≤ 1. Inside, more terms shrink the error; past x = 1 each one makes it larger. The coefficients tell you so: their ratio settles near 1.',
    params: {
      view: 'taylor',
      taylor: taylor({ fn: 'log1p', order: 8, window: { lo: -0.95, width: 2.95 } }),
    },
  },
  {
    id: 'taylor-sigmoid',
    title: 'The sigmoid’s hidden limit',
    story:
      'σ(x) is smooth on the whole real line, yet its series about 0 converges only for |x| < π: the function has poles at ±iπ in the complex plane. The coefficient ratio finds π from real numbers alone.',
    params: {
      view: 'taylor',
      taylor: taylor({ fn: 'sigmoid', order: 9, window: { lo: -6, width: 12 } }),
    },
  },
  {
    id: 'himmelblau-census',
    title: 'Every critical point of Himmelblau',
    story:
      'Newton’s method on ∇f = 0, started from every point of an 11 × 11 grid, lands on the minima, the saddles and the maximum alike. Merging the starts that reach the same point leaves nine: four minima, four saddles on the ridges between them and one maximum. The signs of the Hessian’s eigenvalues say which is which.',
    params: {
      view: 'critical',
      critical: {
        source: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
        box: { xMin: -5, yMin: -5, width: 10, height: 10 },
      },
    },
  },
  {
    id: 'lagrange-circle',
    title: 'x + y on the unit circle',
    story:
      'The lowest point of x + y on the circle is where a level line of f just touches the circle: there ∇f and ∇g point along one line, ∇f = −λ∇g. Slide b to grow the circle; f* falls, and its rate of change is −λ, the multiplier.',
    params: { view: 'lagrange', lagrange: lagrange({}) },
  },
  {
    id: 'lagrange-hyperbola',
    title: 'Closest points of xy = 1 to the origin',
    story:
      'Minimising x² + y² on the hyperbola xy = b finds its two points closest to the origin. Both have the same f* = 2b and the same multiplier λ = −2: raise b by 0.1 and f* rises by 0.2.',
    params: {
      view: 'lagrange',
      lagrange: lagrange({
        f: 'x^2 + y^2',
        g: 'x*y',
        box: { xMin: -3, yMin: -3, width: 6, height: 6 },
      }),
    },
  },
  {
    id: 'lagrange-linear',
    title: 'A quadratic on a line',
    story:
      'An elliptical bowl cut by the line x + y = b. The solution sits where the line is tangent to an ellipse of f. When b reaches 3 the bowl’s own minimum (2, 1) lies on the line and the multiplier is 0: the constraint no longer costs anything.',
    params: {
      view: 'lagrange',
      lagrange: lagrange({
        f: '(x - 2)^2 + 2*(y - 1)^2',
        g: 'x + y',
        box: { xMin: -2, yMin: -3, width: 6, height: 6 },
      }),
    },
  },
  {
    id: 'kkt-halfplane',
    title: 'x² + y² with x + y ≥ 1',
    story:
      'Written as −x − y ≤ −1, the half-plane leaves out the bowl’s bottom at the origin, so the constraint is active: the answer (½, ½) lies on its edge with λ = 1. Slide b up past 0 and the origin is allowed again: the constraint goes slack and λ drops to 0. Either λ or the slack g − b is zero, never both non-zero.',
    params: { view: 'kkt', kkt: kkt({}) },
  },
  {
    id: 'kkt-disk',
    title: 'A bowl fenced in by a disk',
    story:
      'The bowl’s bottom (2, 1) is outside the disk x² + y² ≤ 1, so the best allowed point is on the circle, in the direction of (2, 1). There ∇f points into the disk and ∇g out of it, and λ ≥ 0 says how much f would fall per unit of extra room.',
    params: {
      view: 'kkt',
      kkt: kkt({
        f: '(x - 2)^2 + (y - 1)^2',
        g: 'x^2 + y^2',
        b: 1,
        box: { xMin: -3, yMin: -3, width: 6, height: 6 },
      }),
    },
  },
  {
    id: 'kkt-inactive',
    title: 'When the fence is far away',
    story:
      'With x² + y² ≤ 6 the disk already contains the bowl’s bottom (2, 1). The answer is the unconstrained minimum, g stays below b, and λ = 0: the constraint costs nothing and moving b a little does not change f*.',
    params: {
      view: 'kkt',
      kkt: kkt({
        f: '(x - 2)^2 + (y - 1)^2',
        g: 'x^2 + y^2',
        b: 6,
        box: { xMin: -3, yMin: -3, width: 6, height: 6 },
      }),
    },
  },
  {
    id: 'svm-margin',
    title: 'The widest street between two classes',
    story:
      'The hard-margin SVM looks for the line with the widest empty band around it. Only the points on the band’s edges have α > 0: they are the support vectors, and w is built from them alone. Drag any other point (outside the band) and nothing changes; drag a support vector and the line moves.',
    params: { view: 'svm' },
  },
  {
    id: 'svm-symmetric',
    title: 'A symmetric case with margin 2',
    story:
      'The classes are mirror images across the y axis and their nearest points are (±1, 0). The line is x = 0, w = (1, 0) and the band is 2 wide; the two nearest points share the weight, α = ½ each, and the four others have α = 0.',
    params: {
      view: 'svm',
      svm: {
        points: [
          { x: 1, y: 0, label: 1 },
          { x: 2, y: 1, label: 1 },
          { x: 2, y: -1, label: 1 },
          { x: -1, y: 0, label: -1 },
          { x: -2, y: 1, label: -1 },
          { x: -2, y: -1, label: -1 },
        ],
      },
    },
  },
];
