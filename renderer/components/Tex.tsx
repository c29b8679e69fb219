import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo } from 'react';

/**
 * KaTeX-typeset formula. Callers build `tex` from current state, so a label can never disagree
 * with what is drawn. KaTeX's fonts are bundled with the app (no network).
 */
export function Tex({
  tex,
  block = false,
  className,
}: {
  tex: string;
  block?: boolean;
  className?: string;
}) {
  const html = useMemo(
    () => katex.renderToString(tex, { throwOnError: false, displayMode: block, output: 'html' }),
    [tex, block],
  );
  return <span className={className} data-tex={tex} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** Formats a number for a formula: 4 significant digits, exponent form when very large or small. */
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

/** The same number as plain text (for labels that are not typeset). */
export function numText(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e5 || a < 1e-3 ? v.toExponential(digits - 2) : String(+v.toPrecision(digits));
}
