/**
 * Every number and formula of the backprop view, from its params: the graph's forward values,
 * the backward pass edge by edge (upstream × local), the update w ← w − η ∂L/∂w, the loss after
 * it, and the gradient check (backprop beside central differences).
 *
 * Steps: 0 shows only the leaves; steps 1…n compute the n operations forward; steps n+1…2n
 * process them backward, last first (each sends its gradient along its incoming edges); step
 * 2n+1 shows the update and 2n+2 the loss after it. A step past the end shows the end.
 */
import { graphEvaluate, graphLoss, type GraphEdge, type GraphEval } from '../../ml/backprop-graph';
import { gradientCheck, type GradientCheckRow } from '../../ml/gradient-check';
import { bpGraph, type BpGraph, type BpNodeInfo } from './bp-graphs';
import { bpForwardTex, bpLocalTex } from './bp-tex';
import { BP_VALUE_RANGE, type BackpropParams } from './params';
import { texNum, texFactor } from '../../math/num-format';

export type BpPhase = 'start' | 'forward' | 'backward' | 'update' | 'next';

export interface BpStep {
  readonly phase: BpPhase;
  /** The operation computed (forward) or differentiated (backward) at this step. */
  readonly node: string | null;
  /** Formulas with the numbers substituted, one per line. */
  readonly lines: readonly string[];
}

export interface BpUpdateRow {
  readonly id: string;
  readonly tex: string;
  readonly before: number;
  readonly grad: number;
  /** before − η·grad, before clamping to the allowed range. */
  readonly after: number;
}

export interface BpCheckRow extends GradientCheckRow {
  readonly id: string;
  readonly tex: string;
}

export interface BpModel {
  readonly graph: BpGraph;
  readonly eval: GraphEval;
  readonly loss: number;
  readonly steps: readonly BpStep[];
  /** The step shown (params.step clamped to the last one). */
  readonly step: number;
  readonly update: readonly BpUpdateRow[];
  /** The loss at the updated weights (with a correct or, with the bug, the buggy gradient). */
  readonly nextLoss: number;
  readonly check: readonly BpCheckRow[];
  /** Params after the update (weights clamped to the allowed range), step back to 0. */
  readonly nextParams: BackpropParams;
}

/** ∂top/∂bottom as a text-size fraction, so a step's formulas fit one screen. */
const dfrac = (top: string, bottom: string) => `\\tfrac{\\partial ${top}}{\\partial ${bottom}}`;

/** The learnable parameters written back into params. */
function paramsWith(p: BackpropParams, w: ReadonlyMap<string, number>): BackpropParams {
  const c = (id: string) => Math.min(BP_VALUE_RANGE.max, Math.max(BP_VALUE_RANGE.min, w.get(id)!));
  if (p.graph === 'net')
    return {
      ...p,
      step: 0,
      net: {
        ...p.net,
        w1: [
          [c('w11'), c('w12')],
          [c('w21'), c('w22')],
        ],
        b1: [c('b1'), c('b2')],
        w2: [c('v1'), c('v2')],
        b2: c('c'),
      },
    };
  return { ...p, step: 0, logistic: { ...p.logistic, w: [c('w1'), c('w2')], b: c('b') } };
}

function backwardLines(
  graph: BpGraph,
  ev: GraphEval,
  n: BpNodeInfo,
  users: ReadonlyMap<string, number>,
  bug: boolean,
): string[] {
  const byId = new Map(graph.nodes.map((x) => [x.id, x]));
  const g = ev.grad.get(n.id)!;
  const isLoss = n.id === ev.order[ev.order.length - 1];
  const head = isLoss ? `${dfrac('L', 'L')} = 1` : `${dfrac('L', n.tex)} = ${texNum(g)}`;
  const lines = [head];
  for (const e of ev.edges.filter((x) => x.to === n.id)) {
    const m = e.from;
    const mt = byId.get(m)!.tex;
    const shared = (users.get(m) ?? 1) > 1;
    const lhs = shared ? `${dfrac('L', mt)} \\mathrel{+}=` : `${dfrac('L', mt)} =`;
    lines.push(
      `${lhs} ${dfrac('L', n.tex)}\\cdot${dfrac(n.tex, mt)} = ${bpLocalTex(graph, ev, n, m, bug, texFactor(g))} = ${texNum(e.product)}`,
    );
  }
  return lines;
}

