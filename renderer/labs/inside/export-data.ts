/**
 * The data behind the view on screen, as CSV (one row per node or point) and JSON (the readouts),
 * computed by the same models the views draw from.
 */
import { bpModel } from '../../../core/labs/inside/model-backprop';
import { bnModel } from '../../../core/labs/inside/model-bn';
import { layerData, layerModel } from '../../../core/labs/inside/model-layer';
import type { InsideParams } from '../../../core/labs/inside/params';
import type { LandscapeResult } from '../../../core/labs/inside/sim-landscape';

type File = { name: string; mime: string; content: string };

const csv = (header: string[], rows: (string | number)[][]) =>
  [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

function backpropFiles(p: InsideParams): File[] {
  const m = bpModel(p.backprop);
  const rows = m.graph.nodes.map((n) => [
    n.id,
    n.kind,
    m.eval.value.get(n.id)!,
    m.eval.grad.get(n.id) ?? '',
  ]);
  return [
    {
      name: 'inside-backprop-nodes.csv',
      mime: 'text/csv',
      content: csv(['node', 'kind', 'value', 'dL_dnode'], rows),
    },
    {
      name: 'inside-backprop.json',
      mime: 'application/json',
      content: json({
        params: p.backprop,
        loss: m.loss,
        edges: m.eval.edges,
        update: m.update,
        lossAfterUpdate: m.nextLoss,
        gradientCheck: m.check,
        steps: m.steps,
      }),
    },
  ];
}

function layerFiles(p: InsideParams): File[] {
  const m = layerModel(p.layer, p.seed);
  const d = layerData(p.layer, p.seed);
  const rows = Array.from(m.labels, (label, i) => [
    d.x[2 * i],
    d.x[2 * i + 1],
    label,
    m.points[2 * i],
    m.points[2 * i + 1],
  ]);
  return [
    {
      name: 'inside-layer-points.csv',
      mime: 'text/csv',
      content: csv(['x1', 'x2', 'class', 'x1_at_t', 'x2_at_t'], rows),
    },
    {
      name: 'inside-layer.json',
      mime: 'application/json',
      content: json({
        params: p.layer,
        det: m.det,
        trace: m.trace,
        eigen: m.eigen,
        singularValues: m.singular,
        rank: m.rank,
      }),
    },
  ];
}

function bnFiles(p: InsideParams): File[] {
  const m = bnModel(p.bn, p.seed);
  const rows = m.x.map((x, i) => [x, m.xhat[i], m.yTrain[i], m.yEval[i]]);
  const { tex: _tex, x: _x, xhat: _xh, yTrain: _yt, yEval: _ye, ...summary } = m;
  return [
    {
      name: 'inside-batchnorm.csv',
      mime: 'text/csv',
      content: csv(['x', 'x_hat', 'y_train', 'y_inference'], rows),
    },
    {
      name: 'inside-batchnorm.json',
      mime: 'application/json',
      content: json({ params: p.bn, ...summary }),
    },
  ];
}

/** The landscape grid (one row per cell) and the line and path; nothing before the first result. */
function landscapeFiles(p: InsideParams, r: LandscapeResult | null): File[] {
  if (!r) return [];
  const rows: number[][] = [];
  const at = (k: number) => -r.span + (2 * r.span * k) / (r.res - 1);
  for (let j = 0; j < r.res; j++)
    for (let i = 0; i < r.res; i++) rows.push([at(i), at(j), r.values[j * r.res + i]]);
  return [
    {
      name: 'inside-landscape-grid.csv',
      mime: 'text/csv',
      content: csv(['alpha', 'beta', 'loss'], rows),
    },
    {
      name: 'inside-landscape.json',
      mime: 'application/json',
      content: json({
        params: p.landscape,
        seed: p.seed,
        lossAtTrained: r.lossStar,
        accuracy: r.accuracy,
        parameters: r.paramCount,
        points: r.points,
        interpolation: { t: Array.from(r.interpT), loss: Array.from(r.interpLoss) },
        path: {
          alpha: Array.from(r.pathAlpha),
          beta: Array.from(r.pathBeta),
          loss: Array.from(r.pathLoss),
        },
      }),
    },
  ];
}

/** CSV and JSON of what the current view shows (the landscape: its last computed result). */
export function insideExportData(
  p: InsideParams,
  landscape: LandscapeResult | null = null,
): File[] {
  if (p.view === 'landscape') return landscapeFiles(p, landscape);
  if (p.view === 'layer') return layerFiles(p);
  if (p.view === 'batchnorm') return bnFiles(p);
  return backpropFiles(p);
}
