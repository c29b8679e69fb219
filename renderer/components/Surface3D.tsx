import { OrbitControls } from '@react-three/drei';
import { Canvas, useThree } from '@react-three/fiber';
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import * as THREE from 'three';
import { Axes3D, axesWarmObjects, type AxisNames } from './Axes3D';
import { CAMERA_DEFAULT, type CameraView } from './camera-frame';
import { ColorBar } from './ColorBar';
import { SurfaceContours3D, contoursWarmObjects } from './SurfaceContours3D';
import { SurfaceMesh, surfaceWarmObjects } from './SurfaceMesh';
import { surfaceTriangles } from './surface-mesh';
import { useGl } from './use-gl';
import { WarmPrograms } from './warm-programs';
import {
  surfaceMappingCreate,
  type HeightScale,
  type SurfaceGrid,
  type SurfaceMapping,
} from './surface-mapping';

const AXES_XYF: AxisNames = { x: 'x', y: 'y', f: 'f' };

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
  /** Axis names (x, y and the height f); null draws no axes. */
  axes?: AxisNames | null;
  /** Draw the colour scale of the height colormap beside the view. */
  colorBar?: boolean;
  /**
   * Objects made with the same factories as what the children draw, for WarmPrograms: their
   * shader programs are compiled when the canvas opens and kept until it closes.
   */
  warm?(): THREE.Object3D[];
  children?: ReactNode;
}

/** What the view always draws: the surface, its contour lines and the axes. */
const warmOwn = () => [...surfaceWarmObjects(), ...contoursWarmObjects(), ...axesWarmObjects()];

/** Keeps the whole surface in view whatever the panel's shape: widens the vertical field of view on narrow panels. */
function FitCamera() {
  const camera = useThree((s) => s.camera) as THREE.PerspectiveCamera;
  const aspect = useThree((s) => s.size.width / Math.max(1, s.size.height));
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    const horizontal = (58 * Math.PI) / 180; // the box and its axis labels
    const vertical = 2 * Math.atan(Math.tan(horizontal / 2) / aspect);
    camera.fov = Math.min(75, Math.max(38, (vertical * 180) / Math.PI));
    camera.updateProjectionMatrix();
    invalidate();
  }, [camera, aspect, invalidate]);
  return null;
}

/** Moves the camera and the orbit target to `view` whenever `viewKey` changes (not on every render). */
function CameraRig({ view, viewKey }: { view: CameraView; viewKey: string }) {
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as unknown as {
    target: THREE.Vector3;
    update(): void;
  } | null;
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    camera.position.set(...view.position);
    camera.lookAt(...view.target);
    if (controls) {
      controls.target.set(...view.target);
      controls.update();
    }
    invalidate();
    // The view is applied when its key changes; a new object with the same key changes nothing.
  }, [viewKey, camera, controls, invalidate]);
  return null;
}

/**
 * A loss surface in 3D (orbit: drag, zoom: wheel). Children draw on it through `useSurfaceMapping`.
 * Frames are drawn on demand: when props change (R3F), the camera moves (orbit controls, framing)
 * or a child calls `invalidate()` (playback); a still view costs nothing. On software WebGL the
 * canvas has no multisampling and one pixel per CSS pixel (gl-quality.ts).
 */
export function Surface3D({
  grid,
  heightScale,
  contours = 12,
  onPick,
  onHover,
  view,
  cameraKey = 0,
  axes = AXES_XYF,
  colorBar = true,
  warm,
  children,
}: Props) {
  const { canvasRef, props: glProps, dpr, key } = useGl();
  const start = view ?? CAMERA_DEFAULT;
  const mapping = useMemo(
    () => (grid ? surfaceMappingCreate(grid, heightScale) : null),
    [grid, heightScale],
  );
  // Mapped heights and the triangles, shared by the mesh and its contour lines.
  const mesh = useMemo(() => {
    if (!grid || !mapping) return null;
    const units = Float64Array.from(grid.values, (v) => mapping.toUnit(v));
    return { units, index: surfaceTriangles(units, grid.n) };
  }, [grid, mapping]);
  return (
    <div
      className="surface-3d-view"
      style={{ position: 'relative', width: '100%', height: '100%' }}
    >
      <Canvas
        key={key}
        ref={canvasRef}
        data-testid="surface-3d"
        camera={{ position: start.position, fov: 40 }}
        frameloop="demand"
        gl={glProps}
        dpr={dpr}
      >
        <color attach="background" args={['#0f1420']} />
        <ambientLight intensity={0.5} />
        <directionalLight position={[3, 5, 2]} intensity={1.5} />
        <directionalLight position={[-3, 2, -2]} intensity={0.4} />
        <WarmPrograms build={() => [...warmOwn(), ...(warm?.() ?? [])]} />
        {grid && mapping && mesh && (
          <MappingContext.Provider value={mapping}>
            <SurfaceMesh
              grid={grid}
              mapping={mapping}
              units={mesh.units}
              index={mesh.index}
              onPick={onPick}
              onHover={onHover}
            />
            {contours > 0 && (
              <SurfaceContours3D
                grid={grid}
                mapping={mapping}
                units={mesh.units}
                index={mesh.index}
                count={contours}
                scale={heightScale}
              />
            )}
            {axes && <Axes3D grid={grid} mapping={mapping} names={axes} />}
            {children}
          </MappingContext.Provider>
        )}
        {!axes && <gridHelper args={[2, 10, '#3a4560', '#222a3d']} position={[0, -0.002, 0]} />}
        <FitCamera />
        <OrbitControls makeDefault enableDamping={false} target={CAMERA_DEFAULT.target} />
        <CameraRig view={start} viewKey={`${cameraKey}:${start.position.join(',')}`} />
      </Canvas>
      {colorBar && mapping && <ColorBar mapping={mapping} name={axes?.f ?? 'f'} />}
    </div>
  );
}
