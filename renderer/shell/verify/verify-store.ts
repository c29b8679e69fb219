/**
 * The verification page's state: the rows measured by the last run of the "verify" simulation in
 * compute (nothing is kept between page loads), the run's progress, and the filter.
 */
import { create } from 'zustand';
import type { VerifyRow } from '../../../core/sim/verify';
import { computeClient } from '../../compute/hosts';

export interface VerifyState {
  rows: Readonly<Record<string, VerifyRow>>;
  running: boolean;
  done: number;
  total: number;
  filter: string;
  error: string | null;
}

export const useVerifyStore = create<VerifyState>(() => ({
  rows: {},
  running: false,
  done: 0,
  total: 0,
  filter: '',
  error: null,
}));

let cancel: (() => void) | null = null;

/** Runs the given checks (all when `ids` is absent) in compute; rows arrive as they are measured. */
export function verifyRun(ids?: readonly string[]): void {
  cancel?.();
  useVerifyStore.setState((s) => {
    const rows = { ...s.rows };
    for (const id of ids ?? Object.keys(rows)) delete rows[id];
    return { rows, running: true, done: 0, total: ids?.length ?? 0, error: null };
  });
  const handle = computeClient().run('verify', ids ? { ids: [...ids] } : {}, {
    onFrame: (row) => useVerifyStore.setState((s) => ({ rows: { ...s.rows, [row.id]: row } })),
    onProgress: (p) => useVerifyStore.setState({ done: p.done, total: p.total }),
    onResult: () => {
      cancel = null;
      useVerifyStore.setState({ running: false });
    },
    onError: (e) => {
      cancel = null;
      useVerifyStore.setState({ running: false, error: e.message });
    },
  });
  cancel = () => handle.cancel();
}

/** Stops a run in progress (the page closing). */
export function verifyStop(): void {
  cancel?.();
  cancel = null;
  useVerifyStore.setState({ running: false });
}

export { verifyNumber } from './verify-format';
