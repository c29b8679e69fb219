import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { HEIGHT } from '../../components/surface-mapping';
import { useSurfaceMapping } from '../../components/Surface3D';
import { RACER_COLORS } from './params';
import { useDescentStore } from './store';

/** −∇f (white) and −velocity (racer colour) at the selected racer's current iterate. */
export function Glyphs() {
  const mapping = useSurfaceMapping();
  const arrows = useMemo(() => {
    const grad = new THREE.ArrowHelper(
      new THREE.Vector3(1, 0, 0),
      new THREE.Vector3(),
      0.25,
      0xffffff,
      0.06,
      0.04,
    );
    const vel = new THREE.ArrowHelper(
      new THREE.Vector3(1, 0, 0),
      new THREE.Vector3(),
      0.25,
      0xffffff,
      0.06,
      0.04,
    );
    return { grad, vel };
  }, []);
  useEffect(() => () => [arrows.grad, arrows.vel].forEach((a) => a.dispose()), [arrows]);
  useFrame(() => {
    const s = useDescentStore.getState();
    const t = s.trajectories[s.selected];
    arrows.grad.visible = false;
    arrows.vel.visible = false;
    if (!t || !mapping) return;
    const k = Math.min(s.position, t.count - 1);
    const x = t.positions[2 * k];
    const y = t.positions[2 * k + 1];
    const origin = new THREE.Vector3(
      mapping.toSceneX(x),
      mapping.toUnit(t.losses[k]) * HEIGHT + 0.03,
      mapping.toSceneZ(y),
    );
    const place = (arrow: THREE.ArrowHelper, vx: number, vy: number, color: string) => {
      // Scene direction of a step (dx, dy) in the plane; ∇ is drawn negated (the way downhill).
      const dir = new THREE.Vector3(
        mapping.toSceneX(x - vx) - origin.x,
        0,
        mapping.toSceneZ(y - vy) - origin.z,
      );
      if (!(dir.length() > 1e-12)) return;
      arrow.position.copy(origin);
      arrow.setDirection(dir.normalize());
      arrow.setColor(color);
      arrow.visible = true;
    };
    place(arrows.grad, t.gradients[2 * k], t.gradients[2 * k + 1], '#ffffff');
    if (t.velocities && k > 0)
      place(arrows.vel, t.velocities[2 * k], t.velocities[2 * k + 1], RACER_COLORS[s.selected]);
  });
  return (
    <>
      <primitive object={arrows.grad} />
      <primitive object={arrows.vel} />
    </>
  );
}

const MODEL_N = 28;

/** The selected racer's local quadratic model m(θ + p) = f + gᵀp + ½pᵀBp (Newton, L-BFGS). */
export function QuadraticModel() {
  const mapping = useSurfaceMapping();
  const grid = useDescentStore((s) => s.grid);
  const mesh = useMemo(() => {
    const g = new THREE.PlaneGeometry(1, 1, MODEL_N - 1, MODEL_N - 1);
    const m = new THREE.MeshStandardMaterial({
      color: '#9fe3ff',
      transparent: true,
      opacity: 0.38,
      side: THREE.DoubleSide,
      depthWrite: false,
    });
    return new THREE.Mesh(g, m);
  }, []);
  useEffect(
    () => () => (mesh.geometry.dispose(), (mesh.material as THREE.Material).dispose()),
    [mesh],
  );
  useFrame(() => {
    const s = useDescentStore.getState();
    const t = s.trajectories[s.selected];
    mesh.visible = false;
    if (!t?.modelHessians || !mapping || !grid) return;
    const k = Math.min(s.position, t.count - 1);
    const [cx, cy] = [t.positions[2 * k], t.positions[2 * k + 1]];
    const [gx, gy] = [t.gradients[2 * k], t.gradients[2 * k + 1]];
    const [bxx, bxy, , byy] = t.modelHessians.subarray(4 * k, 4 * k + 4);
    const hx = 0.25 * (grid.domain.xMax - grid.domain.xMin);
    const hy = 0.25 * (grid.domain.yMax - grid.domain.yMin);
    const pos = mesh.geometry.getAttribute('position') as THREE.BufferAttribute;
    for (let j = 0; j < MODEL_N; j++) {
      for (let i = 0; i < MODEL_N; i++) {
        const px = hx * ((2 * i) / (MODEL_N - 1) - 1);
        const py = hy * ((2 * j) / (MODEL_N - 1) - 1);
        const m =
          t.losses[k] +
          gx * px +
          gy * py +
          0.5 * (bxx * px * px + 2 * bxy * px * py + byy * py * py);
        pos.setXYZ(
          j * MODEL_N + i,
          mapping.toSceneX(cx + px),
          mapping.toUnit(m) * HEIGHT + 0.006,
          mapping.toSceneZ(cy + py),
        );
      }
    }
    pos.needsUpdate = true;
    mesh.geometry.computeVertexNormals();
    mesh.geometry.computeBoundingSphere();
    mesh.visible = true;
  });
  return <primitive object={mesh} />;
}
