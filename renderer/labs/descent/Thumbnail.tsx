import { useMemo } from 'react';
import { contourLevels, contourSegments } from '../../../core/math/contours';
import { optimizerById, trajectoryRun } from '../../../core/ml/optimizers';
import { surfaceById } from '../../../core/ml/surfaces';
import { PALETTE } from '../../components/palette';
import { THUMB_H, THUMB_W, thumbMap, thumbPolyline } from '../../components/thumb-svg';

const N = 48;

/** The lab card's picture: a narrow valley's contours, GD zig-zagging and momentum gliding. */
export default function DescentThumbnail() {
  const { contours, paths } = useMemo(() => {
    const surface = surfaceById('ellipse', { kappa: 12, angle: 25 })!;
    const box = { x0: -3, x1: 3, y0: -1.9, y1: 1.9 };
    const values = new Float64Array(N * N);
    for (let j = 0; j < N; j++)
      for (let i = 0; i < N; i++)
        values[j * N + i] = surface.value(
          box.x0 + ((box.x1 - box.x0) * i) / (N - 1),
          box.y0 + ((box.y1 - box.y0) * j) / (N - 1),
        );
    const map = thumbMap(box);
    const grid = (i: number, j: number) =>
      map(box.x0 + ((box.x1 - box.x0) * i) / (N - 1), box.y0 + ((box.y1 - box.y0) * j) / (N - 1));
    let contours = '';
    for (const level of contourLevels(values, 9, 'log')) {
      const seg = contourSegments(values, N, level);
      for (let k = 0; k < seg.length; k += 4) {
        const [ax, ay] = grid(seg[k], seg[k + 1]);
        const [bx, by] = grid(seg[k + 2], seg[k + 3]);
        contours += `M${ax.toFixed(1)} ${ay.toFixed(1)}L${bx.toFixed(1)} ${by.toFixed(1)}`;
      }
    }
    const start = [-2.7, -0.2];
    const run = (id: string, params: Record<string, number>) =>
      thumbPolyline(trajectoryRun(surface, optimizerById(id)!, params, start, 40).positions, map);
    const paths = [run('gd', { lr: 0.155 }), run('momentum', { lr: 0.03, momentum: 0.8 })];
    return { contours, paths };
  }, []);
  return (
    <svg viewBox={`0 0 ${THUMB_W} ${THUMB_H}`} role="img" aria-label="Optimizers on a valley">
      <path d={contours} stroke="#3d5a80" strokeWidth={1} fill="none" />
      {paths.map((d, k) => (
        <path key={k} d={d} stroke={PALETTE[k]} strokeWidth={2} fill="none" />
      ))}
    </svg>
  );
}
