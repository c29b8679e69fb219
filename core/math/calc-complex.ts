/**
 * A typed f(x) evaluated at a complex x = re + i·im, for complex-step differentiation:
 * f′(a) ≈ Im f(a + ih) / h, which subtracts nothing and so loses no digits to cancellation.
 *
 * Every function of the expression language is extended to complex arguments by its analytic
 * continuation (principal branches of log and sqrt). The piecewise ones (abs, sign, heaviside,
 * min, max) take the branch their real parts select, which is analytic away from the kink:
 * abs(z) = ±z by the sign of Re z, min(z, w) = z when Re z < Re w. y, if present, is read as 0.
 */
import type { ExprNode } from './expr-ast';

/** A complex number [re, im]. */
export type Complex = readonly [number, number];

const cMul = (a: Complex, b: Complex): Complex => [
  a[0] * b[0] - a[1] * b[1],
  a[0] * b[1] + a[1] * b[0],
];

/** a / b by Smith's method (no overflow from squaring |b|). */
function cDiv(a: Complex, b: Complex): Complex {
  if (Math.abs(b[0]) >= Math.abs(b[1])) {
    const r = b[1] / b[0];
    const d = b[0] + b[1] * r;
    return [(a[0] + a[1] * r) / d, (a[1] - a[0] * r) / d];
  }
  const r = b[0] / b[1];
  const d = b[0] * r + b[1];
  return [(a[0] * r + a[1]) / d, (a[1] * r - a[0]) / d];
}

const cExp = ([a, b]: Complex): Complex => {
  const e = Math.exp(a);
  return [e * Math.cos(b), e * Math.sin(b)];
};

/** Principal log: ln|z| + i·arg z. */
const cLog = ([a, b]: Complex): Complex => [Math.log(Math.hypot(a, b)), Math.atan2(b, a)];

/** log(1 + w), accurate when w is small (the real part through log1p). */
const cLog1p = ([a, b]: Complex): Complex => [
  0.5 * Math.log1p(a * (2 + a) + b * b),
  Math.atan2(b, 1 + a),
];

/** Principal square root, written so that a tiny imaginary part is not lost (no r − a when a > 0). */
function cSqrt([a, b]: Complex): Complex {
  if (a === 0 && b === 0) return [0, 0];
  const r = Math.hypot(a, b);
  if (a >= 0) {
    const t = Math.sqrt((r + a) / 2);
    return [t, b / (2 * t)];
  }
  const t = Math.sqrt((r - a) / 2);
  return [Math.abs(b) / (2 * t), b < 0 || Object.is(b, -0) ? -t : t];
}

const cSin = ([a, b]: Complex): Complex => [Math.sin(a) * Math.cosh(b), Math.cos(a) * Math.sinh(b)];
const cCos = ([a, b]: Complex): Complex => [
  Math.cos(a) * Math.cosh(b),
  -Math.sin(a) * Math.sinh(b),
];
const cSinh = ([a, b]: Complex): Complex => [
  Math.sinh(a) * Math.cos(b),
  Math.cosh(a) * Math.sin(b),
];
const cCosh = ([a, b]: Complex): Complex => [
  Math.cosh(a) * Math.cos(b),
  Math.sinh(a) * Math.sin(b),
];

/** tanh(a + ib) = (tanh a + i tan b) / (1 + i tanh a · tan b): bounded, so no overflow at large a. */
const cTanh = ([a, b]: Complex): Complex => {
  const t = Math.tanh(a);
  const u = Math.tan(b);
  return cDiv([t, u], [1, t * u]);
};

/** z^w: integer exponents by repeated products (exact for real z), others by exp(w·log z). */
function cPow(z: Complex, w: Complex): Complex {
  if (w[1] === 0 && Number.isInteger(w[0]) && Math.abs(w[0]) <= 64) {
    let n = Math.abs(w[0]);
    let out: Complex = [1, 0];
    let base = z;
    while (n > 0) {
      if (n & 1) out = cMul(out, base);
      base = cMul(base, base);
      n >>= 1;
    }
    return w[0] < 0 ? cDiv([1, 0], out) : out;
  }
  if (z[0] === 0 && z[1] === 0) return w[0] > 0 ? [0, 0] : [Math.pow(0, w[0]), 0];
  return cExp(cMul(w, cLog(z)));
}

