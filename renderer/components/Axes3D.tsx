import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { ticksHeight, ticksLinear } from './axis-ticks';
import { HEIGHT, type SurfaceGrid, type SurfaceMapping } from './surface-mapping';
import {
  labelQuads,
  labelQuadsDispose,
  labelUniformsCreate,
  type Label,
  type LabelUniforms,
} from './label-quads';
import { chartTextScale, useChartTextScale } from './text-scale';

export interface AxisNames {
  x: string;
  y: string;
  f: string;
}

const TEXT = '#c9d2e6';
const LINE = '#3a4560';
const TICK = 0.045;
const CORNERS = [
  [-1, -1],
  [-1, 1],
  [1, -1],
  [1, 1],
] as const;

function lines(points: number[], color = LINE, opacity = 1): THREE.LineSegments {
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.Float32BufferAttribute(points, 3));
  return new THREE.LineSegments(
    g,
    new THREE.LineBasicMaterial({ color, transparent: opacity < 1, opacity }),
  );
}

/** Everything built for one mapping; the three axis groups are moved to face the camera. */
function build(grid: SurfaceGrid, mapping: SurfaceMapping, names: AxisNames, u: LabelUniforms) {
  const { xMin, xMax, yMin, yMax } = grid.domain;
  const xs = ticksLinear(xMin, xMax, 5).map((t) => ({ ...t, s: t.at * 2 - 1 }));
  const ys = ticksLinear(yMin, yMax, 5).map((t) => ({ ...t, s: 1 - t.at * 2 }));
  const fs = ticksHeight(mapping, 0.2, 5); // the vertical axis is short on screen: fewer ticks
  const root = new THREE.Group();
  // Floor: the box outline and faint grid lines at the x and y ticks.
  const floor: number[] = [
    -1, 0, -1, 1, 0, -1, 1, 0, -1, 1, 0, 1, 1, 0, 1, -1, 0, 1, -1, 0, 1, -1, 0, -1,
  ];
  for (const t of xs) floor.push(t.s, 0, -1, t.s, 0, 1);
  for (const t of ys) floor.push(-1, 0, t.s, 1, 0, t.s);
  root.add(lines(floor, LINE, 0.8));
  // x axis, built along the edge z = +1 (mirrored to z = −1 when the camera is behind).
  const xAxis = new THREE.Group();
  xAxis.add(lines(xs.flatMap((t) => [t.s, 0, 1, t.s, 0, 1 + TICK])));
  const xLabels: Label[] = xs.map((t) => ({ text: t.label, px: 13, at: [t.s, 0, 1.13] }));
  xLabels.push({ text: names.x, px: 17, italic: true, at: [0, 0, 1.28] });
  xAxis.add(labelQuads(xLabels, TEXT, u));
  // y axis along the edge x = +1.
  const yAxis = new THREE.Group();
  yAxis.add(lines(ys.flatMap((t) => [1, 0, t.s, 1 + TICK, 0, t.s])));
  const yLabels: Label[] = ys.map((t) => ({ text: t.label, px: 13, at: [1.15, 0, t.s] }));
  yLabels.push({ text: names.y, px: 17, italic: true, at: [1.3, 0, 0] });
  yAxis.add(labelQuads(yLabels, TEXT, u));
  // f axis: a vertical line at a side corner, ticks at real f values (log or linear height).
  const fAxis = new THREE.Group();
  const fLine = [0, 0, 0, 0, HEIGHT, 0];
  for (const t of fs) fLine.push(0, t.at * HEIGHT, 0, -TICK, t.at * HEIGHT, 0);
  fAxis.add(lines(fLine, '#6b7894'));
  const fLabels: Label[] = fs.map((t) => ({ text: t.label, px: 13, at: [0, t.at * HEIGHT, 0] }));
  fLabels.push({ text: names.f, px: 17, italic: true, at: [0, HEIGHT + 0.1, 0] });
  const fText = labelQuads(fLabels, TEXT, u);
  fText.position.set(-0.15, 0, 0);
  fAxis.add(fText);
  root.add(xAxis, yAxis, fAxis);
  return { root, xAxis, yAxis, fAxis };
}

/** A label set and both kinds of line with the real materials, for WarmPrograms. */
export function axesWarmObjects(): THREE.Object3D[] {
  return [
    labelQuads([{ text: '0', px: 13, at: [0, 0, 0] }], TEXT, labelUniformsCreate()),
    lines([0, 0, 0, 1, 0, 0]),
    lines([0, 0, 0, 1, 0, 0], LINE, 0.8),
  ];
}

function dispose(root: THREE.Object3D) {
  root.traverse((o) => {
    if (o instanceof THREE.Mesh) labelQuadsDispose(o);
    else if (o instanceof THREE.LineSegments) {
      o.geometry.dispose();
      (o.material as THREE.Material).dispose();
    }
  });
}

/**
 * Axes for a surface in its [−1, 1]² × [0, HEIGHT] box: x and y with round ticks along the two
 * floor edges nearest the camera, and f with real values (log or linear) on a vertical line at a
 * side corner. Labels are drawn with the scene (so exported pictures and recordings keep them)
 * at a fixed pixel size, one draw per axis (label-quads.ts); the groups move only when the camera
 * crosses to another side.
 */
export function Axes3D({
  grid,
  mapping,
  names,
}: {
  grid: SurfaceGrid;
  mapping: SurfaceMapping;
  names: AxisNames;
}) {
  // Built again only when what they show changes (a rerun of the same surface keeps them), so
  // `key` stands for grid, mapping and names.
  const key = JSON.stringify([grid.domain, mapping.min, mapping.max, mapping.scale, names]);
  const uniforms = useMemo(labelUniformsCreate, []);
  const axes = useMemo(() => build(grid, mapping, names, uniforms), [key, uniforms]);
  useEffect(() => () => dispose(axes.root), [axes]);
  // Labels are sized from the chart text scale in the frame loop: draw a frame when it changes.
  const textScale = useChartTextScale();
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => invalidate(), [textScale, invalidate]);
  const probe = useMemo(() => new THREE.Vector3(), []);
  useFrame(({ camera, size }) => {
    // Labels keep their pixel size: the shader needs the view's size and the text scale.
    uniforms.uViewport.value.set(Math.max(1, size.width), Math.max(1, size.height));
    uniforms.uScale.value = chartTextScale();
    axes.xAxis.scale.z = camera.position.z >= 0 ? 1 : -1;
    axes.yAxis.scale.x = camera.position.x >= 0 ? 1 : -1;
    // The f axis stands at the corner drawn furthest left, beside the surface rather than behind it.
    let best = { x: Infinity, cx: -1, cz: 1 };
    for (const [cx, cz] of CORNERS) {
      const x = probe.set(cx, HEIGHT / 2, cz).project(camera).x;
      if (x < best.x - 1e-6) best = { x, cx, cz };
    }
    axes.fAxis.position.set(best.cx, 0, best.cz);
    // Its ticks and labels point outward along the corner's diagonal (local −x).
    axes.fAxis.rotation.y = Math.atan2(best.cz, -best.cx);
  });
  return <primitive object={axes.root} />;
}
