import { useEffect } from 'react';
import { glQualityKnown } from '../../components/gl-quality';
import { viewStatusSet } from '../../components/view-status';
import { useDescentStore } from './store';

/** How the 3D view is drawn, in words: the mesh and why "auto" chose it, and software WebGL's cuts. */
export function descentViewStatusText(v: {
  n: number | undefined;
  auto: boolean;
  slowMs: number | null;
  software: boolean;
}): string | null {
  if (!v.n) return null;
  const mesh = `3D mesh ${v.n}×${v.n}${v.auto ? ' (auto' : ''}${v.auto && v.slowMs !== null ? `, lowered: frames took ${v.slowMs} ms` : ''}${v.auto ? ')' : ''}`;
  return v.software ? `${mesh} · software WebGL: no antialiasing` : mesh;
}

/** Keeps the status bar's view line on the Descent 3D view while the lab is open. */
export function useDescentViewStatus(): void {
  const n = useDescentStore((s) => s.grid?.n);
  const auto = useDescentStore((s) => s.params.mesh === 0);
  const slowMs = useDescentStore((s) => s.meshSlowMs);
  // Known by the time a grid is drawn: the 3D view learns it as it mounts (never probed here).
  const software = glQualityKnown()?.software ?? false;
  const text = descentViewStatusText({ n, auto, slowMs, software });
  useEffect(() => viewStatusSet(text), [text]);
  useEffect(() => () => viewStatusSet(null), []);
}
