// CSV import/export of the Networks lab's own points: all or nothing, bad rows named by line and
// column; random and damaged files never throw; what is written reads back the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { netCsvRead, netCsvWrite } from '../../../core/labs/networks/csv';

describe('networks CSV', () => {
  it('reads a headed classification file', () => {
    const r = netCsvRead('x,y,label\n1,2,0\n-3.5,4e-1,2\n\n');
    expect(r).toEqual({
      ok: true,
      task: 'classification',
      points: [
        { x: 1, y: 2, v: 0 },
        { x: -3.5, y: 0.4, v: 2 },
      ],
    });
  });
  it('guesses regression from non-integer values without a header', () => {
    const r = netCsvRead('1,2,0.5\r\n3,4,-1\r\n');
    expect(r.ok && r.task).toBe('regression');
  });
  it('names the line and column of a bad cell and imports nothing', () => {
    const r = netCsvRead('x,y,label\n1,2,0\n1,abc,1\n4,5\n9,0,1\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain('Nothing was imported');
    expect(r.message).toContain('Line 3, column 2 (y): "abc" is not a number.');
    expect(r.message).toContain('Line 4: expected 3 columns');
    expect(r.message).toContain('Line 5, column 1 (x): 9 is outside −6 … 6.');
  });
  it('refuses a class label out of range under a label header', () => {
    const r = netCsvRead('x,y,label\n1,2,7\n');
    expect(r).toEqual({
      ok: false,
      message: 'Nothing was imported. Line 2, column 3 (label): 7 is not a class 0 … 4.',
    });
  });
  it('counts the problems it does not list', () => {
    const r = netCsvRead(
      Array.from({ length: 10 }, () => 'a,b,c')
        .join('\n')
        .replace(/^/, '1,1,1\n'),
    );
    expect(!r.ok && r.message).toMatch(/and \d+ more problems/);
  });
  it('random text never throws and a refusal always says why', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = netCsvRead(s);
        if (!r.ok) expect(r.message.length).toBeGreaterThan(5);
      }),
      { numRuns: 500 },
    );
  });
  it('damaged valid files never throw; a refusal names a line', () => {
    const row = fc.tuple(
      fc.double({ min: -6, max: 6, noNaN: true }),
      fc.double({ min: -6, max: 6, noNaN: true }),
      fc.integer({ min: 0, max: 4 }),
    );
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.string({ maxLength: 5 }),
        (rows, at, junk) => {
          const text = netCsvWrite(
            'classification',
            rows.map(([x, y, v]) => ({ x, y, v })),
          );
          const pos = at % text.length;
          const r = netCsvRead(text.slice(0, pos) + junk + text.slice(pos));
          if (!r.ok) expect(r.message).toMatch(/Line \d+|no points|points; at most/);
        },
      ),
      { numRuns: 500 },
    );
  });
  it('what is written reads back the same', () => {
    const pt = fc.record({
      x: fc.double({ min: -6, max: 6, noNaN: true }),
      y: fc.double({ min: -6, max: 6, noNaN: true }),
      v: fc.double({ min: -10, max: 10, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(pt, { minLength: 1, maxLength: 40 }), (pts) => {
        const clean = pts.map((p) => ({ x: p.x + 0, y: p.y + 0, v: p.v + 0 }));
        expect(netCsvRead(netCsvWrite('regression', clean))).toEqual({
          ok: true,
          task: 'regression',
          points: clean,
        });
      }),
    );
  });
});
