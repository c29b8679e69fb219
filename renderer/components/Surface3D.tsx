import { OrbitControls } from '@react-three/drei';
import { Canvas, useThree, type ThreeEvent } from '@react-three/fiber';
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import * as THREE from 'three';
import { CAMERA_DEFAULT, type CameraView } from './camera-frame';
import { colormapViridis } from './colormap';
import { SurfaceContours3D } from './SurfaceContours3D';
import {
  HEIGHT,
  surfaceMappingCreate,
  type HeightScale,
  type SurfaceGrid,
  type SurfaceMapping,
} from './surface-mapping';

const MappingContext = createContext<SurfaceMapping | null>(null);

/** The mapping from surface coordinates to the scene, for anything drawn on the surface. */
export function useSurfaceMapping(): SurfaceMapping | null {
  return useContext(MappingContext);
}

interface Props {
  grid: SurfaceGrid | null;
  heightScale: HeightScale;
  /** Contour levels drawn on the surface (0 = none). */
  contours?: number;
  /** Clicking the surface reports the (x, y) under the pointer. */
  onPick?(x: number, y: number): void;
  onHover?(point: [number, number] | null): void;
  /** Where the camera starts (default: a low view from the front right corner). */
  view?: CameraView | null;
  /** Changing this puts the camera back at `view`. */
  cameraKey?: number;
  children?: ReactNode;
}

function SurfaceMesh({
  grid,
  mapping,
  onPick,
  onHover,
}: { grid: SurfaceGrid; mapping: SurfaceMapping } & Pick<Props, 'onPick' | 'onHover'>) {
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
    const index = new Uint32Array((n - 1) * (n - 1) * 6);
    let w = 0;
    for (let j = 0; j < n - 1; j++) {
      for (let i = 0; i < n - 1; i++) {
        const a = j * n + i;
        index.set([a, a + n, a + 1, a + 1, a + n, a + n + 1], w);
        w += 6;
      }
    }
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.BufferAttribute(positions, 3));
    g.setAttribute('color', new THREE.BufferAttribute(colors, 3));
    g.setIndex(new THREE.BufferAttribute(index, 1));
    g.computeVertexNormals();
    return g;
  }, [grid, mapping]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  const toXY = (e: ThreeEvent<PointerEvent | MouseEvent>): [number, number] => [
    mapping.fromSceneX(e.point.x),
    mapping.fromSceneZ(e.point.z),
  ];
  return (
    <mesh
      geometry={geometry}
      onClick={(e) => {
        if (!onPick || e.delta > 4) return; // a drag that orbits the camera is not a click
        e.stopPropagation();
        onPick(...toXY(e));
      }}
      onPointerMove={(e) => onHover?.(toXY(e))}
      onPointerOut={() => onHover?.(null)}
    >
      <meshStandardMaterial
        vertexColors
        side={THREE.DoubleSide}
        roughness={0.7}
        metalness={0.05}
        polygonOffset
        polygonOffsetFactor={1}
        polygonOffsetUnits={1}
      />
    </mesh>
  );
}

/** Keeps the whole surface in view whatever the panel's shape: widens the vertical field of view on narrow panels. */
function FitCamera() {
  const camera = useThree((s) => s.camera) as THREE.PerspectiveCamera;
  const aspect = useThree((s) => s.size.width / Math.max(1, s.size.height));
  useEffect(() => {
    const horizontal = (52 * Math.PI) / 180;
    const vertical = 2 * Math.atan(Math.tan(horizontal / 2) / aspect);
    camera.fov = Math.min(75, Math.max(38, (vertical * 180) / Math.PI));
    camera.updateProjectionMatrix();
  }, [camera, aspect]);
  return null;
}

/** Moves the camera and the orbit target to `view` whenever `viewKey` changes (not on every render). */
function CameraRig({ view, viewKey }: { view: CameraView; viewKey: string }) {
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as unknown as {
    target: THREE.Vector3;
    update(): void;
  } | null;
  useEffect(() => {
    camera.position.set(...view.position);
    camera.lookAt(...view.target);
    if (controls) {
      controls.target.set(...view.target);
      controls.update();
    }
    // The view is applied when its key changes; a new object with the same key changes nothing.
  }, [viewKey, camera, controls]);
  return null;
}

/** A loss surface in 3D (orbit: drag, zoom: wheel). Children draw on it through `useSurfaceMapping`. */
export function Surface3D({
  grid,
  heightScale,
  contours = 12,
  onPick,
  onHover,
  view,
  cameraKey = 0,
  children,
}: Props) {
  const start = view ?? CAMERA_DEFAULT;
  const mapping = useMemo(
    () => (grid ? surfaceMappingCreate(grid, heightScale) : null),
    [grid, heightScale],
  );
  return (
    <Canvas
      data-testid="surface-3d"
      camera={{ position: start.position, fov: 40 }}
      gl={{ preserveDrawingBuffer: true, antialias: true }}
      dpr={[1, 2]}
    >
      <color attach="background" args={['#0f1420']} />
      <ambientLight intensity={0.5} />
      <directionalLight position={[3, 5, 2]} intensity={1.5} />
      <directionalLight position={[-3, 2, -2]} intensity={0.4} />
      {grid && mapping && (
        <MappingContext.Provider value={mapping}>
          <SurfaceMesh grid={grid} mapping={mapping} onPick={onPick} onHover={onHover} />
          {contours > 0 && (
            <SurfaceContours3D grid={grid} mapping={mapping} count={contours} scale={heightScale} />
          )}
          {children}
        </MappingContext.Provider>
      )}
      <gridHelper args={[2, 10, '#3a4560', '#222a3d']} position={[0, -0.002, 0]} />
      <FitCamera />
      <OrbitControls makeDefault enableDamping={false} target={CAMERA_DEFAULT.target} />
      <CameraRig view={start} viewKey={`${cameraKey}:${start.position.join(',')}`} />
    </Canvas>
  );
}
