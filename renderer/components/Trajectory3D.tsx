import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { HEIGHT } from './surface-mapping';
import { useSurfaceMapping } from './Surface3D';

interface Props {
  /** (x, y) per iterate, count × 2. */
  positions: Float64Array;
  losses: Float64Array;
  count: number;
  color: string;
  /** How many iterates to show now; read every frame (playback), so no React update is needed. */
  shown(): number;
}

const LIFT = 0.012;

/** An optimizer path on the surface with a ball at the current iterate. */
export function Trajectory3D({ positions, losses, count, color, shown }: Props) {
  const mapping = useSurfaceMapping();
  const { line, ball, scene } = useMemo(() => {
    const scenePos = new Float32Array(count * 3);
    const inside = new Uint8Array(count);
    if (mapping) {
      for (let k = 0; k < count; k++) {
        scenePos[3 * k] = mapping.toSceneX(positions[2 * k]);
        scenePos[3 * k + 1] = mapping.toUnit(losses[k]) * HEIGHT + LIFT;
        scenePos[3 * k + 2] = mapping.toSceneZ(positions[2 * k + 1]);
        inside[k] =
          Math.abs(scenePos[3 * k]) <= 1.001 && Math.abs(scenePos[3 * k + 2]) <= 1.001 ? 1 : 0;
      }
    }
    // Segment k joins iterates k and k+1; a segment with an end outside the view box is drawn as a
    // point (both ends at its inside end), so a path that leaves the box never streaks across the scene.
    const segs = new Float32Array(Math.max(0, count - 1) * 6);
    for (let k = 0; k + 1 < count; k++) {
      const a = inside[k] ? k : k + 1;
      const b = inside[k + 1] ? k + 1 : k;
      const both = inside[k] && inside[k + 1];
      segs.set(scenePos.subarray(3 * a, 3 * a + 3), 6 * k);
      segs.set(scenePos.subarray(3 * (both ? b : a), 3 * (both ? b : a) + 3), 6 * k + 3);
    }
    const geometry = new THREE.BufferGeometry();
    geometry.setAttribute('position', new THREE.BufferAttribute(segs, 3));
    geometry.setDrawRange(0, 0);
    const l = new THREE.LineSegments(
      geometry,
      new THREE.LineBasicMaterial({ color, linewidth: 2 }),
    );
    const b = new THREE.Mesh(
      new THREE.SphereGeometry(0.03, 20, 14),
      new THREE.MeshStandardMaterial({ color, emissive: color, emissiveIntensity: 0.4 }),
    );
    return { line: l, ball: b, scene: scenePos };
  }, [positions, losses, count, color, mapping]);
  useEffect(
    () => () => {
      line.geometry.dispose();
      (line.material as THREE.Material).dispose();
      ball.geometry.dispose();
      (ball.material as THREE.Material).dispose();
    },
    [line, ball],
  );
  useFrame(() => {
    const n = Math.max(0, Math.min(count, shown() + 1));
    line.geometry.setDrawRange(0, 2 * Math.max(0, n - 1));
    ball.visible =
      n > 0 && Math.abs(scene[3 * (n - 1)]) <= 1.001 && Math.abs(scene[3 * (n - 1) + 2]) <= 1.001;
    if (n > 0)
      ball.position.set(scene[3 * (n - 1)], scene[3 * (n - 1) + 1], scene[3 * (n - 1) + 2]);
  });
  return (
    <>
      <primitive object={line} />
      <primitive object={ball} />
    </>
  );
}
