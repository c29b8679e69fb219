/**
 * Finds where a JSON text first goes wrong (RFC 8259 grammar), so that messages can give a line
 * and column even when the engine's JSON.parse error has no position. Iterative: arbitrarily
 * deep nesting cannot overflow the stack.
 */

type State = 'value' | 'value-or-close' | 'after-value' | 'key' | 'key-or-close' | 'colon';

const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** End of a string starting at the quote at `i`, or the offending offset as a negative − 1. */
function scanString(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 34) return j + 1; // closing quote
    if (c < 0x20) return -j - 1; // raw control character
    if (c === 92) {
      const e = s[j + 1];
      if (e === undefined) return -(j + 1) - 1;
      if (e === 'u') {
        for (let k = 2; k <= 5; k++) {
          if (j + k >= s.length || !isHex(s.charCodeAt(j + k))) return -(j + k) - 1;
        }
        j += 5;
      } else if ('"\\/bfnrt'.includes(e)) j += 1;
      else return -(j + 1) - 1;
    }
  }
  return -s.length - 1;
}

/** End of a number starting at `i`, or the offending offset as a negative − 1. */
function scanNumber(s: string, i: number): number {
  let j = i;
  const at = (k: number) => s.charCodeAt(k);
  if (s[j] === '-') j++;
  if (s[j] === '0') j++;
  else if (j < s.length && isDigit(at(j))) while (j < s.length && isDigit(at(j))) j++;
  else return -j - 1;
  if (s[j] === '.') {
    j++;
    if (!(j < s.length && isDigit(at(j)))) return -j - 1;
    while (j < s.length && isDigit(at(j))) j++;
  }
  if (s[j] === 'e' || s[j] === 'E') {
    j++;
    if (s[j] === '+' || s[j] === '-') j++;
    if (!(j < s.length && isDigit(at(j)))) return -j - 1;
    while (j < s.length && isDigit(at(j))) j++;
  }
  return j;
}

/** Offset of the first character that makes `text` invalid JSON, or null if it is valid. */
export function jsonErrorOffset(text: string): number | null {
  const n = text.length;
  const stack: number[] = []; // 123 '{' or 91 '['
  let state: State = 'value';
  let i = 0;
  for (;;) {
    while (i < n && ' \t\n\r'.includes(text[i])) i++;
    if (state === 'after-value' && stack.length === 0) return i < n ? i : null;
    if (i >= n) return n;
    const c = text.charCodeAt(i);
    if (state === 'value' || state === 'value-or-close') {
      if (state === 'value-or-close' && c === 93) {
        stack.pop();
        i++;
        state = 'after-value';
      } else if (c === 123 || c === 91) {
        stack.push(c);
        i++;
        state = c === 123 ? 'key-or-close' : 'value-or-close';
      } else {
        let end: number;
        if (c === 34) end = scanString(text, i);
        else if (c === 45 || isDigit(c)) end = scanNumber(text, i);
        else {
          const word = ['true', 'false', 'null'].find((w) => w[0] === text[i]);
          if (!word) return i;
          for (let k = 1; k < word.length; k++) if (text[i + k] !== word[k]) return i + k;
          end = i + word.length;
        }
        if (end < 0) return -end - 1;
        i = end;
        state = 'after-value';
      }
    } else if (state === 'after-value') {
      const top = stack[stack.length - 1];
      if (c === 44) state = top === 123 ? 'key' : 'value';
      else if ((c === 125 && top === 123) || (c === 93 && top === 91)) stack.pop();
      else return i;
      i++;
    } else if (state === 'key' || state === 'key-or-close') {
      if (state === 'key-or-close' && c === 125) {
        stack.pop();
        i++;
        state = 'after-value';
        continue;
      }
      if (c !== 34) return i;
      const end = scanString(text, i);
      if (end < 0) return -end - 1;
      i = end;
      state = 'colon';
    } else {
      if (c !== 58) return i;
      i++;
      state = 'value';
    }
  }
}
