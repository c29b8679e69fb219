import { glQualityKnown } from '../../components/gl-quality';
import { meshAutoResolution } from './mesh-auto';
import { useDescentStore } from './store';

/** Start point, run length and seed: what the race depends on. */
export function RunOptions() {
  const p = useDescentStore((s) => s.params);
  const set = useDescentStore((s) => s.setParams);
  return (
    <fieldset className="panel">
      <legend>Run</legend>
      <p className="readout" data-testid="start-point" title="Click either view to move it">
        Start ({p.start[0].toFixed(3)}, {p.start[1].toFixed(3)}) · click a view to move
      </p>
      <div className="run-row">
        <label>
          Steps <span className="value">{p.steps}</span>
          <input
            type="range"
            min={10}
            max={10_000}
            step={10}
            value={p.steps}
            onChange={(e) => set({ steps: Number(e.target.value) })}
          />
        </label>
        <label>
          Seed
          <input
            type="number"
            min={0}
            value={p.seed}
            onChange={(e) => set({ seed: Math.max(0, Math.floor(Number(e.target.value) || 0)) })}
          />
        </label>
      </div>
    </fieldset>
  );
}

/**
 * How the surface is drawn. Kept at the bottom edge of the sidebar (sticky) so it stays in reach
 * however many racers expand the list above it; it folds away when not needed.
 */
export function ViewOptions({ onResetCamera }: { onResetCamera(): void }) {
  const p = useDescentStore((s) => s.params);
  const set = useDescentStore((s) => s.setParams);
  // What "auto" chose; unknown (and not probed here) until the 3D view has learnt what WebGL is.
  const autoN =
    useDescentStore((s) => s.meshAuto || (s.params.mesh === 0 ? (s.grid?.n ?? 0) : 0)) ||
    (glQualityKnown() ? meshAutoResolution() : 0);
  return (
    <details className="panel view-options" open data-testid="view-options">
      <summary>View</summary>
      <div className="view-row">
        <label>
          Height
          <select
            value={p.heightScale}
            onChange={(e) => set({ heightScale: e.target.value as 'log' | 'linear' })}
            data-testid="height-scale"
            title="Height drawn as log(1 + f − min f), or as f itself"
          >
            <option value="log">log scale</option>
            <option value="linear">linear</option>
          </select>
        </label>
        <label>
          Mesh
          <select
            value={p.mesh}
            onChange={(e) => set({ mesh: Number(e.target.value) as typeof p.mesh })}
            data-testid="mesh"
            title="Mesh points per side; auto adapts to the graphics hardware"
          >
            <option value={0}>{autoN ? `auto (${autoN}²)` : 'auto'}</option>
            <option value={48}>48²</option>
            <option value={96}>96²</option>
            <option value={160}>160²</option>
            <option value={256}>256²</option>
          </select>
        </label>
      </div>
      <button onClick={onResetCamera} data-testid="reset-camera">
        Reset camera
      </button>
    </details>
  );
}
