/** Numbers on the verification page. */

/** Formats a number for the table: 0, or up to three significant digits as m × 10ᵉ (10ᵉ for 1). */
export function verifyNumber(x: number, digits = 2): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return String(x);
  const [m, e] = x.toExponential(digits).split('e');
  const mantissa = m.includes('.') ? m.replace(/\.?0+$/, '') : m;
  return mantissa === '1'
    ? `10${superscript(Number(e))}`
    : `${mantissa} × 10${superscript(Number(e))}`;
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
const superscript = (n: number) => [...String(n)].map((c) => SUP[c] ?? c).join('');
