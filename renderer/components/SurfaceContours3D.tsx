import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { contourLevels } from '../../core/math/contours';
import { surfaceContourLines } from './surface-mesh';
import { HEIGHT, type HeightScale, type SurfaceGrid, type SurfaceMapping } from './surface-mapping';

const contourMaterial = () =>
  new THREE.LineBasicMaterial({ color: '#ffffff', transparent: true, opacity: 0.35 });

/** One contour segment with the real material, for WarmPrograms. */
export function contoursWarmObjects(): THREE.Object3D[] {
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.BufferAttribute(new Float32Array(6), 3));
  return [new THREE.LineSegments(g, contourMaterial())];
}

/**
 * Contour lines lying on the 3D surface: traced on the drawn triangles in their mapped heights,
 * so each line follows the surface exactly, however steep the wall.
 */
export function SurfaceContours3D({
  grid,
  mapping,
  units,
  index,
  count,
  scale,
}: {
  grid: SurfaceGrid;
  mapping: SurfaceMapping;
  /** Mapped heights in [0, 1] per sample, and the mesh's index buffer. */
  units: Float64Array;
  index: Uint32Array;
  count: number;
  scale: HeightScale;
}) {
  const geometry = useMemo(() => {
    const levels = contourLevels(grid.values, count, scale).map((l) => mapping.toUnit(l));
    const g = new THREE.BufferGeometry();
    const lines = surfaceContourLines(units, grid.n, index, levels, HEIGHT, 0.002);
    g.setAttribute('position', new THREE.BufferAttribute(lines, 3));
    return g;
  }, [grid, mapping, units, index, count, scale]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  const material = useMemo(contourMaterial, []);
  useEffect(() => () => material.dispose(), [material]);
  return <lineSegments geometry={geometry} material={material} />;
}
