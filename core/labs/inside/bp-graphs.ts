/**
 * The two graphs of the backprop view as computation graphs (core/ml/backprop-graph.ts), with
 * what drawing them needs: each node's name (TeX and plain text), its kind, and its place on a
 * grid of columns and rows.
 *
 * Network 2-2-1: zⱼ = wⱼ₁x₁ + wⱼ₂x₂ + bⱼ, hⱼ = f(zⱼ) (f = σ or tanh), z = v₁h₁ + v₂h₂ + c,
 *   p = σ(z), L = loss(p, y).
 * Logistic regression on n ≤ 4 points: zᵢ = w₁xᵢ₁ + w₂xᵢ₂ + b, pᵢ = σ(zᵢ), ℓᵢ = loss(pᵢ, yᵢ),
 *   L = (1/n) Σ ℓᵢ (the inputs and targets are constants inside their nodes).
 */
import type { GraphNodeSpec, GraphOp } from '../../ml/backprop-graph';
import type { BackpropParams } from './params';

export type BpNodeKind = 'param' | 'input' | 'const' | 'op';

export interface BpNodeInfo extends GraphNodeSpec {
  readonly kind: BpNodeKind;
  /** TeX name, e.g. w_{11}. */
  readonly tex: string;
  /** Plain-text name for the drawing, e.g. w₁₁. */
  readonly text: string;
  readonly col: number;
  readonly row: number;
}

