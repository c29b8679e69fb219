import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useState } from 'react';
import * as THREE from 'three';

/** Frees what a warm-up object holds: geometries, materials and their textures. */
function release(root: THREE.Object3D) {
  root.traverse((o) => {
    const holder = o as THREE.Object3D & {
      geometry?: THREE.BufferGeometry;
      material?: THREE.Material | THREE.Material[];
    };
    holder.geometry?.dispose();
    const materials = [holder.material ?? []].flat();
    for (const m of materials) {
      (m as THREE.Material & { map?: THREE.Texture | null }).map?.dispose();
      m.dispose();
    }
  });
}

/**
 * Compiles the shader programs of the objects `build` makes as soon as the canvas exists, and
 * keeps those objects (never drawn) until the canvas closes. three.js deletes a program when the
 * last material using it is disposed; with these holding every program the views need, a new
 * racer, a rebuilt axis or a new surface finds its program ready and compiles nothing (on
 * software WebGL one program costs 100–300 ms of a frozen page). Programs are shared by key, so
 * `build` must make its objects with the same factories, object types and geometry attributes as
 * the real ones.
 */
export function WarmPrograms({
  build,
  afterFrames = 0,
}: {
  build: () => THREE.Object3D[];
  /**
   * Wait this many drawn frames first: programs the first picture does not need (software WebGL
   * links programs one after another, and the first frame waits for every one queued before it).
   */
  afterFrames?: number;
}) {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);
  const [frames, setFrames] = useState(0);
  useFrame(() => {
    if (frames < afterFrames) setFrames((f) => f + 1);
  });
  const due = frames >= afterFrames;
  useEffect(() => {
    if (!due) return;
    const group = new THREE.Group();
    group.add(...build());
    // Whether clipping planes apply is part of a program's key: on from the start (a child may
    // clip, like Descent's quadratic model), so the warmed programs are the ones drawn.
    gl.localClippingEnabled = true;
    // The lights of the real scene decide the lit programs: compile against it.
    gl.compile(group, camera, scene);
    return () => release(group);
    // `build` is read once per canvas: the programs it warms do not change with props.
  }, [gl, scene, camera, due]);
  return null;
}
