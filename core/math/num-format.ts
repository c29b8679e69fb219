/**
 * Numbers as every lab prints them: 4 significant digits, exponent form below 10⁻³ or from 10⁵,
 * as TeX for formulas, as a factor with its sign in parentheses, and as plain text for labels.
 * One home for the renderer (components/Tex.tsx re-exports texNum) and for labs whose core
 * builds formulas as data.
 */

/** TeX for v: "0.4375", "-1.2", "3.1\times10^{-5}", "\infty". */
export function texNum(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return v > 0 ? '\\infty' : v < 0 ? '-\\infty' : '\\text{NaN}';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) {
    const [m, e] = v.toExponential(digits - 1).split('e');
    return `${+m}\\times10^{${+e}}`;
  }
  return String(+v.toPrecision(digits));
}

/** As a factor in a product: negative numbers and exponent forms in parentheses. */
export function texFactor(v: number, digits = 4): string {
  const t = texNum(v, digits);
  return v < 0 || t.includes('times') ? `(${t})` : t;
}

const SUP: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** Plain text for labels: "0.4375", "−1.2", "3.1×10⁻⁵" (the same digits as texNum). */
export function numLabel(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return v > 0 ? '∞' : v < 0 ? '−∞' : 'NaN';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) {
    const [m, e] = v.toExponential(digits - 1).split('e');
    const exp = String(+e).replace(/[-0-9]/g, (c) => SUP[c]);
    return `${String(+m).replace('-', '−')}×10${exp}`;
  }
  return String(+v.toPrecision(digits)).replace('-', '−');
}