/** Everything the backprop view shows for these params. */
export function bpModel(p: BackpropParams): BpModel {
  const graph = bpGraph(p);
  const ev = graphEvaluate(graph.nodes, graph.leaves, p.bug);
  const loss = ev.value.get(ev.order[ev.order.length - 1])!;
  const byId = new Map(graph.nodes.map((x) => [x.id, x]));
  const users = new Map<string, number>();
  for (const e of ev.edges) users.set(e.from, (users.get(e.from) ?? 0) + 1);

  const steps: BpStep[] = [{ phase: 'start', node: null, lines: [] }];
  for (const id of ev.order)
    steps.push({ phase: 'forward', node: id, lines: [bpForwardTex(graph, ev, byId.get(id)!)] });
  for (let k = ev.order.length - 1; k >= 0; k--) {
    const n = byId.get(ev.order[k])!;
    steps.push({ phase: 'backward', node: n.id, lines: backwardLines(graph, ev, n, users, p.bug) });
  }

  const update: BpUpdateRow[] = graph.params.map((id) => {
    const before = graph.leaves.get(id)!;
    const grad = ev.grad.get(id) ?? 0;
    return { id, tex: byId.get(id)!.tex, before, grad, after: before - p.lr * grad };
  });
  const eta = texNum(p.lr);
  // The rule w ← w − η ∂L/∂w heads the step; each line puts one weight's numbers in.
  steps.push({
    phase: 'update',
    node: null,
    lines: update.map(
      (u) =>
        `${u.tex} \\leftarrow ${texNum(u.before)} - ${eta}\\cdot${texFactor(u.grad)} = ${texNum(u.after)}`,
    ),
  });
  const moved = new Map(graph.leaves);
  for (const u of update) moved.set(u.id, u.after);
  const nextLoss = graphLoss(graph.nodes, moved);
  const change = nextLoss - loss;
  steps.push({
    phase: 'next',
    node: null,
    lines: [
      `L_{\\text{after}} = ${texNum(nextLoss)}`,
      `L_{\\text{after}} - L_{\\text{before}} = ${texNum(nextLoss)} - ${texNum(loss)} = ${texNum(change)}`,
    ],
  });

  const theta = graph.params.map((id) => graph.leaves.get(id)!);
  const lossAt = (t: Float64Array) => {
    const at = new Map(graph.leaves);
    graph.params.forEach((id, i) => at.set(id, t[i]));
    return graphLoss(graph.nodes, at);
  };
  const rows = gradientCheck(
    lossAt,
    theta,
    graph.params.map((id) => ev.grad.get(id) ?? 0),
  );
  const check = rows.map((r, i) => ({
    ...r,
    id: graph.params[i],
    tex: byId.get(graph.params[i])!.tex,
  }));

  return {
    graph,
    eval: ev,
    loss,
    steps,
    step: Math.min(p.step, steps.length - 1),
    update,
    nextLoss,
    check,
    nextParams: paramsWith(p, new Map(update.map((u) => [u.id, u.after]))),
  };
}

/** What the drawing shows at a step: which values are known, the gradient summed so far. */
export interface BpStepState {
  /** Values shown (leaves always; an operation once the forward pass reached it). */
  readonly known: ReadonlySet<string>;
  /** ∂L/∂node summed over the edges processed so far, and whether every edge is in. */
  readonly grad: ReadonlyMap<string, { sum: number; complete: boolean }>;
  /** Edges processed so far (by index into eval.edges); the current step's edges. */
  readonly done: ReadonlySet<number>;
  readonly current: ReadonlySet<number>;
}

/** The drawing's state at step s of the model. */
export function bpStepState(m: BpModel, s: number): BpStepState {
  const { order, edges } = m.eval;
  const n = order.length;
  const known = new Set<string>(m.graph.nodes.filter((x) => x.kind !== 'op').map((x) => x.id));
  for (let k = 0; k < Math.min(s, n); k++) known.add(order[k]);
  const back = Math.max(0, Math.min(s - n, n));
  const processed = new Set(order.slice(n - back));
  const currentNode = s > n && s <= 2 * n ? order[2 * n - s] : null;
  const done = new Set<number>();
  const current = new Set<number>();
  const grad = new Map<string, { sum: number; complete: boolean }>();
  const pending = new Map<string, number>();
  edges.forEach((e: GraphEdge) => pending.set(e.from, (pending.get(e.from) ?? 0) + 1));
  if (back > 0) grad.set(order[n - 1], { sum: 1, complete: true });
  edges.forEach((e, i) => {
    if (!processed.has(e.to)) return;
    done.add(i);
    if (e.to === currentNode) current.add(i);
    const left = pending.get(e.from)! - 1;
    pending.set(e.from, left);
    grad.set(e.from, { sum: (grad.get(e.from)?.sum ?? 0) + e.product, complete: left === 0 });
  });
  return { known, grad, done, current };
}
