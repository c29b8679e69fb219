import { useDescentStore } from './store';

/** Start point, run length, seed and how the surface is drawn. */
export function ViewOptions({ onResetCamera }: { onResetCamera(): void }) {
  const p = useDescentStore((s) => s.params);
  const set = useDescentStore((s) => s.setParams);
  return (
    <fieldset className="panel">
      <legend>Run and view</legend>
      <p className="readout" data-testid="start-point">
        Start ({p.start[0].toFixed(3)}, {p.start[1].toFixed(3)}) — click either view to move it
      </p>
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
      <label>
        Height
        <select
          value={p.heightScale}
          onChange={(e) => set({ heightScale: e.target.value as 'log' | 'linear' })}
        >
          <option value="log">log(1 + f − min f)</option>
          <option value="linear">f</option>
        </select>
      </label>
      <label>
        Mesh
        <select
          value={p.mesh}
          onChange={(e) => set({ mesh: Number(e.target.value) as typeof p.mesh })}
        >
          <option value={0}>auto (adapts to the GPU)</option>
          <option value={48}>48²</option>
          <option value={96}>96²</option>
          <option value={160}>160²</option>
          <option value={256}>256²</option>
        </select>
      </label>
      <button onClick={onResetCamera}>Reset camera</button>
    </fieldset>
  );
}
