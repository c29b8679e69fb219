import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { contourLevels, contourSegments } from '../../core/math/contours';
import { HEIGHT, type HeightScale, type SurfaceGrid, type SurfaceMapping } from './surface-mapping';

/** Contour lines lying on the 3D surface, each at its own level's height. */
export function SurfaceContours3D({
  grid,
  mapping,
  count,
  scale,
}: {
  grid: SurfaceGrid;
  mapping: SurfaceMapping;
  count: number;
  scale: HeightScale;
}) {
  const geometry = useMemo(() => {
    const { n, values } = grid;
    const pts: number[] = [];
    for (const level of contourLevels(values, count, scale)) {
      const segs = contourSegments(values, n, level);
      const h = mapping.toUnit(level) * HEIGHT + 0.004;
      for (let k = 0; k < segs.length; k += 2) {
        pts.push((segs[k] / (n - 1)) * 2 - 1, h, 1 - (segs[k + 1] / (n - 1)) * 2);
      }
    }
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.BufferAttribute(Float32Array.from(pts), 3));
    return g;
  }, [grid, mapping, count, scale]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  return (
    <lineSegments geometry={geometry}>
      <lineBasicMaterial color="#ffffff" transparent opacity={0.35} />
    </lineSegments>
  );
}
