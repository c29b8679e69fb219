import type { ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { colormapViridis } from './colormap';
import { surfaceTriangles } from './surface-mesh';
import { HEIGHT, type SurfaceGrid, type SurfaceMapping } from './surface-mapping';

const COLORMAP_SIZE = 256;

/** The height colormap as a 256 × 1 texture (raw values, like vertex colours: no colour-space conversion). */
function colormapTexture(): THREE.DataTexture {
  const data = new Uint8Array(COLORMAP_SIZE * 4);
  const rgb = [0, 0, 0];
  for (let k = 0; k < COLORMAP_SIZE; k++) {
    colormapViridis(k / (COLORMAP_SIZE - 1), rgb);
    data.set([rgb[0] * 255, rgb[1] * 255, rgb[2] * 255, 255], 4 * k);
  }
  const tex = new THREE.DataTexture(data, COLORMAP_SIZE, 1, THREE.RGBAFormat);
  tex.magFilter = THREE.LinearFilter;
  tex.minFilter = THREE.LinearFilter;
  tex.needsUpdate = true;
  return tex;
}

/**
 * A lit material coloured by height per pixel: the colour comes from the interpolated height of
 * each fragment, not from the corners of its triangle. On a steep triangle with one corner on a
 * valley floor, vertex colours would paint a dark spike up the wall; here the bands stay level.
 */
function heightMaterial(): THREE.MeshStandardMaterial {
  const tex = colormapTexture();
  const m = new THREE.MeshStandardMaterial({
    side: THREE.DoubleSide,
    roughness: 0.7,
    metalness: 0.05,
    polygonOffset: true,
    polygonOffsetFactor: 1,
    polygonOffsetUnits: 1,
  });
  m.onBeforeCompile = (shader) => {
    shader.uniforms.uColormap = { value: tex };
    shader.vertexShader = shader.vertexShader
      .replace('void main() {', 'varying float vUnit;\nvoid main() {')
      .replace(
        '#include <begin_vertex>',
        `#include <begin_vertex>\n  vUnit = position.y / ${HEIGHT.toFixed(6)};`,
      );
    shader.fragmentShader = shader.fragmentShader
      .replace('void main() {', 'uniform sampler2D uColormap;\nvarying float vUnit;\nvoid main() {')
      .replace(
        '#include <color_fragment>',
        `diffuseColor.rgb *= texture2D(uColormap, vec2((0.5 + clamp(vUnit, 0.0, 1.0) * ${COLORMAP_SIZE - 1}.0) / ${COLORMAP_SIZE}.0, 0.5)).rgb;`,
      );
  };
  m.userData.colormap = tex;
  return m;
}

/** The mesh's geometry: grid positions at their mapped heights, the given triangles, normals. */
function surfaceGeometry(n: number, units: ArrayLike<number>, index: Uint32Array) {
  const positions = new Float32Array(n * n * 3);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const k = j * n + i;
      positions[3 * k] = (i / (n - 1)) * 2 - 1;
      positions[3 * k + 1] = units[k] * HEIGHT;
      positions[3 * k + 2] = 1 - (j / (n - 1)) * 2;
    }
  }
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.BufferAttribute(positions, 3));
  g.setIndex(new THREE.BufferAttribute(index, 1));
  g.computeVertexNormals();
  return g;
}

/** A 2 × 2 surface with the real material, for WarmPrograms. */
export function surfaceWarmObjects(): THREE.Object3D[] {
  const units = [0, 0.5, 0.5, 1];
  return [new THREE.Mesh(surfaceGeometry(2, units, surfaceTriangles(units, 2)), heightMaterial())];
}

/** The sampled surface as a mesh (clicks pick a point, hover reports one). */
export function SurfaceMesh({
  grid,
  units,
  index,
  mapping,
  onPick,
  onHover,
}: {
  grid: SurfaceGrid;
  /** Mapped heights in [0, 1] per sample, and the triangles (surfaceTriangles). */
  units: Float64Array;
  index: Uint32Array;
  mapping: SurfaceMapping;
  onPick?(x: number, y: number): void;
  onHover?(point: [number, number] | null): void;
}) {
  const geometry = useMemo(() => surfaceGeometry(grid.n, units, index), [grid, units, index]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  const material = useMemo(heightMaterial, []);
  useEffect(
    () => () => {
      (material.userData.colormap as THREE.Texture).dispose();
      material.dispose();
    },
    [material],
  );
  const toXY = (e: ThreeEvent<PointerEvent | MouseEvent>): [number, number] => [
    mapping.fromSceneX(e.point.x),
    mapping.fromSceneZ(e.point.z),
  ];
  return (
    <mesh
      geometry={geometry}
      material={material}
      onClick={(e) => {
        if (!onPick || e.delta > 4) return; // a drag that orbits the camera is not a click
        e.stopPropagation();
        onPick(...toXY(e));
      }}
      onPointerMove={(e) => onHover?.(toXY(e))}
      onPointerOut={() => onHover?.(null)}
    />
  );
}