export interface BpGraph {
  readonly nodes: readonly BpNodeInfo[];
  /** Leaf values (params, inputs, constants). */
  readonly leaves: ReadonlyMap<string, number>;
  /** Learnable parameters in the order the update and the gradient check list them. */
  readonly params: readonly string[];
  readonly cols: number;
  readonly rows: number;
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const sub = (s: string) => s.replace(/\d/g, (d) => SUB[+d]);

function leaf(
  id: string,
  kind: BpNodeKind,
  tex: string,
  text: string,
  col: number,
  row: number,
): BpNodeInfo {
  return { id, op: { kind: 'leaf' }, kind, tex, text, col, row, constant: kind === 'const' };
}

function opNode(
  id: string,
  op: GraphOp,
  tex: string,
  text: string,
  col: number,
  row: number,
): BpNodeInfo {
  return { id, op, kind: 'op', tex, text, col, row };
}

/** The 2-2-1 network. */
export function bpNetGraph(p: BackpropParams): BpGraph {
  const n = p.net;
  const f = p.activation;
  const leaves = new Map<string, number>([
    ['x1', n.x[0]],
    ['x2', n.x[1]],
    ['w11', n.w1[0][0]],
    ['w12', n.w1[0][1]],
    ['b1', n.b1[0]],
    ['w21', n.w1[1][0]],
    ['w22', n.w1[1][1]],
    ['b2', n.b1[1]],
    ['v1', n.w2[0]],
    ['v2', n.w2[1]],
    ['c', n.b2],
    ['y', n.y],
  ]);
  const nodes: BpNodeInfo[] = [
    leaf('x1', 'input', 'x_1', 'x₁', 0, 1.5),
    leaf('x2', 'input', 'x_2', 'x₂', 0, 4.5),
    leaf('w11', 'param', 'w_{11}', 'w₁₁', 1, 0),
    leaf('w12', 'param', 'w_{12}', 'w₁₂', 1, 1),
    leaf('b1', 'param', 'b_1', 'b₁', 1, 2),
    leaf('w21', 'param', 'w_{21}', 'w₂₁', 1, 4),
    leaf('w22', 'param', 'w_{22}', 'w₂₂', 1, 5),
    leaf('b2', 'param', 'b_2', 'b₂', 1, 6),
    leaf('v1', 'param', 'v_1', 'v₁', 3, 2),
    leaf('c', 'param', 'c', 'c', 3, 3),
    leaf('v2', 'param', 'v_2', 'v₂', 3, 4),
    leaf('y', 'const', 'y', 'y', 6, 4.3),
  ];
  for (const j of [1, 2]) {
    const row = j === 1 ? 1 : 5;
    nodes.push(
      opNode(
        `z${j}`,
        {
          kind: 'lin',
          terms: [
            [`w${j}1`, 'x1'],
            [`w${j}2`, 'x2'],
          ],
          bias: `b${j}`,
        },
        `z_${j}`,
        sub(`z${j}`),
        2,
        row,
      ),
    );
  }
  for (const j of [1, 2])
    nodes.push(
      opNode(
        `h${j}`,
        { kind: 'act', fn: f, input: `z${j}` },
        `h_${j}`,
        sub(`h${j}`),
        3,
        j === 1 ? 1 : 5,
      ),
    );
  nodes.push(
    opNode(
      'z',
      {
        kind: 'lin',
        terms: [
          ['v1', 'h1'],
          ['v2', 'h2'],
        ],
        bias: 'c',
      },
      'z',
      'z',
      4,
      3,
    ),
    opNode('p', { kind: 'act', fn: 'sigmoid', input: 'z' }, 'p', 'p', 5, 3),
    opNode('L', { kind: p.loss, p: 'p', y: 'y' }, 'L', 'L', 6, 3),
  );
  return {
    nodes,
    leaves,
    params: ['w11', 'w12', 'b1', 'w21', 'w22', 'b2', 'v1', 'v2', 'c'],
    cols: 7,
    rows: 7,
  };
}

/** Logistic regression: one neuron shared by every point, the loss averaged over the points. */
export function bpLogisticGraph(p: BackpropParams): BpGraph {
  const g = p.logistic;
  const count = g.points.length;
  const leaves = new Map<string, number>([
    ['w1', g.w[0]],
    ['w2', g.w[1]],
    ['b', g.b],
  ]);
  const rows = Math.max(count, 3);
  const mid = (rows - 1) / 2;
  const first = (rows - count) / 2;
  const nodes: BpNodeInfo[] = [
    leaf('w1', 'param', 'w_1', 'w₁', 0, mid - 1),
    leaf('w2', 'param', 'w_2', 'w₂', 0, mid),
    leaf('b', 'param', 'b', 'b', 0, mid + 1),
  ];
  g.points.forEach((pt, k) => {
    const i = k + 1;
    leaves.set(`x${i}1`, pt.x1).set(`x${i}2`, pt.x2).set(`y${i}`, pt.y);
    nodes.push(
      leaf(`x${i}1`, 'const', `x_{${i}1}`, sub(`x${i}1`), -1, k),
      leaf(`x${i}2`, 'const', `x_{${i}2}`, sub(`x${i}2`), -1, k),
      leaf(`y${i}`, 'const', `y_${i}`, sub(`y${i}`), -1, k),
    );
  });
  g.points.forEach((_, k) => {
    const i = k + 1;
    nodes.push(
      opNode(
        `z${i}`,
        {
          kind: 'lin',
          terms: [
            ['w1', `x${i}1`],
            ['w2', `x${i}2`],
          ],
          bias: 'b',
        },
        `z_${i}`,
        sub(`z${i}`),
        1,
        first + k,
      ),
      opNode(
        `p${i}`,
        { kind: 'act', fn: 'sigmoid', input: `z${i}` },
        `p_${i}`,
        sub(`p${i}`),
        2,
        first + k,
      ),
      opNode(
        `l${i}`,
        { kind: p.loss, p: `p${i}`, y: `y${i}` },
        `\\ell_${i}`,
        sub(`ℓ${i}`),
        3,
        first + k,
      ),
    );
  });
  nodes.push(
    opNode('L', { kind: 'mean', inputs: g.points.map((_, k) => `l${k + 1}`) }, 'L', 'L', 4, mid),
  );
  return { nodes, leaves, params: ['w1', 'w2', 'b'], cols: 5, rows };
}

/** The graph the params choose. */
export function bpGraph(p: BackpropParams): BpGraph {
  return p.graph === 'net' ? bpNetGraph(p) : bpLogisticGraph(p);
}
