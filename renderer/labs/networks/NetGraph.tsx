import { useMemo, useRef } from 'react';
import { ACTIVATIONS } from '../../../core/ml/activations';
import { NET_FEATURES, netFeaturesFill } from '../../../core/ml/net-features';
import {
  networksFeatures,
  networksLayers,
  networksOutput,
  networksPoints,
  networksWidths,
} from '../../../core/labs/networks/model';
import { NEURON_RES, gridCoord } from '../../../core/labs/networks/sim';
import { useChartTextScale, chartTextPx } from '../../components/text-scale';
import { graphDraw } from './graph-draw';
import { graphHit, graphLayout, layerOffsets, type GraphLayout } from './graph-layout';
import { netLive } from './live';
import { useNetworksStore } from './store';
import { useCanvas } from './use-canvas';
import { REDRAW_MS, useThrottledSeq } from './use-throttled';

/** Each input feature over the plane, scaled to [−1, 1] by its largest value there. */
function inputMaps(features: ReturnType<typeof networksFeatures>): Float64Array[] {
  const n = NEURON_RES * NEURON_RES;
  const xy = new Float64Array(2 * n);
  for (let r = 0; r < NEURON_RES; r++)
    for (let c = 0; c < NEURON_RES; c++) {
      xy[2 * (r * NEURON_RES + c)] = gridCoord(c, NEURON_RES);
      xy[2 * (r * NEURON_RES + c) + 1] = -gridCoord(r, NEURON_RES);
    }
  const m = netFeaturesFill(features, xy, n);
  const d = features.length;
  return features.map((_, k) => {
    let top = 0;
    for (let s = 0; s < n; s++) top = Math.max(top, Math.abs(m[s * d + k]));
    return Float64Array.from({ length: n }, (_, s) => m[s * d + k] / (top || 1));
  });
}

/** The network as a graph: weights as edges, every neuron's map over the plane; hover for numbers. */
export function NetGraph() {
  const params = useNetworksStore((s) => s.params);
  const seq = useThrottledSeq(REDRAW_MS);
  const hover = useNetworksStore((s) => s.hover);
  const k = useChartTextScale();
  const layout = useRef<GraphLayout | null>(null);
  const classes = useMemo(() => networksPoints(params).classes, [params]);
  const widths = networksWidths(params, classes);
  const features = useMemo(() => networksFeatures(params), [params]);
  const inputs = useMemo(() => inputMaps(features), [features]);
  const output = networksOutput(params, classes);
  const widthsKey = widths.join(',');
  const layers = useMemo(() => networksLayers(params), [params]);

  const { wrap, canvas } = useCanvas(
    (ctx, w, h, cv) => {
      const ws = widthsKey.split(',').map(Number);
      // Room on the left for the widest input label (“sin x₁”).
      ctx.font = `${chartTextPx(11)}px sans-serif`;
      const labelW = Math.max(
        0,
        ...features.map((id) => ctx.measureText(NET_FEATURES[id].label).width),
      );
      // Batch norm and dropout are named on a second line under a layer's title.
      const marks = ws.map((_, c) => {
        const l = c > 0 && c < ws.length - 1 ? layers[c - 1] : undefined;
        if (!l) return '';
        const bn = l.batchNorm ? 'BN' : '';
        const drop = l.dropout ? `drop ${l.dropout}` : '';
        return bn && drop ? `${bn} · ${drop}` : bn || drop;
      });
      const top = chartTextPx(11) * (marks.some(Boolean) ? 3.1 : 1.8);
      const g = graphLayout(ws, w - 4, h, top, labelW + 10);
      layout.current = g;
      // Neuron centres, for tests that point at a neuron or an edge.
      cv.dataset.nodes = JSON.stringify(
        g.nodes.map((col) => col.map((n) => [Math.round(n.x), Math.round(n.y)])),
      );
      cv.dataset.size = String(Math.round(g.size));
      cv.dataset.marks = JSON.stringify(marks);
      const f = netLive.frame;
      const res = NEURON_RES * NEURON_RES;
      let u = 0;
      const maps = ws.map((n, c) =>
        Array.from({ length: n }, (_, j) => {
          if (c === 0) return inputs[j] ?? null;
          if (!f || f.neurons.length < (u + 1) * res) return null;
          const m = f.neurons.subarray(u * res, (u + 1) * res);
          u++;
          return m;
        }),
      );
      const columns = ws.map((n, c) =>
        c === 0
          ? 'inputs'
          : c === ws.length - 1
            ? `output (${output})`
            : `${n} ${ACTIVATIONS[params.layers[c - 1].activation].label.toLowerCase()}`,
      );
      graphDraw(ctx, w, h, g, {
        params: f && f.params.length > 0 ? f.params : null,
        offsets: layerOffsets(
          ws,
          layers.map((l) => l.batchNorm === true),
        ),
        maps,
        res: NEURON_RES,
        output,
        outDim: ws[ws.length - 1],
        labels: { columns, marks, inputs: features.map((id) => NET_FEATURES[id].label) },
        hover,
      });
    },
    [seq, widthsKey, inputs, output, layers, features, hover, k],
  );

  const onMove = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const g = layout.current;
    if (!g) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const hit = graphHit(g, e.clientX - rect.left, e.clientY - rect.top);
    const cur = useNetworksStore.getState().hover;
    if (JSON.stringify(hit) !== JSON.stringify(cur)) useNetworksStore.setState({ hover: hit });
  };

  return (
    <div className="net-graph" ref={wrap}>
      <canvas
        ref={canvas}
        data-testid="net-graph"
        onMouseMove={onMove}
        onMouseLeave={() => useNetworksStore.setState({ hover: null })}
        aria-label="The network: edges coloured and sized by weight, each neuron's output over the plane"
      />
    </div>
  );
}
