import { describe, expect, it } from 'vitest';
import { exprGridPoints, exprSampleCheck } from '../../../core/math/expr-check';
import { exprCompileSource, type ExprCompiled } from '../../../core/math/expr-compile';

function compile(source: string): ExprCompiled {
  const r = exprCompileSource(source);
  if (!r.ok) throw new Error(`${source}: ${r.message}`);
  return r.compiled;
}

const BOX = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };

describe('exprSampleCheck', () => {
  it('errors when f is undefined on the whole box', () => {
    const report = exprSampleCheck(compile('log(-1 - x^2)'), BOX);
    expect(report.ok).toBe(false);
    expect(report.valueBadFraction).toBe(1);
    expect(report.message).toMatch(/undefined or infinite everywhere/);
    expect(exprSampleCheck(compile('1/0 + x'), BOX).ok).toBe(false);
  });

  it('warns with the fraction when f is undefined on part of the box', () => {
    const report = exprSampleCheck(compile('sqrt(x) + y'), BOX, 41);
    expect(report.ok).toBe(true);
    // Columns with x < 0: 20 of 41 (x = 0 itself is fine for the value, not for the gradient).
    expect(report.valueBadFraction).toBeCloseTo(20 / 41, 12);
    expect(report.gradientBadFraction).toBeCloseTo(1 / 41, 12);
    expect(report.message).toMatch(/^Warning: f is undefined or infinite on 49% of/);
  });

  it('flags a gradient singularity alone', () => {
    const report = exprSampleCheck(compile('sqrt(x^2 + y^2)'), BOX, 41);
    expect(report.ok).toBe(true);
    expect(report.valueBadFraction).toBe(0);
    expect(report.gradientBadFraction).toBeCloseTo(1 / 41 ** 2, 12);
    expect(report.message).toMatch(/gradient is undefined or infinite on under 1%/);
  });

  it('is silent for a function defined everywhere', () => {
    const report = exprSampleCheck(compile('(1-x)^2 + 100*(y-x^2)^2'), {
      xMin: -2,
      xMax: 2,
      yMin: -1,
      yMax: 3,
    });
    expect(report).toEqual({
      ok: true,
      sampleCount: 1681,
      valueBadFraction: 0,
      gradientBadFraction: 0,
    });
  });

  it('rejects an empty or non-finite box', () => {
    expect(exprSampleCheck(compile('x'), { ...BOX, xMax: -1 }).ok).toBe(false);
    expect(exprSampleCheck(compile('x'), { ...BOX, yMin: Number.NaN }).message).toMatch(
      /finite bounds/,
    );
  });
});

describe('exprGridPoints', () => {
  it('covers the box row-major with exact edges', () => {
    const { xs, ys } = exprGridPoints({ xMin: 0, xMax: 1, yMin: -3, yMax: 0.3 }, 3, 4);
    expect(Array.from(xs.slice(0, 3))).toEqual([0, 0.5, 1]);
    expect(ys[0]).toBe(-3);
    expect(ys[11]).toBe(0.3);
    expect(xs[11]).toBe(1);
    expect(ys[3]).toBeCloseTo(-1.9, 14);
  });
});
