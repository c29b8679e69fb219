import { useRef } from 'react';
import type { BpModel, BpStepState } from '../../../core/labs/inside/model-backprop';
import type { BpNodeInfo } from '../../../core/labs/inside/bp-graphs';
import { numLabel } from '../../../core/math/num-format';
import { useChartTextScale } from '../../components/text-scale';
import { useBoxSize } from './use-box-size';

const KIND_STROKE: Record<BpNodeInfo['kind'], string> = {
  param: '#56b4e9',
  input: '#9aa3b5',
  const: '#9aa3b5',
  op: '#e8e8e8',
};
const GRAD = '#e69f00';
const CURRENT = '#f0e442';

/**
 * The computation graph: one box per node with its value (once the forward pass reached it) and,
 * in orange, ∂L/∂(node) summed over the edges processed so far. Edges processed by the backward
 * pass turn orange; the current step's node and edges are drawn in yellow, and so are the sums
 * its edges just added to. Sized in screen pixels so text keeps its size.
 */
export function BpGraph({ model, state }: { model: BpModel; state: BpStepState }) {
  const ref = useRef<HTMLDivElement>(null);
  const { w, h } = useBoxSize(ref);
  const scale = useChartTextScale();
  const font = Math.max(15, Math.round(11 * scale));
  const { graph, eval: ev } = model;
  const shown = graph.nodes.filter((n) => n.col >= 0);
  const minCol = 0;
  const cellW = w / (graph.cols - minCol);
  const cellH = h / graph.rows;
  const boxW = Math.min(cellW * 0.92, font * 9);
  const boxH = Math.min(cellH * 0.9, font * 2.7);
  const at = new Map(
    shown.map((n) => [n.id, { x: (n.col + 0.5) * cellW, y: (n.row + 0.5) * cellH }]),
  );
  const step = model.steps[model.step];
  // Nodes the current backward step sends gradient to: their sums just changed.
  const feeding = new Set([...state.current].map((i) => ev.edges[i].from));
  const fit = (text: string) =>
    text.length * font * 0.56 > boxW - 8
      ? { textLength: boxW - 8, lengthAdjust: 'spacingAndGlyphs' }
      : {};
  return (
    <div ref={ref} className="inside-graph" data-testid="bp-graph">
      {w > 0 && (
        <svg width={w} height={h} role="img" aria-label="Computation graph">
          {ev.edges.map((e, i) => {
            const a = at.get(e.from);
            const b = at.get(e.to);
            if (!a || !b) return null;
            const cur = state.current.has(i) || (step.phase === 'forward' && e.to === step.node);
            const done = state.done.has(i);
            const x1 = a.x + boxW / 2;
            const x2 = b.x - boxW / 2;
            const mid = (x1 + x2) / 2;
            return (
              <g key={`${e.from}-${e.to}`}>
                {/* A gentle S-curve: edges that cross stay distinguishable. */}
                <path
                  d={`M${x1.toFixed(1)} ${a.y.toFixed(1)}C${mid.toFixed(1)} ${a.y.toFixed(1)} ${mid.toFixed(1)} ${b.y.toFixed(1)} ${x2.toFixed(1)} ${b.y.toFixed(1)}`}
                  fill="none"
                  stroke={cur ? CURRENT : done ? GRAD : '#5b6478'}
                  strokeWidth={cur ? 3.5 : done ? 2.2 : 1.4}
                />
              </g>
            );
          })}
          {graph.nodes.map((n) => {
            // A target feeds its loss as data: a dashed line, no gradient.
            const op = n.op;
            if (op.kind !== 'bce' && op.kind !== 'sq') return null;
            const a = at.get(op.y);
            const b = at.get(n.id);
            if (!a || !b) return null;
            return (
              <line
                key={`${op.y}-${n.id}`}
                x1={a.x}
                y1={a.y - boxH / 2}
                x2={b.x}
                y2={b.y + boxH / 2}
                stroke="#9aa3b5"
                strokeDasharray="5 4"
              />
            );
          })}
          {shown.map((n) => {
            const p = at.get(n.id)!;
            const known = state.known.has(n.id);
            const g = state.grad.get(n.id);
            const isCur = step.node === n.id;
            const top = `${n.text} = ${known ? numLabel(ev.value.get(n.id)!) : '?'}`;
            const bottom = g ? `${g.complete ? '' : 'so far '}${numLabel(g.sum)}` : '';
            return (
              <g
                key={n.id}
                data-testid={`bp-node-${n.id}`}
                data-value={known ? ev.value.get(n.id) : ''}
              >
                <rect
                  x={p.x - boxW / 2}
                  y={p.y - boxH / 2}
                  width={boxW}
                  height={boxH}
                  rx={8}
                  fill={isCur ? '#2c2a10' : '#141a26'}
                  stroke={isCur ? CURRENT : KIND_STROKE[n.kind]}
                  strokeWidth={isCur ? 3 : n.kind === 'op' ? 1.5 : 2}
                  strokeDasharray={n.kind === 'const' ? '5 4' : undefined}
                />
                <text
                  x={p.x}
                  y={p.y - boxH * 0.12}
                  fontSize={font}
                  textAnchor="middle"
                  fill="#fff"
                  {...fit(top)}
                >
                  {top}
                </text>
                {bottom && (
                  <text
                    x={p.x}
                    y={p.y + boxH * 0.36}
                    fontSize={font}
                    textAnchor="middle"
                    fill={feeding.has(n.id) ? CURRENT : GRAD}
                    data-testid={`bp-grad-${n.id}`}
                    {...fit(bottom)}
                  >
                    {bottom}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      )}
    </div>
  );
}
