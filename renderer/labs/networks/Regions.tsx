import { useMemo, useRef } from 'react';
import { netSplit } from '../../../core/ml/net-data';
import {
  networksOutput,
  networksPoints,
  networksTask,
  networksUserPoints,
} from '../../../core/labs/networks/model';
import { NET_MAX_POINTS } from '../../../core/labs/networks/params';
import { useChartTextScale } from '../../components/text-scale';
import { netLive } from './live';
import { planeAt, regionsDraw, type PlaneBox } from './regions-draw';
import { useNetworksStore } from './store';
import { useCanvas } from './use-canvas';
import { REDRAW_MS, useThrottledSeq } from './use-throttled';

/**
 * The output plane: decision regions (or the regression surface) behind the points. Click adds a
 * point of the chosen class or target; shift-click removes the nearest point. Editing a generated
 * set turns it into the user's own copy first.
 */
export function Regions() {
  const params = useNetworksStore((s) => s.params);
  const seq = useThrottledSeq(REDRAW_MS);
  const k = useChartTextScale();
  const box = useRef<PlaneBox | null>(null);
  const points = useMemo(() => networksPoints(params), [params]);
  const test = useMemo(
    () => new Set(netSplit(points.n, params.trainRatio, params.seed).test),
    [points, params.trainRatio, params.seed],
  );
  const output = networksOutput(params, points.classes);
  const { wrap, canvas } = useCanvas(
    (ctx, w, h) => {
      const f = netLive.frame;
      const grid = f ? { values: f.regions, res: f.regionRes, outDim: f.outDim, output } : null;
      box.current = regionsDraw(ctx, w, h, grid, points, test);
    },
    [seq, points, test, output, k],
  );

  const onClick = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const b = box.current;
    if (!b) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const at = planeAt(b, e.clientX - rect.left, e.clientY - rect.top);
    if (!at) return;
    const s = useNetworksStore.getState();
    const p = s.params;
    const own = p.dataset === 'custom' ? p.custom.points : networksUserPoints(p);
    const task = networksTask(p);
    let next = own;
    if (e.shiftKey) {
      let best = -1;
      let bestD = 0.5 ** 2;
      own.forEach((q, i) => {
        const d = (q.x - at[0]) ** 2 + (q.y - at[1]) ** 2;
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      });
      if (best < 0) return;
      next = own.filter((_, i) => i !== best);
    } else {
      if (own.length >= NET_MAX_POINTS) return;
      const round = (v: number) => Math.round(v * 1000) / 1000;
      next = [...own, { x: round(at[0]), y: round(at[1]), v: p.addValue }];
    }
    s.setNet({ dataset: 'custom', custom: { task, points: next } });
  };

  return (
    <div className="net-plane" ref={wrap}>
      <canvas
        ref={canvas}
        data-testid="net-regions"
        data-points={points.n}
        data-frames={seq}
        onClick={onClick}
        aria-label="Output over the plane with the data points; click adds a point, shift-click removes one"
      />
    </div>
  );
}
