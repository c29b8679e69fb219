/**
 * Plain-language messages for scene and deck files: JSON syntax errors with line and column, and
 * zod issues rewritten as "<field path>: <what is wrong>" (e.g. "params.learningRate: must be > 0").
 */
import type { z } from 'zod';
import { jsonErrorOffset } from './json-locate';

/** Either a value or a message saying, in words, why there is none. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

/** How many issues one message lists before it says "and N more". */
const MAX_LISTED = 3;

/** How many unknown field names one message lists before it says "and N more". */
const MAX_KEYS_LISTED = 5;

/** A short description of a JSON value for messages: 1.5, "abc", an object, null, … */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 24 ? `${value.slice(0, 24)}…` : value);
  }
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A field path as code would write it: `params.start[0]`, `panels["odd key"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

const TYPE_NAMES: Record<string, string> = {
  int: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  tuple: 'an array',
  record: 'an object',
  null: 'null',
};

function sizeWord(origin: string): string | null {
  if (origin === 'string') return 'characters';
  if (origin === 'array' || origin === 'set') return 'items';
  return null;
}

/** The "what is wrong" half of a message for one zod issue (no path). */
export function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'is missing';
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return `expected ${expected}, got ${describeValue(issue.input)}`;
    }
    case 'too_small': {
      const unit = sizeWord(issue.origin);
      const min = String(issue.minimum);
      if (unit) return `must have at least ${min} ${unit}`;
      return `must be ${issue.inclusive ? '≥' : '>'} ${min}`;
    }
    case 'too_big': {
      const unit = sizeWord(issue.origin);
      const max = String(issue.maximum);
      if (unit) return `must have at most ${max} ${unit}`;
      return `must be ${issue.inclusive ? '≤' : '<'} ${max}`;
    }
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(issue.input)}`;
    case 'unrecognized_keys': {
      const names = issue.keys.slice(0, MAX_KEYS_LISTED).map((k) => describeValue(k));
      const more = issue.keys.length - names.length;
      if (more > 0) names.push(`and ${more} more`);
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${names.join(', ')}`;
    }
    case 'invalid_format':
      if (issue.format === 'datetime') {
        return 'must be an ISO 8601 date and time, e.g. 2026-01-31T12:00:00Z';
      }
      return issue.message.startsWith('Invalid')
        ? `must be a valid ${issue.format}`
        : issue.message;
    case 'invalid_key':
      return `key ${describeValue(issue.input)}: ${issueText(issue.issues[0])}`;
    case 'invalid_element':
      return `entry ${describeValue(issue.key)}: ${issueText(issue.issues[0])}`;
    case 'invalid_union':
      return 'does not match any accepted form';
    default:
      return issue.message;
  }
}

/**
 * One message for a list of zod issues: the first few as "<path>: <text>", then "and N more".
 * `prefix` is prepended to every issue path (e.g. ['params'] for a lab's own schema).
 */
export function issuesMessage(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[] = [],
): string {
  const parts = issues.slice(0, MAX_LISTED).map((issue) => {
    const where = formatPath([...prefix, ...issue.path]);
    return where ? `${where}: ${issueText(issue)}` : issueText(issue);
  });
  const more = issues.length - MAX_LISTED;
  if (more > 0) parts.push(`and ${more} more problem${more > 1 ? 's' : ''}`);
  return parts.join('; ');
}

/** Validates with a schema; the failure message names each offending field. Never throws. */
export function schemaCheck<T>(
  schema: z.ZodType<T>,
  value: unknown,
  prefix: readonly PropertyKey[] = [],
): Outcome<T> {
  try {
    const result = schema.safeParse(value, { reportInput: true });
    if (result.success) return { ok: true, value: result.data };
    return { ok: false, message: issuesMessage(result.error.issues, prefix) };
  } catch (err) {
    return {
      ok: false,
      message: `could not be checked: ${(err as Error)?.message ?? String(err)}`,
    };
  }
}

/** Line and column (both from 1) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/**
 * JSON.parse that reports failure in words, with the line and column when the engine gives a
 * position. `what` names the document ("scene", "deck") in the messages. Never throws.
 */
export function jsonRead(text: unknown, what: string): Outcome<unknown> {
  if (typeof text !== 'string') return { ok: false, message: `a ${what} must be text` };
  if (text.trim() === '') return { ok: false, message: `the ${what} file is empty` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const raw = err instanceof Error ? err.message : String(err);
    const found = /at position (\d+)/.exec(raw);
    const offset = jsonErrorOffset(text) ?? (found ? Number(found[1]) : null);
    const reason = raw
      .replace(/\s*in JSON at position \d+.*$/s, '')
      .replace(/, ".*" is not valid JSON$/s, '')
      .replace(/\s+/g, ' ');
    if (offset === null) return { ok: false, message: `not valid JSON: ${reason}` };
    const { line, column } = lineColumn(text, offset);
    return { ok: false, message: `not valid JSON at line ${line}, column ${column}: ${reason}` };
  }
}

/** True for a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