/** σ(z) as 1/(1 + e^−z) for Re z ≥ 0 and e^z/(1 + e^z) below, so neither side overflows or cancels. */
const cSigmoid = (z: Complex): Complex => {
  if (z[0] >= 0) {
    const e = cExp([-z[0], -z[1]]);
    return cDiv([1, 0], [1 + e[0], e[1]]);
  }
  const e = cExp(z);
  return cDiv(e, [1 + e[0], e[1]]);
};

/** softplus(z) = log(1 + e^z), as z + log(1 + e^−z) when Re z > 0. */
const cSoftplus = (z: Complex): Complex => {
  if (z[0] > 0) {
    const l = cLog1p(cExp([-z[0], -z[1]]));
    return [z[0] + l[0], z[1] + l[1]];
  }
  return cLog1p(cExp(z));
};

function cCall(fn: string, z: Complex, w: Complex): Complex {
  switch (fn) {
    case 'sin':
      return cSin(z);
    case 'cos':
      return cCos(z);
    case 'tan':
      return cDiv(cSin(z), cCos(z));
    case 'exp':
      return cExp(z);
    case 'log':
      return cLog(z);
    case 'sqrt':
      return cSqrt(z);
    case 'abs':
      return z[0] < 0 ? [-z[0], -z[1]] : z;
    case 'tanh':
      return cTanh(z);
    case 'sinh':
      return cSinh(z);
    case 'cosh':
      return cCosh(z);
    case 'sigmoid':
      return cSigmoid(z);
    case 'softplus':
      return cSoftplus(z);
    case 'sign':
      return [z[0] > 0 ? 1 : z[0] < 0 ? -1 : z[0] === 0 ? 0 : NaN, 0];
    case 'heaviside':
      return [z[0] > 0 ? 1 : z[0] < 0 ? 0 : z[0] === 0 ? 0.5 : NaN, 0];
    case 'min':
      return w[0] < z[0] ? w : z;
    case 'max':
      return w[0] > z[0] ? w : z;
    default:
      return [NaN, NaN];
  }
}

/**
 * f at the complex point x = re + i·im (y = 0), by recursion over the DAG with shared nodes
 * evaluated once. For real f and real x the real part equals the real evaluator's value up to
 * rounding; Im f(a + ih)/h → f′(a) as h → 0 with no cancellation.
 */
export function calcEvalComplex(node: ExprNode, x: Complex): Complex {
  const memo = new Map<ExprNode, Complex>();
  const ev = (n: ExprNode): Complex => {
    const seen = memo.get(n);
    if (seen) return seen;
    let v: Complex;
    switch (n.kind) {
      case 'num':
      case 'const':
        v = [n.value, 0];
        break;
      case 'var':
        v = n.name === 'x' ? x : [0, 0];
        break;
      case 'neg': {
        const a = ev(n.arg);
        v = [-a[0], -a[1]];
        break;
      }
      case 'add': {
        const a = ev(n.left);
        const b = ev(n.right);
        v = [a[0] + b[0], a[1] + b[1]];
        break;
      }
      case 'sub': {
        const a = ev(n.left);
        const b = ev(n.right);
        v = [a[0] - b[0], a[1] - b[1]];
        break;
      }
      case 'mul':
        v = cMul(ev(n.left), ev(n.right));
        break;
      case 'div':
        v = cDiv(ev(n.left), ev(n.right));
        break;
      case 'pow':
        v = cPow(ev(n.left), ev(n.right));
        break;
      case 'call':
        v = cCall(n.fn, ev(n.args[0]), n.args.length > 1 ? ev(n.args[1]) : [NaN, NaN]);
        break;
    }
    memo.set(n, v);
    return v;
  };
  return ev(node);
}
