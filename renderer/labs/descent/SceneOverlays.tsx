import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { HEIGHT } from '../../components/surface-mapping';
import { useSurfaceMapping } from '../../components/Surface3D';
import { RACER_COLORS } from './colors';
import { QUADRATIC_CLIP_PLANES, quadraticPatchPositions } from './quadratic-patch';
import { useDescentStore } from './store';

const arrowCreate = () =>
  new THREE.ArrowHelper(
    new THREE.Vector3(1, 0, 0),
    new THREE.Vector3(),
    0.25,
    0xffffff,
    0.06,
    0.04,
  );

/** −∇f (white) and −velocity (racer colour) at the selected racer's current iterate. */
export function Glyphs() {
  const mapping = useSurfaceMapping();
  const arrows = useMemo(() => ({ grad: arrowCreate(), vel: arrowCreate() }), []);
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

function quadraticMaterial(): THREE.MeshStandardMaterial {
  return new THREE.MeshStandardMaterial({
    color: '#9fe3ff',
    transparent: true,
    opacity: 0.38,
    side: THREE.DoubleSide,
    depthWrite: false,
    clippingPlanes: [...QUADRATIC_CLIP_PLANES],
  });
}

/** An arrow with its real materials, for WarmPrograms. */
export function glyphsWarmObjects(): THREE.Object3D[] {
  return [arrowCreate()];
}

/** The quadratic patch with its real material, for WarmPrograms. */
export function quadraticWarmObjects(): THREE.Object3D[] {
  return [new THREE.Mesh(new THREE.PlaneGeometry(1, 1), quadraticMaterial())];
}

/** The selected racer's local quadratic model m(θ + p) = f + gᵀp + ½pᵀBp (Newton, L-BFGS). */
export function QuadraticModel() {
  const mapping = useSurfaceMapping();
  const grid = useDescentStore((s) => s.grid);
  const gl = useThree((s) => s.gl);
  useEffect(() => {
    gl.localClippingEnabled = true; // the patch is cut at the surface box's walls, floor and ceiling
  }, [gl]);
  const mesh = useMemo(() => {
    const g = new THREE.PlaneGeometry(1, 1, MODEL_N - 1, MODEL_N - 1);
    return new THREE.Mesh(g, quadraticMaterial());
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
    const [bxx, bxy, , byy] = t.modelHessians.subarray(4 * k, 4 * k + 4);
    const pos = mesh.geometry.getAttribute('position') as THREE.BufferAttribute;
    const model = {
      x: t.positions[2 * k],
      y: t.positions[2 * k + 1],
      f: t.losses[k],
      gx: t.gradients[2 * k],
      gy: t.gradients[2 * k + 1],
      bxx,
      bxy,
      byy,
    };
    if (!quadraticPatchPositions(pos.array as Float32Array, MODEL_N, model, grid.domain, mapping))
      return;
    pos.needsUpdate = true;
    mesh.geometry.computeVertexNormals();
    mesh.geometry.computeBoundingSphere();
    mesh.visible = true;
  });
  return <primitive object={mesh} />;
}
