// The 3D camera must show the racers: for every story, the framed camera sees (nearly) every path.
import { describe, expect, it } from 'vitest';
import { descentRaceSim, type DescentRaceFrame } from '../../core/sim/descent-race';
import {
  CAMERA_DEFAULT,
  cameraFrame,
  cameraPathShares,
} from '../../renderer/components/camera-frame';
import { surfaceMappingCreate, type SurfaceGrid } from '../../renderer/components/surface-mapping';
import { labPresetParams } from '../../core/labs/define';
import { descentLab } from '../../core/labs/descent/lab';
import { DESCENT_DEFAULTS, DESCENT_PRESETS } from '../../core/labs/descent/presets';

const descentPresetParams = (
  p: (typeof DESCENT_PRESETS)[number],
  current: typeof DESCENT_DEFAULTS,
) => labPresetParams(descentLab, p, current);

type Path = Extract<DescentRaceFrame, { kind: 'trajectory' }>;

function raceOf(id: string) {
  const p = descentPresetParams(
    DESCENT_PRESETS.find((x) => x.id === id)!,
    DESCENT_DEFAULTS,
  );
  const run = descentRaceSim.start({ ...p, grid: 64 });
  let grid: SurfaceGrid | null = null;
  const paths: Path[] = [];
  for (let r = run.next(); !r.done; r = run.next()) {
    const f = r.value.frame;
    if (f?.kind === 'surface') grid = { n: f.n, domain: f.domain, values: f.values };
    else if (f) paths.push(f);
  }
  return { grid: grid!, mapping: surfaceMappingCreate(grid!, p.heightScale), paths };
}

describe('3D camera framing', () => {
  it.each(DESCENT_PRESETS.map((p) => p.id))('%s: every racer path is in sight', (id) => {
    const { grid, mapping, paths } = raceOf(id);
    const view = cameraFrame(grid, mapping, paths);
    for (const share of cameraPathShares(view, grid, mapping, paths))
      expect(share).toBeGreaterThanOrEqual(0.9);
    // The camera stays above the surface's box and outside it.
    expect(view.position[1]).toBeGreaterThan(1);
    expect(Math.hypot(view.position[0], view.position[2])).toBeGreaterThan(1.2);
  });

  it('the old fixed camera hid the narrow valley floor behind its near wall', () => {
    const { grid, mapping, paths } = raceOf('valley');
    const shares = cameraPathShares(CAMERA_DEFAULT, grid, mapping, paths);
    expect(Math.max(...shares)).toBeLessThan(0.5);
  });
});
