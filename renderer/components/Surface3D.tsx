import { OrbitControls } from '@react-three/drei';
import { Canvas } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { colormapViridis } from './colormap';
import {
  HEIGHT,
  surfaceMappingCreate,
  type HeightScale,
  type SurfaceGrid,
} from './surface-mapping';
import { Trajectory3D, type TrajectoryBuffer } from './Trajectory3D';

interface Props {
  grid: SurfaceGrid | null;
  heightScale: HeightScale;
  trajectories: readonly TrajectoryBuffer[];
}

function SurfaceMesh({ grid, heightScale }: { grid: SurfaceGrid; heightScale: HeightScale }) {
  const mapping = useMemo(() => surfaceMappingCreate(grid, heightScale), [grid, heightScale]);
  const geometry = useMemo(() => {
    const { n, values } = grid;
    const positions = new Float32Array(n * n * 3);
    const colors = new Float32Array(n * n * 3);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const k = j * n + i;
        const u = mapping.toUnit(values[k]);
        positions[3 * k] = (i / (n - 1)) * 2 - 1;
        positions[3 * k + 1] = u * HEIGHT;
        positions[3 * k + 2] = 1 - (j / (n - 1)) * 2;
        colormapViridis(u, colors, 3 * k);
      }
    }
    const index: number[] = [];
    for (let j = 0; j < n - 1; j++) {
      for (let i = 0; i < n - 1; i++) {
        const a = j * n + i;
        index.push(a, a + 1, a + n, a + 1, a + n + 1, a + n);
      }
    }
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.BufferAttribute(positions, 3));
    g.setAttribute('color', new THREE.BufferAttribute(colors, 3));
    g.setIndex(index);
    g.computeVertexNormals();
    return g;
  }, [grid, mapping]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  return (
    <mesh geometry={geometry}>
      <meshStandardMaterial
        vertexColors
        side={THREE.DoubleSide}
        roughness={0.65}
        metalness={0.05}
      />
    </mesh>
  );
}

/** The loss surface in 3D with trajectories; orbit with the mouse, zoom with the wheel. */
export function Surface3D({ grid, heightScale, trajectories }: Props) {
  const mapping = useMemo(
    () => (grid ? surfaceMappingCreate(grid, heightScale) : null),
    [grid, heightScale],
  );
  return (
    <Canvas
      data-testid="surface-3d"
      camera={{ position: [2.1, 1.9, 2.1], fov: 40 }}
      gl={{ preserveDrawingBuffer: true, antialias: true }}
      dpr={[1, 2]}
    >
      <color attach="background" args={['#0f1420']} />
      <ambientLight intensity={0.45} />
      <directionalLight position={[3, 5, 2]} intensity={1.6} />
      <directionalLight position={[-3, 2, -2]} intensity={0.4} />
      {grid && <SurfaceMesh grid={grid} heightScale={heightScale} />}
      {mapping && trajectories.map((t) => <Trajectory3D key={t.id} buffer={t} mapping={mapping} />)}
      <gridHelper args={[2, 10, '#3a4560', '#222a3d']} position={[0, -0.002, 0]} />
      <OrbitControls makeDefault enableDamping={false} target={[0, 0.3, 0]} />
    </Canvas>
  );
}
