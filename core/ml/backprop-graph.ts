/**
 * A scalar computation graph evaluated forward and differentiated backward one node at a time, so
 * each local derivative and each product of the chain rule can be shown on its own.
 *
 * Nodes are leaves (a parameter, an input or a constant: their value is given) or operations:
 *   lin   z = Σₖ wₖ aₖ + b           ∂z/∂wₖ = aₖ, ∂z/∂aₖ = wₖ, ∂z/∂b = 1
 *   act   h = f(u), f ∈ {σ, tanh}    ∂h/∂u = σ(u)(1 − σ(u)) or 1 − tanh²(u)
 *   bce   ℓ = −y ln p − (1−y) ln(1−p)  ∂ℓ/∂p = (p − y) / (p(1 − p))
 *   sq    ℓ = ½ (p − y)²               ∂ℓ/∂p = p − y
 *   mean  L = (1/n) Σᵢ ℓᵢ              ∂L/∂ℓᵢ = 1/n
 * The target y of a loss, and any leaf marked constant, gets no gradient.
 *
 * Backward: ∂L/∂L = 1; an edge m → n carries ∂L/∂n · ∂n/∂m (upstream × local), and a node used by
 * several operations sums what its edges carry (a shared weight collects one term per use).
 *
 * When bce reads p from a sigmoid, ln p and ln(1 − p) are taken from that sigmoid's input u as
 * −softplus(−u) and −softplus(u), and p(1 − p) as σ′(u), so a saturated output stays finite.
 *
 * `plantBug` drops every activation's derivative (takes ∂h/∂u = 1): the mistake a gradient check
 * exists to catch.
 */
import { logisticSigmoid, logisticSigmoidDerivative, logisticSoftplus } from '../math/logistic';

export type GraphActivation = 'sigmoid' | 'tanh';

export type GraphOp =
  | { readonly kind: 'leaf' }
  | {
      readonly kind: 'lin';
      /** Pairs (weight node, input node) of the sum, then the bias node. */
      readonly terms: readonly (readonly [string, string])[];
      readonly bias: string;
    }
  | { readonly kind: 'act'; readonly fn: GraphActivation; readonly input: string }
  | { readonly kind: 'bce' | 'sq'; readonly p: string; readonly y: string }
  | { readonly kind: 'mean'; readonly inputs: readonly string[] };

export interface GraphNodeSpec {
  readonly id: string;
  readonly op: GraphOp;
  /** A leaf that is data held fixed (an input of a data set): no gradient flows into it. */
  readonly constant?: boolean;
}

/** One edge m → n of the backward pass. */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  /** ∂n/∂m at the current values. */
  readonly local: number;
  /** ∂L/∂n. */
  readonly upstream: number;
  /** upstream × local: what this edge adds to ∂L/∂m. */
  readonly product: number;
}

export interface GraphEval {
  /** Every node's value (leaves as given). */
  readonly value: ReadonlyMap<string, number>;
  /** ∂L/∂node for every node that gradient reaches (targets excluded). */
  readonly grad: ReadonlyMap<string, number>;
  /** Operation ids in forward order (the last is the loss L). */
  readonly order: readonly string[];
  /** Edges in the order the backward pass computes them (by the operation they leave from). */
  readonly edges: readonly GraphEdge[];
}

/** The operands of an op whose gradient is computed (a loss's target is not one). */
export function graphOperands(op: GraphOp): string[] {
  switch (op.kind) {
    case 'leaf':
      return [];
    case 'lin':
      return [...op.terms.flatMap(([w, a]) => [w, a]), op.bias];
    case 'act':
      return [op.input];
    case 'bce':
    case 'sq':
      return [op.p];
    case 'mean':
      return [...op.inputs];
  }
}

function nodeIndex(nodes: readonly GraphNodeSpec[]): Map<string, GraphNodeSpec> {
  return new Map(nodes.map((n) => [n.id, n]));
}

/** The sigmoid input u when p is produced by σ(u), else null. */
function sigmoidInput(
  byId: Map<string, GraphNodeSpec>,
  value: Map<string, number>,
  p: string,
): number | null {
  const op = byId.get(p)?.op;
  return op && op.kind === 'act' && op.fn === 'sigmoid' ? value.get(op.input)! : null;
}

/**
 * Forward values of every node. `leaves` gives each leaf's value; operations are listed in an
 * order where every operand comes first (the order they are shown in).
 */
