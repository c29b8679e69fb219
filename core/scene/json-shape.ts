/**
 * One cheap pass over a JSON text, before it is parsed: how deep it nests, how many keys one object
 * has, how many items one array has and how many keys and items there are in all. It stops at the
 * first limit passed, so a hostile file costs a linear scan of at most its (size-limited) text and
 * never a parse. Lenient about syntax (JSON.parse judges that afterwards); iterative, so arbitrarily
 * deep nesting cannot overflow the stack.
 */

/** Limits on a JSON document's shape. */
export interface JsonShapeLimits {
  /** Containers inside containers: `[[1]]` nests 2 levels. */
  readonly maxDepth: number;
  /** Keys in one object. */
  readonly maxKeys: number;
  /** Items in one array. */
  readonly maxItems: number;
  /** Keys and array items in the whole document. */
  readonly maxEntries: number;
}

/** The first limit a text passes, with the path of the container that passed it. */
export type JsonShapeProblem =
  | { readonly kind: 'depth' | 'keys' | 'items'; readonly path: PropertyKey[] }
  | { readonly kind: 'entries' };

/** Offset just past the string whose opening quote is at `i` (the text's end if unterminated). */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 34) return j + 1;
    if (c === 92) j++;
  }
  return text.length;
}

/** Offset just past a number or literal starting at `i`: up to the next delimiter. */
function scalarEnd(text: string, i: number): number {
  let j = i;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    // , : [ ] { } " and JSON whitespace end a scalar.
    if (c === 44 || c === 58 || c === 91 || c === 93 || c === 123 || c === 125 || c === 34) break;
    if (c === 32 || c === 9 || c === 10 || c === 13) break;
  }
  return Math.max(j, i + 1);
}

/** A key's text from its raw quoted form (escapes decoded), shortened for messages. */
function keyText(raw: string): string {
  let key: string;
  try {
    key = JSON.parse(raw) as string;
  } catch {
    key = raw.slice(1, -1);
  }
  return key.length > 40 ? `${key.slice(0, 40)}…` : key;
}

/** The first shape limit `text` passes, or null when it keeps within all of them. */
export function jsonShapeProblem(text: string, limits: JsonShapeLimits): JsonShapeProblem | null {
  // One frame per open container: its kind, its count so far, and (objects) its latest key.
  const isArray: boolean[] = [];
  const count: number[] = [];
  const keyAt: number[] = [];
  const keyEnd: number[] = [];
  let depth = 0;
  let entries = 0;
  let expectKey = false; // in an object, after `{` or `,`
  let expectItem = false; // in an array, after `[` or `,`
  const path = (frames: number): PropertyKey[] => {
    const out: PropertyKey[] = [];
    for (let f = 0; f < frames; f++) {
      out.push(isArray[f] ? count[f] - 1 : keyText(text.slice(keyAt[f], keyEnd[f])));
    }
    return out;
  };
  /** Counts one key or item in the innermost container; a problem if a limit is passed. */
  const counted = (): JsonShapeProblem | null => {
    const top = depth - 1;
    count[top]++;
    if (++entries > limits.maxEntries) return { kind: 'entries' };
    if (isArray[top] && count[top] > limits.maxItems) return { kind: 'items', path: path(top) };
    if (!isArray[top] && count[top] > limits.maxKeys) return { kind: 'keys', path: path(top) };
    return null;
  };
  /** A value starts here: in an array it is a new item. */
  const valueStarts = (): JsonShapeProblem | null => {
    if (!expectItem) return null;
    expectItem = false;
    return counted();
  };

  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
    } else if (c === 34) {
      const end = stringEnd(text, i);
      if (expectKey) {
        expectKey = false;
        keyAt[depth - 1] = i;
        keyEnd[depth - 1] = end;
        const problem = counted();
        if (problem) return problem;
      } else {
        const problem = valueStarts();
        if (problem) return problem;
      }
      i = end;
    } else if (c === 123 || c === 91) {
      const problem = valueStarts();
      if (problem) return problem;
      if (depth + 1 > limits.maxDepth) return { kind: 'depth', path: path(depth) };
      isArray[depth] = c === 91;
      count[depth] = 0;
      depth++;
      expectKey = c === 123;
      expectItem = c === 91;
      i++;
    } else if (c === 125 || c === 93) {
      if (depth > 0) depth--;
      expectKey = false;
      expectItem = false;
      i++;
    } else if (c === 44) {
      if (depth > 0) {
        expectKey = !isArray[depth - 1];
        expectItem = isArray[depth - 1];
      }
      i++;
    } else if (c === 58) {
      expectKey = false;
      i++;
    } else {
      const problem = valueStarts();
      if (problem) return problem;
      i = scalarEnd(text, i);
    }
  }
  return null;
}

/**
 * The string value of a top-level key (e.g. a file's `"format"`) found without parsing the text,
 * or null when the text is not an object with that key holding a string. Reads at most the first
 * `maxChars` characters, and stops at the key.
 */
export function jsonTopLevelString(text: string, key: string, maxChars: number): string | null {
  const end = Math.min(text.length, maxChars);
  let depth = 0;
  let expectKey = false;
  let i = 0;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const close = stringEnd(text, i);
      if (depth === 1 && expectKey && keyText(text.slice(i, close)) === key) {
        let j = close;
        while (j < end && /[\s:]/.test(text[j])) j++;
        if (text.charCodeAt(j) !== 34) return null;
        const value = text.slice(j, stringEnd(text, j));
        try {
          return JSON.parse(value) as string;
        } catch {
          return null;
        }
      }
      expectKey = false;
      i = close;
      continue;
    }
    if (c === 123 || c === 91) {
      if (depth === 0 && c === 91) return null;
      depth++;
      expectKey = depth === 1;
    } else if (c === 125 || c === 93) {
      depth--;
      if (depth <= 0) return null;
    } else if (c === 44) {
      expectKey = depth === 1;
    } else if (depth === 0 && !/\s/.test(text[i])) {
      return null;
    }
    i++;
  }
  return null;
}
