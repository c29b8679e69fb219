/**
 * User-facing errors for the custom-function input: a discriminated result type and helpers that
 * find where in the typed text a problem is. Columns are 1-based character positions (the first
 * character is column 1; a column one past the end means "at the end of the input").
 */

/** A failure with a message meant for the user and, when known, the 1-based column. */
export interface ExprFailure {
  readonly ok: false;
  readonly message: string;
  readonly column?: number;
}

/** Success carrying T's fields, or an {@link ExprFailure}. */
export type ExprResult<T> = ({ readonly ok: true } & T) | ExprFailure;

/** Builds a failure, omitting the column when it is unknown. */
export function exprFailure(message: string, column?: number): ExprFailure {
  return column === undefined ? { ok: false, message } : { ok: false, message, column };
}

const IDENTIFIER = /[A-Za-z_\u00c0-\uffff][A-Za-z0-9_\u00c0-\uffff]*/g;

/**
 * 1-based column of the first identifier token in the source equal to name, skipping the exponent
 * letters of numbers such as 1e3 (an identifier glued to a preceding digit or dot).
 */
export function exprColumnOfName(source: string, name: string): number | undefined {
  for (const m of source.matchAll(IDENTIFIER)) {
    const before = m.index > 0 ? source[m.index - 1] : '';
    if (m[0] === name && !/[0-9.]/.test(before)) return m.index + 1;
  }
  return undefined;
}

/** 1-based column of the first occurrence of an operator's text, if it appears literally. */
export function exprColumnOfText(source: string, text: string): number | undefined {
  const at = source.indexOf(text);
  return at < 0 ? undefined : at + 1;
}

/**
 * Checks that ( ) and [ ] pair up, returning a failure that points at the first unmatched bracket:
 * an opening one never closed, or a closing one with nothing to close.
 */
export function exprBracketCheck(source: string): ExprFailure | null {
  const open: { char: string; at: number }[] = [];
  const closer: Record<string, string> = { '(': ')', '[': ']' };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '(' || c === '[') open.push({ char: c, at: i });
    else if (c === ')' || c === ']') {
      const top = open.pop();
      if (!top) {
        return exprFailure(
          `Unbalanced parentheses: '${c}' at column ${i + 1} has no matching opening bracket.`,
          i + 1,
        );
      }
      if (closer[top.char] !== c) {
        return exprFailure(
          `Mismatched brackets: '${top.char}' at column ${top.at + 1} is closed by '${c}' at column ${i + 1}.`,
          i + 1,
        );
      }
    }
  }
  const unclosed = open.pop();
  if (unclosed) {
    return exprFailure(
      `Unbalanced parentheses: '${unclosed.char}' at column ${unclosed.at + 1} is never closed — add '${closer[unclosed.char]}'.`,
      unclosed.at + 1,
    );
  }
  return null;
}

/** Edit distance (insert, delete, substitute) between two short strings. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost));
    }
    prev = row;
  }
  return prev[b.length];
}

/**
 * The candidate closest to name (ties: first listed) when close enough to be a likely typo: edit
 * distance 1 for names of up to 4 letters, 2 for longer ones; none for names under 3 letters.
 */
export function exprClosestName(name: string, candidates: readonly string[]): string | undefined {
  if (name.length < 3) return undefined;
  let best: string | undefined;
  let bestDistance = (name.length <= 4 ? 1 : 2) + 1;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
