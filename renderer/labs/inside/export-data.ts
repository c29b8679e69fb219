/**
 * The data behind the view on screen, as CSV (one row per node or point) and JSON (the readouts),
 * computed by the same models the views draw from.
 */
import { bpModel } from '../../../core/labs/inside/model-backprop';
import { bnModel } from '../../../core/labs/inside/model-bn';
import { layerData, layerModel } from '../../../core/labs/inside/model-layer';
import type { InsideParams } from '../../../core/labs/inside/params';

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

/** CSV and JSON of what the current view shows. */
export function insideExportData(p: InsideParams): File[] {
  if (p.view === 'layer') return layerFiles(p);
  if (p.view === 'batchnorm') return bnFiles(p);
  return backpropFiles(p);
}
