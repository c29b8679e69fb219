import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import type { Surface } from '../../../core/ml/surfaces-types';
import { HEIGHT } from '../../components/surface-mapping';
import { Surface3D, useSurfaceMapping } from '../../components/Surface3D';
import { Trajectories3D, trajectoriesWarmObjects } from '../../components/Trajectories3D';
import { FrameBudget } from './FrameBudget';
import { Glyphs, QuadraticModel, glyphsWarmObjects, quadraticWarmObjects } from './SceneOverlays';
import { WarmPrograms } from '../../components/warm-programs';
import { RACER_COLORS } from './colors';
import { useDescentStore, type DescentState } from './store';
import { useDescentCameraFrame } from './use-camera-frame';

const shownNow = () => useDescentStore.getState().position;

/** Programs of the race's first picture (the surface's own are warmed by Surface3D). */
const warmRace = () => [
  ...trajectoriesWarmObjects(),
  ...glyphsWarmObjects(),
  new THREE.Mesh(new THREE.OctahedronGeometry(0.03), new THREE.MeshStandardMaterial()),
];

/** Programs drawn later (a Newton or L-BFGS racer's model, the cursor), warmed after it. */
const warmLater = () => [
  ...quadraticWarmObjects(),
  new THREE.Mesh(new THREE.ConeGeometry(0.02, 0.06), new THREE.MeshBasicMaterial()),
];

/** What the frame loop reads from the store without a React update: a change draws a frame. */
const drawn = (s: DescentState) => [s.position, s.selected, s.cursor, s.trajectories, s.grid];

/** The canvas draws on demand: playback, the selected racer and the cursor ask for frames. */
function StoreFrames() {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(
    () =>
      useDescentStore.subscribe((now, before) => {
        const a = drawn(now);
        const b = drawn(before);
        if (a.some((v, i) => v !== b[i])) invalidate();
      }),
    [invalidate],
  );
  return null;
}

/**
 * Marks the canvas with a count of the races it has drawn (`data-paths-drawn`), set in the first
 * frame drawn after the paths of a new race are in place — what the latency benchmark and tests
 * wait for. Placed after Trajectories3D: its effect (which swaps the path geometry in) has run
 * when this one asks for that frame.
 */
function PathsDrawnMark({ race }: { race: unknown }) {
  const invalidate = useThree((s) => s.invalidate);
  const canvas = useThree((s) => s.gl.domElement);
  const pending = useRef(false);
  const drawn = useRef(0);
  useEffect(() => {
    pending.current = true;
    invalidate();
  }, [race, invalidate]);
  useFrame(() => {
    if (!pending.current) return;
    pending.current = false;
    canvas.dataset.pathsDrawn = String(++drawn.current);
  });
  return null;
}

/** Minima (white diamonds) and saddles (grey rings) of the surface, plus the start point. */
function Markers({ surface }: { surface: Surface | null }) {
  const mapping = useSurfaceMapping();
  const start = useDescentStore((s) => s.params.start);
  if (!mapping || !surface) return null;
  const at = (x: number, y: number, lift = 0.02): [number, number, number] => [
    mapping.toSceneX(x),
    mapping.toUnit(surface.value(x, y)) * HEIGHT + lift,
    mapping.toSceneZ(y),
  ];
  return (
    <>
      {surface.minima.map((m, i) => (
        <mesh key={`m${i}`} position={at(m.x, m.y, 0.04)}>
          <octahedronGeometry args={[m.global ? 0.035 : 0.025]} />
          <meshStandardMaterial color={m.global ? '#ffffff' : '#c8c8c8'} emissive="#555555" />
        </mesh>
      ))}
      {surface.saddles.map((p, i) => (
        <mesh key={`s${i}`} position={at(p.x, p.y)} rotation={[Math.PI / 2, 0, 0]}>
          <torusGeometry args={[0.03, 0.007, 8, 24]} />
          <meshStandardMaterial color="#bbbbbb" />
        </mesh>
      ))}
      <mesh position={at(start[0], start[1], 0.03)}>
        <cylinderGeometry args={[0.022, 0.022, 0.06, 16]} />
        <meshStandardMaterial color="#ffffff" emissive="#888888" />
      </mesh>
    </>
  );
}

function CursorMarker({ surface }: { surface: Surface | null }) {
  const mapping = useSurfaceMapping();
  const cursor = useDescentStore((s) => s.cursor);
  if (!mapping || !cursor || !surface) return null;
  const h = mapping.toUnit(surface.value(cursor[0], cursor[1])) * HEIGHT + 0.05;
  return (
    <mesh
      position={[mapping.toSceneX(cursor[0]), h, mapping.toSceneZ(cursor[1])]}
      rotation={[Math.PI, 0, 0]}
    >
      <coneGeometry args={[0.02, 0.06, 12]} />
      <meshBasicMaterial color="#ff5c8a" />
    </mesh>
  );
}

export function DescentScene({ surface }: { surface: Surface | null }) {
  const camera = useDescentCameraFrame();
  const sampled = useDescentStore((s) => s.grid);
  // The mesh is drawn from the samples with valley floors filled in (no teeth along narrow floors).
  const grid = useMemo(
    () => (sampled?.floor ? { ...sampled, values: sampled.floor } : sampled),
    [sampled],
  );
  const heightScale = useDescentStore((s) => s.params.heightScale);
  const trajectories = useDescentStore((s) => s.trajectories);
  const paths = useMemo(
    () => trajectories.map((t, i) => t && { ...t, color: RACER_COLORS[i] }),
    [trajectories],
  );
  const setParams = useDescentStore((s) => s.setParams);
  const drawnOnce = useDescentStore((s) => s.grid !== null); // then stays so for the lab's life
  return (
    <Surface3D
      grid={grid}
      heightScale={heightScale}
      view={camera.view}
      cameraKey={camera.key}
      onPick={(x, y) => setParams({ start: [x, y] })}
      onHover={(p) => useDescentStore.setState({ cursor: p })}
      warm={warmRace}
    >
      <StoreFrames />
      {drawnOnce && <WarmPrograms build={warmLater} afterFrames={2} />}
      <Trajectories3D paths={paths} shown={shownNow} />
      <PathsDrawnMark race={trajectories} />
      <Markers surface={surface} />
      <Glyphs />
      <QuadraticModel />
      <CursorMarker surface={surface} />
      <FrameBudget />
    </Surface3D>
  );
}
