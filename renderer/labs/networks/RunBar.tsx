import { networksTask } from '../../../core/labs/networks/model';
import { numText } from '../../components/Tex';
import { netLive, netLiveLast } from './live';
import { useNetworksStore } from './store';
import { useThrottledSeq } from './use-throttled';
import { NET_SLOW_TICK_MS, netPause, netPlay, netReset, netSlowSet, netStep } from './use-train';

const pct = (v: number | undefined) =>
  v === undefined || !Number.isFinite(v) ? '–' : `${(100 * v).toFixed(1)} %`;
const num = (v: number | undefined) =>
  v === undefined || !Number.isFinite(v) ? '–' : numText(v, 3);

/** Play / pause / one minibatch / reset, the epoch, and the latest train and test numbers. */
export function RunBar() {
  const state = useNetworksStore((s) => s.runState);
  const message = useNetworksStore((s) => s.runMessage);
  const p = useNetworksStore((s) => s.params);
  const slow = useNetworksStore((s) => s.slow);
  useThrottledSeq(100);
  const f = netLive.frame;
  const last = netLiveLast();
  const classification = networksTask(p) === 'classification';
  const epoch = f ? f.step / f.stepsPerEpoch : 0;
  return (
    <div className="net-runbar" data-testid="net-runbar" data-state={state}>
      {/* One line that never wraps, and a message line below it that is always there: the views
          below never move while training (a moving plane made a shift-click miss its point). */}
      <div className="net-runrow">
        <button
          onClick={state === 'running' ? netPause : netPlay}
          data-testid="net-play"
          className="net-primary"
        >
          {state === 'running' ? 'Pause' : 'Play'}
        </button>
        <button
          onClick={netStep}
          disabled={state !== 'paused' && state !== 'running'}
          data-testid="net-step"
          title="One minibatch"
        >
          Step
        </button>
        <button onClick={netReset} data-testid="net-reset">
          Reset
        </button>
        <label
          className="net-check net-slow"
          title={`One minibatch every ${NET_SLOW_TICK_MS / 1000} s`}
        >
          <input
            type="checkbox"
            checked={slow}
            onChange={() => netSlowSet(!slow)}
            data-testid="net-slow"
          />
          Slow
        </label>
        <span className="net-stat" data-testid="net-epoch">
          epoch <b>{epoch.toFixed(epoch < 10 ? 2 : 0)}</b>/{p.epochs} · step {f?.step ?? 0}
        </span>
        <span className="net-stat">
          loss{' '}
          <b data-testid="net-train-loss" data-value={last?.[1] ?? ''}>
            {num(last?.[1])}
          </b>{' '}
          train · <b data-testid="net-test-loss">{num(last?.[2])}</b> test
        </span>
        {classification ? (
          <span className="net-stat">
            accuracy <b>{pct(last?.[3])}</b> train ·{' '}
            <b data-testid="net-test-acc" data-value={last?.[4] ?? ''}>
              {pct(last?.[4])}
            </b>{' '}
            test
          </span>
        ) : null}
      </div>
      <span
        className={`net-message ${state === 'diverged' || state === 'failed' ? 'net-error' : ''}`}
        role="status"
        data-testid="net-run-message"
      >
        {message || '\u00a0'}
      </span>
    </div>
  );
}
