import { useEffect, useRef, useState } from 'react';
import { computeClient } from '../compute/hosts';
import type { ComputeStatus } from '../compute/client';
import { useViewStatus } from '../components/view-status';

const hostLabel: Record<ComputeStatus['host'], string> = {
  'electron-utility': 'Compute: utility process',
  'web-worker': 'Compute: Web Worker',
  'node-child': 'Compute: Node child',
};

/**
 * Which compute host is serving, how many lanes, and the state and progress of the latest run
 * started since the open view (`route`) was opened: another lab's run is not this lab's news.
 */
export function StatusBar({ route }: { route: string }) {
  const [status, setStatus] = useState<ComputeStatus>(() => computeClient().getStatus());
  useEffect(() => computeClient().subscribe(setStatus), []);
  const before = useRef({ route, runId: status.lastRun?.runId });
  if (before.current.route !== route)
    before.current = { route, runId: computeClient().getStatus().lastRun?.runId };
  const run = status.lastRun?.runId === before.current.runId ? undefined : status.lastRun;
  const pct = run && run.total > 0 ? Math.round((100 * run.done) / run.total) : 0;
  const view = useViewStatus(); // how the open lab's view is drawn (mesh, software WebGL)
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span data-testid="status-host">
        {hostLabel[status.host]} × {status.lanes}
      </span>
      <span data-testid="status-run">
        {!run
          ? 'idle'
          : run.outcome?.kind === 'diverged'
            ? `${run.sim}: diverged at step ${run.outcome.atStep} of ${run.total}`
            : `${run.sim}: ${run.state}`}
        {run && run.total > 0 && run.state !== 'diverged'
          ? ` · ${run.done}/${run.total} (${pct}%)`
          : ''}
      </span>
      {run && run.total > 0 && (
        <progress max={run.total} value={run.done} aria-label="run progress" />
      )}
      {view && <span data-testid="status-view">{view}</span>}
      {status.lastError && (
        <span className="status-error" role="status" data-testid="status-error">
          {status.lastError}
        </span>
      )}
    </footer>
  );
}
