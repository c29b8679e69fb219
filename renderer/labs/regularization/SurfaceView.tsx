import { Line } from '@react-three/drei';
import { useMemo } from 'react';
import {
  regSurfaceGrid,
  regSurfaceValue,
  type RegSurfaceKind,
} from '../../../core/ml/regularization-geometry';
import type { AxisNames } from '../../components/Axes3D';
import { HEIGHT, type SurfaceGrid } from '../../components/surface-mapping';
import { Surface3D, useSurfaceMapping } from '../../components/Surface3D';
import type { RegLabModel } from '../../../core/labs/regularization/model';
import { OKABE } from './colors';
import { useRegStore } from './store';

const GRID = 72;

/** Axis names of the 3D view per surface: weights w₁, w₂ and the height that is drawn. */
const AXES: Record<RegSurfaceKind, AxisNames> = {
  loss: { x: 'w₁', y: 'w₂', f: 'L' },
  penalty: { x: 'w₁', y: 'w₂', f: 'λP' },
  sum: { x: 'w₁', y: 'w₂', f: 'L + λP' },
};

const KINDS: { id: RegSurfaceKind; label: string }[] = [
  { id: 'loss', label: 'data loss L' },
  { id: 'penalty', label: 'penalty λP' },
  { id: 'sum', label: 'sum L + λP' },
];

/** Markers on the surface: the region's outline, the penalized minimum and the least-squares fit. */
function Markers({
  model,
  kind,
  lambda,
}: {
  model: RegLabModel;
  kind: RegSurfaceKind;
  lambda: number;
}) {
  const mapping = useSurfaceMapping();
  const outline = useMemo(() => {
    if (!mapping) return null;
    const pts: [number, number, number][] = [];
    const r = model.region;
    for (let k = 0; k <= r.length; k += 2) {
      const i = k % r.length;
      const w = [r[i], r[i + 1]];
      const f = regSurfaceValue(model.stats, kind, lambda, model.params.alpha, w);
      pts.push([mapping.toSceneX(w[0]), mapping.toUnit(f) * HEIGHT + 0.01, mapping.toSceneZ(w[1])]);
    }
    return pts;
  }, [mapping, model, kind, lambda]);
  if (!mapping || !outline) return null;
  const at = (w: ArrayLike<number>, lift: number): [number, number, number] => [
    mapping.toSceneX(w[0]),
    mapping.toUnit(regSurfaceValue(model.stats, kind, lambda, model.params.alpha, w)) * HEIGHT +
      lift,
    mapping.toSceneZ(w[1]),
  ];
  return (
    <>
      {model.t > 0 && <Line points={outline} color={OKABE.orange} lineWidth={2.5} />}
      <mesh position={at(model.solution.w, 0.03)}>
        <sphereGeometry args={[0.04, 20, 14]} />
        <meshStandardMaterial color={OKABE.vermillion} emissive="#5a2000" />
      </mesh>
      {kind === 'loss' && (
        <mesh position={at(model.ols, 0.03)}>
          <octahedronGeometry args={[0.035]} />
          <meshStandardMaterial color="#ffffff" emissive="#555555" />
        </mesh>
      )}
    </>
  );
}

/**
 * The data loss, the weighted penalty or their sum over the same (w₁, w₂) box. On the sum the
 * red marker is its minimum, which moves as λ changes; it is also the constrained optimum.
 */
export function SurfaceView({ model }: { model: RegLabModel }) {
  const kind = useRegStore((st) => st.params.surface);
  const setParams = useRegStore((s) => s.setParams);
  const lambda = Number.isFinite(model.solution.lambda) ? model.solution.lambda : 0;
  const grid = useMemo<SurfaceGrid>(
    () => ({
      n: GRID,
      domain: { ...model.box },
      values: regSurfaceGrid(model.stats, kind, lambda, model.params.alpha, model.box, GRID),
    }),
    [model, kind, lambda],
  );
  return (
    <div className="reg-surface">
      <div className="row reg-surface-kinds" role="group" aria-label="Surface">
        {KINDS.map((k) => (
          <button
            key={k.id}
            aria-pressed={kind === k.id}
            data-testid={`reg-surface-${k.id}`}
            onClick={() => setParams({ surface: k.id })}
          >
            {k.label}
          </button>
        ))}
      </div>
      <div className="reg-surface-canvas">
        <Surface3D grid={grid} heightScale="linear" contours={10} axes={AXES[kind]}>
          <Markers model={model} kind={kind} lambda={lambda} />
        </Surface3D>
      </div>
      <p className="readout">
        {kind === 'sum'
          ? `Red: the minimum of L + λP at λ = ${lambda.toPrecision(4)}, the same point as the constrained optimum.`
          : kind === 'loss'
            ? 'White: the least-squares minimum of L. Red: the constrained optimum on the orange region boundary.'
            : 'The penalty alone: a cone (L1), a bowl (L2) or a blend, lowest at w = 0.'}
      </p>
    </div>
  );
}
