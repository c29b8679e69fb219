import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { texClauses, texFit } from './tex-fit';

/**
 * KaTeX-typeset formula. Callers build `tex` from current state, so a label can never disagree
 * with what is drawn. KaTeX's fonts are bundled with the app (no network).
 *
 * A formula is always wholly visible: a projector or a recording cannot scroll. When it is wider
 * than its box it is first scaled down (to 80 % at most); past that it is set again in a mode
 * that puts each clause on its own line and breaks after relations and operators, and scaled only if one piece is still too wide.
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
  const [wrap, setWrap] = useState(false);
  const ref = useRef<HTMLSpanElement>(null);
  const html = useMemo(() => {
    if (!wrap)
      return katex.renderToString(tex, { throwOnError: false, displayMode: block, output: 'html' });
    // One clause per line; inside a clause KaTeX may still break after relations and operators.
    return texClauses(tex)
      .map((clause) =>
        katex.renderToString(`\\displaystyle ${clause}`, { throwOnError: false, output: 'html' }),
      )
      .join('<span class="tex-break"></span>');
  }, [tex, block, wrap]);
  // A new formula starts unwrapped; it wraps again only if it still does not fit.
  useLayoutEffect(() => setWrap(false), [tex, block]);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      if (texFit(el, wrap) === 'needs-wrap') setWrap(true);
    };
    fit();
    // The parent's width is what the formula may take; its own size follows from the fit.
    const ro = new ResizeObserver(fit);
    ro.observe(el.parentElement ?? el);
    return () => ro.disconnect();
  }, [html, wrap]);
  const classes = ['tex', block ? 'tex-block' : 'tex-inline', wrap ? 'tex-wrap' : '', className]
    .filter(Boolean)
    .join(' ');
  return (
    <span ref={ref} className={classes} data-tex={tex} dangerouslySetInnerHTML={{ __html: html }} />
  );
}

/** Formats a number for a formula: 4 significant digits, exponent form when very large or small. */
export { texNum } from '../../core/math/num-format';

/** The same number as plain text (for labels that are not typeset). */
export function numText(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e5 || a < 1e-3 ? v.toExponential(digits - 2) : String(+v.toPrecision(digits));
}
