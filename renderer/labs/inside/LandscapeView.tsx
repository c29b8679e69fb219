/**
 * The loss landscape of a trained net: L(θ* + αδ + βη) as a 3D surface (the Descent lab's
 * Surface3D) and as a heat map with contours and the projected training path, and the line from
 * the initial to the trained weights. Computed in compute (sim "inside-landscape"); while it runs
 * the progress shows and the last picture stays; a failure keeps it too and says why.
 */
import { useMemo } from 'react';
import { numLabel } from '../../../core/math/num-format';
import { HEIGHT, type SurfaceGrid } from '../../components/surface-mapping';
import { Surface3D, useSurfaceMapping } from '../../components/Surface3D';
import { LandscapeLine } from './LandscapeLine';
import { LandscapeMap } from './LandscapeMap';
import { useLandscape, useLandscapeRun } from './use-landscape';

const AXES = { x: 'α', y: 'β', f: 'L' };

/** A white ball at θ* (α = β = 0). */
function Centre({ lossStar }: { lossStar: number }) {
  const m = useSurfaceMapping();
  if (!m) return null;
  return (
    <mesh position={[m.toSceneX(0), m.toUnit(lossStar) * HEIGHT + 0.02, m.toSceneZ(0)]}>
      <sphereGeometry args={[0.03, 16, 12]} />
      <meshStandardMaterial color="#ffffff" emissive="#555555" />
    </mesh>
  );
}

function Status() {
  const { status, done, total, error, elapsedMs, result } = useLandscapeRun();
  const pct = total > 0 ? Math.round((100 * done) / total) : 0;
  const text =
    status === 'computing'
      ? `Training the net and evaluating the grid… ${pct} %`
      : status === 'failed'
        ? `The computation failed (${error ?? 'unknown error'}); the last picture is kept.`
        : result
          ? `${result.res} × ${result.res} grid, ${result.paramCount} parameters, ${result.points} points: L(θ*) = ${numLabel(result.lossStar)}, accuracy ${numLabel(100 * result.accuracy, 3)} %, computed in ${numLabel(elapsedMs / 1000, 2)} s.`
          : '';
  return (
    <div className="inside-landscape-status" data-testid="landscape-status" data-status={status}>
      <progress max={100} value={status === 'computing' ? pct : 100} aria-label="Progress" />
      <span>{text}</span>
    </div>
  );
}

export function LandscapeView() {
  useLandscape(true);
  const result = useLandscapeRun((s) => s.result);
  const grid: SurfaceGrid | null = useMemo(
    () =>
      result
        ? {
            n: result.res,
            domain: {
              xMin: -result.span,
              xMax: result.span,
              yMin: -result.span,
              yMax: result.span,
            },
            values: result.values,
          }
        : null,
    [result],
  );
  return (
    <div className="inside-landscape">
      <Status />
      <section className="inside-panel inside-landscape-3d">
        <h3>L(θ* + αδ + βη), δ and η filter-normalised random directions</h3>
        <div className="inside-landscape-fill" data-testid="landscape-surface">
          <Surface3D grid={grid} heightScale="log" axes={AXES}>
            {result && <Centre lossStar={result.lossStar} />}
          </Surface3D>
        </div>
      </section>
      <section className="inside-panel inside-landscape-2d">
        <h3 data-testid="landscape-path-note">
          Contours; orange: the weights after each epoch projected onto (δ, η)
          {result
            ? `, which keeps ${numLabel(100 * result.pathInPlane, 2)} % of the length of θ₀ − θ*`
            : ''}
        </h3>
        <LandscapeMap result={result} />
      </section>
      <section className="inside-panel inside-landscape-1d">
        <h3>L((1 − t)θ₀ + tθ*): the straight line from the initial to the trained weights</h3>
        {result && <LandscapeLine result={result} />}
      </section>
    </div>
  );
}
