import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { ticksHeight, ticksLinear } from './axis-ticks';
import { HEIGHT, type SurfaceGrid, type SurfaceMapping } from './surface-mapping';
import { chartTextScale } from './text-scale';

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

/**
 * A text label as a sprite (a small canvas texture): drawn by WebGL with the scene, so it costs a
 * quad per label, stays in exported pictures and recordings, and needs no font download. Its size
 * is kept at `px` screen pixels (see Axes3D's frame loop), however large or small the view.
 */
function label(text: string, px: number, italic = false): THREE.Sprite {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  const font = `${italic ? 'italic ' : ''}44px system-ui, sans-serif`;
  ctx.font = font;
  canvas.width = Math.ceil(ctx.measureText(text).width) + 12;
  canvas.height = 56;
  ctx.font = font;
  ctx.fillStyle = TEXT;
  ctx.textBaseline = 'middle';
  ctx.fillText(text, 6, 30);
  const map = new THREE.CanvasTexture(canvas);
  map.colorSpace = THREE.SRGBColorSpace;
  const sprite = new THREE.Sprite(
    new THREE.SpriteMaterial({ map, depthTest: false, transparent: true, sizeAttenuation: false }),
  );
  sprite.userData = { px, aspect: canvas.width / canvas.height };
  sprite.renderOrder = 10;
  return sprite;
}

function placed(o: THREE.Sprite, x: number, y: number, z: number): THREE.Sprite {
  o.position.set(x, y, z);
  return o;
}

function lines(points: number[], color = LINE, opacity = 1): THREE.LineSegments {
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.Float32BufferAttribute(points, 3));
  return new THREE.LineSegments(
    g,
    new THREE.LineBasicMaterial({ color, transparent: opacity < 1, opacity }),
  );
}

/** Everything built for one mapping; the three axis groups are moved to face the camera. */
function build(grid: SurfaceGrid, mapping: SurfaceMapping, names: AxisNames) {
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
  for (const t of xs) xAxis.add(placed(label(t.label, 13), t.s, 0, 1.13));
  xAxis.add(placed(label(names.x, 17, true), 0, 0, 1.28));
  // y axis along the edge x = +1.
  const yAxis = new THREE.Group();
  yAxis.add(lines(ys.flatMap((t) => [1, 0, t.s, 1 + TICK, 0, t.s])));
  for (const t of ys) yAxis.add(placed(label(t.label, 13), 1.15, 0, t.s));
  yAxis.add(placed(label(names.y, 17, true), 1.3, 0, 0));
  // f axis: a vertical line at a side corner, ticks at real f values (log or linear height).
  const fAxis = new THREE.Group();
  const fLine = [0, 0, 0, 0, HEIGHT, 0];
  for (const t of fs) fLine.push(0, t.at * HEIGHT, 0, -TICK, t.at * HEIGHT, 0);
  fAxis.add(lines(fLine, '#6b7894'));
  const fLabels = new THREE.Group();
  for (const t of fs) fLabels.add(placed(label(t.label, 13), 0, t.at * HEIGHT, 0));
  fLabels.add(placed(label(names.f, 17, true), 0, HEIGHT + 0.1, 0));
  fLabels.position.set(-0.15, 0, 0);
  fAxis.add(fLabels);
  root.add(xAxis, yAxis, fAxis);
  const sprites: THREE.Sprite[] = [];
  root.traverse((o) => o instanceof THREE.Sprite && sprites.push(o));
  return { root, xAxis, yAxis, fAxis, fLabels, sprites };
}

function dispose(root: THREE.Object3D) {
  root.traverse((o) => {
    if (o instanceof THREE.Sprite) {
      o.material.map?.dispose();
      o.material.dispose();
    } else if (o instanceof THREE.LineSegments) {
      o.geometry.dispose();
      (o.material as THREE.Material).dispose();
    }
  });
}

/**
 * Axes for a surface in its [−1, 1]² × [0, HEIGHT] box: x and y with round ticks along the two
 * floor edges nearest the camera, and f with real values (log or linear) on a vertical line at a
 * side corner. Labels are sprites; the groups move only when the camera crosses to another side.
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
  const axes = useMemo(() => build(grid, mapping, names), [grid, mapping, names]);
  useEffect(() => () => dispose(axes.root), [axes]);
  const probe = useMemo(() => new THREE.Vector3(), []);
  useFrame(({ camera, size }) => {
    // Labels keep their pixel size: world scale = px · 2 tan(fov/2) / viewport height.
    const fov = (camera as THREE.PerspectiveCamera).fov ?? 50;
    const perPx =
      (2 * Math.tan((fov * Math.PI) / 360) * chartTextScale()) / Math.max(1, size.height);
    for (const sp of axes.sprites) {
      const { px, aspect } = sp.userData as { px: number; aspect: number };
      sp.scale.set(px * perPx * aspect, px * perPx, 1);
    }
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
