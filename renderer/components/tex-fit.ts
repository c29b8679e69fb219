/**
 * Makes a typeset formula fit its box, measured in the live DOM: the widths of KaTeX's `.base`
 * pieces (one per unbreakable run) against the width the formula may take.
 */

/** The width a formula rendered in `el` may take: its own box, or its parent's for inline math. */
function availableWidth(el: HTMLElement): number {
  if (el.classList.contains('tex-block')) return el.getBoundingClientRect().width;
  const parent = el.parentElement;
  if (!parent) return Infinity;
  const cs = getComputedStyle(parent);
  return parent.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
}

/**
 * How wide the formula's content is: on one line, the span from the first piece to the last;
 * wrapped, the widest piece (lines break between pieces).
 */
export function texContentWidth(el: HTMLElement, wrapped: boolean): number {
  const bases = Array.from(
    el.querySelectorAll<HTMLElement>('.katex-html > .katex-base, .katex-html > .base'),
  );
  if (bases.length === 0) return 0;
  const rects = bases.map((b) => b.getBoundingClientRect());
  if (wrapped) return Math.max(...rects.map((r) => r.width));
  return Math.max(...rects.map((r) => r.right)) - Math.min(...rects.map((r) => r.left));
}

/** Smallest scale worth keeping on one line; below it, breaking lines reads better. */
const MIN_ONE_LINE_SCALE = 0.8;

/**
 * Scales the formula in `el` down (font size, so layout follows) until it fits, or says that it
 * should be set again with line breaks. Idempotent: it resets its own scale before measuring.
 */
export function texFit(el: HTMLElement, wrapped: boolean): 'fits' | 'scaled' | 'needs-wrap' {
  el.style.fontSize = '';
  const avail = availableWidth(el);
  const content = texContentWidth(el, wrapped);
  if (content <= avail + 0.5 || avail <= 0) return 'fits';
  const scale = avail / content;
  if (!wrapped && scale < MIN_ONE_LINE_SCALE) return 'needs-wrap';
  el.style.fontSize = `${Math.floor(scale * 995) / 10}%`;
  return 'scaled';
}

/** Separators between clauses of one formula ("a = 1,\; b = 2"), where a new line reads well. */
const CLAUSE_BREAKS = [',\\;', ',\\ ', ',\\quad', ',\\qquad', '\\qquad', '\\quad'];

/**
 * Splits a formula into its clauses at top-level separators (outside braces, brackets,
 * parentheses and environments),
 * so a formula too wide for its box can be set one clause per line. The separator's comma stays
 * with the clause before it. One clause: the formula itself.
 */
export function texClauses(tex: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === '\\' && tex.startsWith('\\begin{', i)) depth++;
    else if (c === '\\' && tex.startsWith('\\end{', i)) depth--;
    if (c === '\\' && (tex[i + 1] === '{' || tex[i + 1] === '}')) {
      i++;
      continue;
    }
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth--;
    if (depth !== 0) continue;
    const sep = CLAUSE_BREAKS.find((b) => tex.startsWith(b, i));
    if (!sep) continue;
    const clause = tex.slice(start, sep.startsWith(',') ? i + 1 : i).trim();
    if (clause) out.push(clause);
    start = i + sep.length;
    i = start - 1;
  }
  const last = tex.slice(start).trim();
  if (last) out.push(last);
  return out.length ? out : [tex];
}
