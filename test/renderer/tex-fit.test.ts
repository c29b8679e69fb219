import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { texClauses } from '../../renderer/components/tex-fit';

describe('texClauses: where a too-wide formula may start a new line', () => {
  it('splits at top-level clause separators, keeping the comma with its clause', () => {
    expect(texClauses('m \\leftarrow a,\\; v \\leftarrow b,\\; \\theta \\leftarrow c')).toEqual([
      'm \\leftarrow a,',
      'v \\leftarrow b,',
      '\\theta \\leftarrow c',
    ]);
    expect(texClauses('\\lambda_{\\max}=2,\\ \\lambda_{\\min}=1')).toEqual([
      '\\lambda_{\\max}=2,',
      '\\lambda_{\\min}=1',
    ]);
    expect(texClauses('a = 1 \\quad b = 2')).toEqual(['a = 1', 'b = 2']);
  });

  it('never splits inside braces or an environment', () => {
    const matrix = '\\begin{pmatrix}1,\\; 2 \\\\ 3,\\; 4\\end{pmatrix}';
    expect(texClauses(`A = ${matrix}`)).toEqual([`A = ${matrix}`]);
    expect(texClauses('\\text{a,\\; b} = f_{x,\\; y}')).toEqual(['\\text{a,\\; b} = f_{x,\\; y}']);
    expect(texClauses('x + \\{1,\\; 2\\}')).toEqual(['x + \\{1,', '2\\}']);
    expect(texClauses('S = \\max(|z| - \\gamma,\\ 0),\\quad z_j = b_j')).toEqual([
      'S = \\max(|z| - \\gamma,\\ 0),',
      'z_j = b_j',
    ]);
    expect(texClauses('\\theta = [1,\\; 2]')).toEqual(['\\theta = [1,\\; 2]']);
  });

  it('every clause of a real update rule typesets without an error on its own', () => {
    const rule =
      'm \\leftarrow \\beta_1 m + (1-\\beta_1) g,\\; v \\leftarrow \\beta_2 v + (1-\\beta_2) g^2,\\; \\theta \\leftarrow \\theta - \\eta\\,\\frac{\\hat m}{\\sqrt{\\hat v}+\\varepsilon}';
    const clauses = texClauses(rule);
    expect(clauses).toHaveLength(3);
    for (const c of clauses)
      expect(() => katex.renderToString(c, { throwOnError: true })).not.toThrow();
  });
});