export function graphForward(
  nodes: readonly GraphNodeSpec[],
  leaves: ReadonlyMap<string, number>,
): Map<string, number> {
  const byId = nodeIndex(nodes);
  const value = new Map<string, number>();
  const get = (id: string) => {
    const v = value.get(id);
    if (v === undefined) throw new Error(`backprop graph: ${id} is used before it is computed`);
    return v;
  };
  for (const n of nodes) {
    const op = n.op;
    let v: number;
    switch (op.kind) {
      case 'leaf': {
        const given = leaves.get(n.id);
        if (given === undefined) throw new Error(`backprop graph: no value for leaf ${n.id}`);
        v = given;
        break;
      }
      case 'lin':
        v = get(op.bias);
        for (const [w, a] of op.terms) v += get(w) * get(a);
        break;
      case 'act':
        v = op.fn === 'sigmoid' ? logisticSigmoid(get(op.input)) : Math.tanh(get(op.input));
        break;
      case 'bce': {
        const y = get(op.y);
        const u = sigmoidInput(byId, value, op.p);
        const p = get(op.p);
        const logP = u !== null ? -logisticSoftplus(-u) : Math.log(p);
        const log1mP = u !== null ? -logisticSoftplus(u) : Math.log1p(-p);
        // A zero weight times an infinite log is no term at all (y = 0 or 1 exactly).
        v = (y === 0 ? 0 : -y * logP) + (y === 1 ? 0 : -(1 - y) * log1mP);
        break;
      }
      case 'sq': {
        const d = get(op.p) - get(op.y);
        v = 0.5 * d * d;
        break;
      }
      case 'mean': {
        v = 0;
        for (const id of op.inputs) v += get(id);
        v /= op.inputs.length;
        break;
      }
    }
    value.set(n.id, v);
  }
  return value;
}

/** ∂n/∂m for operand m of operation n at the forward values. */
export function graphLocal(
  nodes: readonly GraphNodeSpec[],
  value: ReadonlyMap<string, number>,
  n: GraphNodeSpec,
  m: string,
  plantBug = false,
): number {
  const op = n.op;
  const v = (id: string) => value.get(id)!;
  switch (op.kind) {
    case 'leaf':
      return 0;
    case 'lin': {
      if (m === op.bias) return 1;
      let d = 0;
      for (const [w, a] of op.terms) {
        if (w === m) d += v(a);
        if (a === m) d += v(w);
      }
      return d;
    }
    case 'act': {
      if (plantBug) return 1;
      if (op.fn === 'sigmoid') return logisticSigmoidDerivative(v(op.input));
      const t = v(n.id);
      return 1 - t * t;
    }
    case 'bce': {
      const u = sigmoidInput(nodeIndex(nodes), value as Map<string, number>, op.p);
      const p = v(op.p);
      const spread = u !== null ? logisticSigmoidDerivative(u) : p * (1 - p);
      return (p - v(op.y)) / spread;
    }
    case 'sq':
      return v(op.p) - v(op.y);
    case 'mean':
      return 1 / op.inputs.length;
  }
}

/**
 * Forward and backward through the graph: values, ∂L/∂(every node) and each edge's
 * upstream × local, with the loss being the last operation.
 */
export function graphEvaluate(
  nodes: readonly GraphNodeSpec[],
  leaves: ReadonlyMap<string, number>,
  plantBug = false,
): GraphEval {
  const value = graphForward(nodes, leaves);
  const order = nodes.filter((n) => n.op.kind !== 'leaf').map((n) => n.id);
  const byId = nodeIndex(nodes);
  const fixed = new Set(nodes.filter((n) => n.constant).map((n) => n.id));
  const grad = new Map<string, number>();
  const edges: GraphEdge[] = [];
  grad.set(order[order.length - 1], 1);
  for (let k = order.length - 1; k >= 0; k--) {
    const n = byId.get(order[k])!;
    const upstream = grad.get(n.id) ?? 0;
    for (const m of new Set(graphOperands(n.op))) {
      if (fixed.has(m)) continue;
      const local = graphLocal(nodes, value, n, m, plantBug);
      const product = upstream * local;
      edges.push({ from: m, to: n.id, local, upstream, product });
      grad.set(m, (grad.get(m) ?? 0) + product);
    }
  }
  return { value, grad, order, edges };
}

/** The loss (last operation) as a function of the leaves; for finite differences. */
export function graphLoss(
  nodes: readonly GraphNodeSpec[],
  leaves: ReadonlyMap<string, number>,
): number {
  const value = graphForward(nodes, leaves);
  return value.get(nodes[nodes.length - 1].id)!;
}
