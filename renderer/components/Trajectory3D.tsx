import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { HEIGHT, type SurfaceMapping } from './surface-mapping';

/**
 * A growing optimizer path, written by compute frames and read in the frame loop: the arrays are
 * filled in place and `count` / `version` tell the renderer what changed, so no React state update
 * happens per point.
 */
export interface TrajectoryBuffer {
  id: string;
  color: string;
  xs: Float64Array;
  ys: Float64Array;
  losses: Float64Array;
  count: number;
  /** How many points to draw (playback position); defaults to all. */
  visible?: number;
  version: number;
}

const LIFT = 0.012;

export function Trajectory3D({
  buffer,
  mapping,
}: {
  buffer: TrajectoryBuffer;
  mapping: SurfaceMapping;
}) {
  const seen = useRef(-1);
  const capacity = buffer.xs.length;
  const { line, ball } = useMemo(() => {
    const geometry = new THREE.BufferGeometry();
    geometry.setAttribute('position', new THREE.BufferAttribute(new Float32Array(capacity * 3), 3));
    geometry.setDrawRange(0, 0);
    const material = new THREE.LineBasicMaterial({ color: buffer.color });
    const ballMesh = new THREE.Mesh(
      new THREE.SphereGeometry(0.028, 20, 14),
      new THREE.MeshStandardMaterial({
        color: buffer.color,
        emissive: buffer.color,
        emissiveIntensity: 0.35,
      }),
    );
    return { line: new THREE.Line(geometry, material), ball: ballMesh };
  }, [capacity, buffer.color]);
  useEffect(
    () => () => {
      line.geometry.dispose();
      (line.material as THREE.Material).dispose();
      ball.geometry.dispose();
      (ball.material as THREE.Material).dispose();
    },
    [line, ball],
  );
  useEffect(() => {
    seen.current = -1;
  }, [mapping]);
  useFrame(() => {
    const key = buffer.version * 1e7 + (buffer.visible ?? buffer.count);
    if (seen.current === key) return;
    seen.current = key;
    const shown = Math.min(buffer.count, buffer.visible ?? buffer.count);
    const attr = line.geometry.getAttribute('position') as THREE.BufferAttribute;
    const pos = attr.array as Float32Array;
    for (let k = 0; k < shown; k++) {
      pos[3 * k] = mapping.toSceneX(buffer.xs[k]);
      pos[3 * k + 1] = mapping.toUnit(buffer.losses[k]) * HEIGHT + LIFT;
      pos[3 * k + 2] = mapping.toSceneZ(buffer.ys[k]);
    }
    attr.needsUpdate = true;
    line.geometry.setDrawRange(0, shown);
    line.geometry.computeBoundingSphere();
    ball.visible = shown > 0;
    if (shown > 0)
      ball.position.set(pos[3 * (shown - 1)], pos[3 * (shown - 1) + 1], pos[3 * (shown - 1) + 2]);
  });
  return (
    <>
      <primitive object={line} />
      <primitive object={ball} />
    </>
  );
}
