/**
 * The backprop view's formulas as TeX with the current numbers put in: each operation's forward
 * formula, and each local derivative ∂n/∂m written as its rule and its value.
 */
import type { GraphEval } from '../../ml/backprop-graph';
import type { BpGraph, BpNodeInfo } from './bp-graphs';
import { texNum, texFactor } from '../../math/num-format';

const tex = (graph: BpGraph, id: string) => graph.nodes.find((n) => n.id === id)!.tex;

/** "z_1 = w_{11}x_1 + w_{12}x_2 + b_1 = 0.4\cdot0.5 + (-0.6)\cdot(-1) + 0.1 = 0.9" and the like. */
export function bpForwardTex(graph: BpGraph, ev: GraphEval, n: BpNodeInfo): string {
  const v = (id: string) => ev.value.get(id)!;
  const t = (id: string) => tex(graph, id);
  const out = texNum(v(n.id));
  const op = n.op;
  switch (op.kind) {
    case 'leaf':
      return `${n.tex} = ${out}`;
    case 'lin': {
      const sym = op.terms.map(([w, a]) => `${t(w)}${t(a)}`).join(' + ');
      const num = op.terms.map(([w, a]) => `${texFactor(v(w))}\\cdot${texFactor(v(a))}`);
      const bias = v(op.bias) < 0 ? `- ${texNum(-v(op.bias))}` : `+ ${texNum(v(op.bias))}`;
      return `${n.tex} = ${sym} + ${t(op.bias)} = ${num.join(' + ')} ${bias} = ${out}`;
    }
    case 'act': {
      const u = v(op.input);
      if (op.fn === 'sigmoid')
        return `${n.tex} = \\sigma(${t(op.input)}) = \\frac{1}{1+e^{-${texFactor(u)}}} = ${out}`;
      return `${n.tex} = \\tanh(${t(op.input)}) = \\tanh(${texNum(u)}) = ${out}`;
    }
    case 'bce': {
      const p = texNum(v(op.p));
      const y = texNum(v(op.y));
      return `${n.tex} = -${t(op.y)}\\ln ${t(op.p)} - (1-${t(op.y)})\\ln(1-${t(op.p)}) = -${y}\\cdot\\ln ${p} - (1-${y})\\cdot\\ln(1-${p}) = ${out}`;
    }
    case 'sq':
      return `${n.tex} = \\tfrac12(${t(op.p)}-${t(op.y)})^2 = \\tfrac12(${texNum(v(op.p))}-${texNum(v(op.y))})^2 = ${out}`;
    case 'mean': {
      const k = op.inputs.length;
      const sym = op.inputs.map(t).join(' + ');
      const num = op.inputs.map((id) => texNum(v(id))).join(' + ');
      return `${n.tex} = \\tfrac1{${k}}(${sym}) = \\tfrac1{${k}}(${num}) = ${out}`;
    }
  }
}

/**
 * upstream × local for the edge m → n, as "g\cdot x_1 = g\cdot 0.5": the local derivative's
 * rule, then its value (the rule alone when it is a number). With the bug, an activation's local
 * derivative is the 1 it wrongly uses.
 */
export function bpLocalTex(
  graph: BpGraph,
  ev: GraphEval,
  n: BpNodeInfo,
  m: string,
  bug: boolean,
  upstream: string,
): string {
  const edge = ev.edges.find((e) => e.from === m && e.to === n.id)!;
  const value = texFactor(edge.local);
  const t = (id: string) => tex(graph, id);
  const both = (rule: string) => `${upstream}\\cdot ${rule} = ${upstream}\\cdot ${value}`;
  const op = n.op;
  switch (op.kind) {
    case 'leaf':
      return `${upstream}\\cdot 0`;
    case 'lin': {
      if (m === op.bias) return `${upstream}\\cdot 1`;
      const term = op.terms.find(([w, a]) => w === m || a === m)!;
      return both(term[0] === m ? t(term[1]) : t(term[0]));
    }
    case 'act':
      if (bug) return `${upstream}\\cdot \\underbrace{1}_{\\text{bug}}`;
      return both(op.fn === 'sigmoid' ? `${n.tex}(1-${n.tex})` : `(1-${n.tex}^2)`);
    case 'bce':
      return both(`\\frac{${t(op.p)}-${t(op.y)}}{${t(op.p)}(1-${t(op.p)})}`);
    case 'sq':
      return both(`(${t(op.p)}-${t(op.y)})`);
    case 'mean':
      return `${upstream}\\cdot \\tfrac1{${op.inputs.length}}`;
  }
}
