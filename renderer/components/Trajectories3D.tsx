import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { HEIGHT, type SurfaceMapping } from './surface-mapping';
import { useSurfaceMapping } from './Surface3D';

export interface Path3D {
  /** (x, y) per iterate, count × 2. */
  positions: Float64Array;
  losses: Float64Array;
  count: number;
  color: string;
}

interface Props {
  paths: readonly (Path3D | null)[];
  /** The step shown now; read every frame (playback), so no React update is needed. */
  shown(): number;
}

const LIFT = 0.012;
const BALL = 0.03;

/** Lines with a colour per vertex (one draw for every path). */
const lineMaterial = () => new THREE.LineBasicMaterial({ vertexColors: true, linewidth: 2 });

/**
 * Balls coloured per instance, lit, glowing at 0.4 of their own colour (the emissive term is
 * multiplied by the instance colour, as a material per ball with emissive = colour would).
 */
function ballMaterial(): THREE.MeshStandardMaterial {
  const m = new THREE.MeshStandardMaterial({ emissive: '#ffffff', emissiveIntensity: 0.4 });
  m.onBeforeCompile = (shader) => {
    shader.fragmentShader = shader.fragmentShader.replace(
      '#include <emissivemap_fragment>',
      '#include <emissivemap_fragment>\n#ifdef USE_COLOR\n  totalEmissiveRadiance *= vColor.rgb;\n#endif',
    );
  };
  return m;
}

function ballsCreate(count: number): THREE.InstancedMesh {
  const balls = new THREE.InstancedMesh(
    new THREE.SphereGeometry(BALL, 20, 14),
    ballMaterial(),
    count,
  );
  balls.instanceColor = new THREE.InstancedBufferAttribute(new Float32Array(3 * count), 3);
  balls.frustumCulled = false; // instances move every frame; their bounds are never recomputed
  return balls;
}

/** The path line and a ball with the real materials, for WarmPrograms. */
export function trajectoriesWarmObjects(): THREE.Object3D[] {
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.BufferAttribute(new Float32Array(6), 3));
  g.setAttribute('color', new THREE.BufferAttribute(new Float32Array(6), 3));
  return [new THREE.LineSegments(g, lineMaterial()), ballsCreate(1)];
}

/**
 * Every path's segments in one buffer, ordered by step (step k of every path, then step k + 1),
 * so the segments up to any step are a prefix: one draw range shows every path up to it. A
 * segment with an end outside the view box is drawn as a point at its inside end, so a path that
 * leaves the box never streaks across the scene.
 */
function pathsBuild(paths: readonly (Path3D | null)[], mapping: SurfaceMapping) {
  const scene = paths.map((p) => {
    if (!p) return null;
    const pos = new Float32Array(p.count * 3);
    const inside = new Uint8Array(p.count);
    for (let k = 0; k < p.count; k++) {
      pos[3 * k] = mapping.toSceneX(p.positions[2 * k]);
      pos[3 * k + 1] = mapping.toUnit(p.losses[k]) * HEIGHT + LIFT;
      pos[3 * k + 2] = mapping.toSceneZ(p.positions[2 * k + 1]);
      inside[k] = Math.abs(pos[3 * k]) <= 1.001 && Math.abs(pos[3 * k + 2]) <= 1.001 ? 1 : 0;
    }
    return { pos, inside, count: p.count, color: new THREE.Color(p.color) };
  });
  const steps = Math.max(0, ...scene.map((p) => (p ? p.count - 1 : 0)));
  let total = 0;
  for (const p of scene) total += p ? Math.max(0, p.count - 1) : 0;
  const xyz = new Float32Array(total * 6);
  const rgb = new Float32Array(total * 6);
  /** Vertices before step k's segments; before[steps] is every vertex. */
  const before = new Uint32Array(steps + 1);
  let w = 0;
  for (let k = 0; k < steps; k++) {
    before[k] = 2 * w;
    for (const p of scene) {
      if (!p || k + 1 >= p.count) continue;
      const a = p.inside[k] ? k : k + 1;
      const b = p.inside[k] && p.inside[k + 1] ? k + 1 : a;
      xyz.set(p.pos.subarray(3 * a, 3 * a + 3), 6 * w);
      xyz.set(p.pos.subarray(3 * b, 3 * b + 3), 6 * w + 3);
      for (const off of [0, 3]) p.color.toArray(rgb, 6 * w + off);
      w++;
    }
  }
  before[steps] = 2 * w;
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.BufferAttribute(xyz, 3));
  geometry.setAttribute('color', new THREE.BufferAttribute(rgb, 3));
  geometry.setDrawRange(0, 0);
  return { scene, before, geometry };
}

/** Optimizer paths on the surface, each with a ball at its current iterate: two draws in all. */
export function Trajectories3D({ paths, shown }: Props) {
  const mapping = useSurfaceMapping();
  const built = useMemo(() => (mapping ? pathsBuild(paths, mapping) : null), [paths, mapping]);
  const line = useMemo(() => new THREE.LineSegments(undefined, lineMaterial()), []);
  const capacity = Math.max(8, paths.length);
  const balls = useMemo(() => ballsCreate(capacity), [capacity]);
  useEffect(
    () => () => {
      (line.material as THREE.Material).dispose();
      balls.geometry.dispose();
      (balls.material as THREE.Material).dispose();
      balls.dispose();
    },
    [line, balls],
  );
  useEffect(() => {
    if (!built) return;
    line.geometry = built.geometry;
    return () => built.geometry.dispose();
  }, [built, line]);
  const place = useMemo(() => new THREE.Matrix4(), []);
  useFrame(() => {
    if (!built) {
      balls.count = 0;
      line.visible = false;
      return;
    }
    const s = Math.max(0, shown());
    line.visible = true;
    line.geometry.setDrawRange(0, built.before[Math.min(s, built.before.length - 1)]);
    let i = 0;
    for (const p of built.scene) {
      if (!p || p.count === 0) continue;
      const k = Math.min(p.count - 1, s);
      place.makeTranslation(p.pos[3 * k], p.pos[3 * k + 1], p.pos[3 * k + 2]);
      if (!p.inside[k]) place.makeScale(0, 0, 0); // outside the box: no ball
      balls.setMatrixAt(i, place);
      balls.setColorAt(i, p.color);
      i++;
    }
    balls.count = i;
    balls.instanceMatrix.needsUpdate = true;
    if (balls.instanceColor) balls.instanceColor.needsUpdate = true;
  });
  return (
    <>
      <primitive object={line} />
      <primitive object={balls} />
    </>
  );
}
