/**
 * The user's points as CSV: `x,y,label` (classes 0 … 4) or `x,y,target` (regression). Reading is
 * all or nothing: a file with any bad row is refused with the line and column of the first few
 * problems, so the points on screen are never half replaced.
 */
import { NET_PLANE } from '../../ml/net-data';
import { NET_MAX_CLASSES, NET_MAX_POINTS, type NetUserPoint } from './params';

export type NetCsvResult =
  | { ok: true; task: 'classification' | 'regression'; points: NetUserPoint[] }
  | { ok: false; message: string };

/** Problems listed at most, after which the message says how many more there were. */
const MAX_LISTED = 4;
const COLUMNS = ['x', 'y', 'label or target'] as const;

const LABEL_NAMES = new Set(['label', 'class', 'category']);
const TARGET_NAMES = new Set(['target', 'value', 'z', 'output']);

function numberCell(s: string): number | null {
  const t = s.trim();
  if (t === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** Reads a CSV of points; `task` is taken from the header, else from the values. */
export function netCsvRead(text: string): NetCsvResult {
  const lines = text.split(/\r\n|\n|\r/);
  const problems: string[] = [];
  let header: string[] | null = null;
  const rows: { line: number; cells: string[] }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === '' || raw.startsWith('#')) continue;
    const cells = raw.split(/[,;\t]/).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    if (header === null && rows.length === 0 && cells.some((c) => numberCell(c) === null)) {
      if (cells.every((c) => numberCell(c) === null)) {
        header = cells.map((c) => c.toLowerCase());
        continue;
      }
    }
    rows.push({ line: i + 1, cells });
  }
  let task: 'classification' | 'regression' | null = null;
  if (header) {
    if (header.length !== 3)
      return {
        ok: false,
        message: `Line 1: the header needs 3 columns (x, y, label or target), found ${header.length}.`,
      };
    if (LABEL_NAMES.has(header[2])) task = 'classification';
    else if (TARGET_NAMES.has(header[2])) task = 'regression';
    else
      return {
        ok: false,
        message: `Line 1, column 3: "${header[2].slice(0, 20)}" should be "label" (classes) or "target" (regression).`,
      };
  }
  if (rows.length === 0) return { ok: false, message: 'The file has no points.' };
  if (rows.length > NET_MAX_POINTS)
    return {
      ok: false,
      message: `The file has ${rows.length} points; at most ${NET_MAX_POINTS} fit.`,
    };
  const values: number[][] = [];
  for (const { line, cells } of rows) {
    if (cells.length !== 3) {
      problems.push(
        `Line ${line}: expected 3 columns (x, y, label or target), found ${cells.length}.`,
      );
      continue;
    }
    const row: number[] = [];
    cells.forEach((c, k) => {
      const v = numberCell(c);
      const shown = c.length > 16 ? `${c.slice(0, 16)}…` : c;
      if (v === null)
        problems.push(`Line ${line}, column ${k + 1} (${COLUMNS[k]}): "${shown}" is not a number.`);
      else if (k < 2 && Math.abs(v) > NET_PLANE)
        problems.push(`Line ${line}, column ${k + 1} (${COLUMNS[k]}): ${shown} is outside −6 … 6.`);
      else if (k === 2 && Math.abs(v) > 10)
        problems.push(`Line ${line}, column 3 (${COLUMNS[k]}): ${shown} is outside −10 … 10.`);
      row.push(v ?? NaN);
    });
    values.push(row);
  }
  if (problems.length === 0) {
    const integerLabels = values.every(
      (r) => Number.isInteger(r[2]) && r[2] >= 0 && r[2] < NET_MAX_CLASSES,
    );
    task ??= integerLabels ? 'classification' : 'regression';
    if (task === 'classification') {
      rows.forEach(({ line }, i) => {
        const v = values[i][2];
        if (!(Number.isInteger(v) && v >= 0 && v < NET_MAX_CLASSES))
          problems.push(
            `Line ${line}, column 3 (label): ${v} is not a class 0 … ${NET_MAX_CLASSES - 1}.`,
          );
      });
    }
  }
  if (problems.length > 0) {
    const more = problems.length - MAX_LISTED;
    const listed = problems.slice(0, MAX_LISTED).join(' ');
    return {
      ok: false,
      message: `Nothing was imported. ${listed}${more > 0 ? ` (and ${more} more problem${more > 1 ? 's' : ''})` : ''}`,
    };
  }
  return {
    ok: true,
    task: task ?? 'classification',
    points: values.map(([x, y, v]) => ({ x, y, v })),
  };
}

/** The points as CSV with a header naming the third column. */
export function netCsvWrite(
  task: 'classification' | 'regression',
  points: readonly NetUserPoint[],
): string {
  const head = task === 'classification' ? 'x,y,label' : 'x,y,target';
  return [head, ...points.map((p) => `${p.x},${p.y},${p.v}`)].join('\n') + '\n';
}
