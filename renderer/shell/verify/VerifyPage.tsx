import { useEffect, useState } from 'react';
import { labDefById } from '../../../core/labs/registry';
import { VERIFY_CHECKS, type VerifyCheck } from '../../../core/sim/verify';
import './verify.css';
import { VerifyGroup } from './VerifyGroup';
import { useVerifyStore, verifyRun, verifyStop } from './verify-store';

/** The check named in the hash (`#/verify?check=<id>`), if any. */
function hashCheck(): string | null {
  const query = window.location.hash.split('?')[1] ?? '';
  return new URLSearchParams(query).get('check');
}

function useHashCheck(): string | null {
  const [id, setId] = useState(hashCheck);
  useEffect(() => {
    const on = () => setId(hashCheck());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return id;
}

const matches = (c: VerifyCheck, words: string[]) => {
  const text = `${c.name} ${c.compares} ${c.id} ${c.lab} ${labDefById(c.lab)?.title ?? ''}`;
  const lower = text.toLowerCase();
  return words.every((w) => lower.includes(w));
};

/**
 * "How we know it's right": the app's own checks, run on demand in the compute process on this
 * machine. Every number on the page is measured by the run; nothing is stored.
 */
export default function VerifyPage() {
  const focus = useHashCheck();
  const { rows, running, done, total, filter, error } = useVerifyStore();
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = VERIFY_CHECKS.filter((c) => matches(c, words));
  const byLab = new Map<string, VerifyCheck[]>();
  for (const c of shown) byLab.set(c.lab, [...(byLab.get(c.lab) ?? []), c]);
  const groups = [...byLab];
  const measured = Object.values(rows);
  const passed = measured.filter((r) => r.pass).length;
  useEffect(() => verifyStop, []);
  useEffect(() => {
    if (focus) document.getElementById(`check-${focus}`)?.scrollIntoView({ block: 'center' });
  }, [focus]);
  return (
    <section className="verify" aria-labelledby="verify-title" data-testid="verify-page">
      <header className="verify-head">
        <div>
          <h1 id="verify-title">How we know it’s right</h1>
          <p>
            Each check compares what the app computes with an independent computation: a central
            difference, a closed form or an invariant. They run in the compute process on this
            machine when you ask, and every number below comes from that run. Derivatives are
            compared with (f(x + h) − f(x − h)) / 2h, h = 10⁻⁵·max(1, |x|); a relative error is |a −
            b| / max(1, |a|, |b|), the largest over all the values compared.
          </p>
        </div>
        <div className="verify-actions">
          <button
            className="verify-run"
            onClick={() => verifyRun()}
            disabled={running}
            data-testid="verify-run-all"
          >
            {running ? 'Running…' : 'Run all'}
          </button>
          <input
            type="search"
            aria-label="Filter checks"
            placeholder="Filter: softmax, Hessian, lasso…"
            value={filter}
            onChange={(e) => useVerifyStore.setState({ filter: e.target.value })}
            data-testid="verify-filter"
          />
        </div>
      </header>
      <div className="verify-status" role="status" data-testid="verify-summary">
        {running && <progress value={done} max={Math.max(1, total)} aria-label="Checks run" />}
        {running
          ? `Running check ${Math.min(done + 1, total)} of ${total}…`
          : measured.length === 0
            ? `${VERIFY_CHECKS.length} checks, not run yet.`
            : `${passed} of ${measured.length} checks pass (${Math.round(measured.reduce((t, r) => t + r.ms, 0))} ms of computing).`}
        {error && <span className="verify-error"> The run failed: {error}</span>}
      </div>
      {groups.length === 0 && <p>No check matches “{filter}”.</p>}
      {groups.map(([lab, checks]) => (
        <VerifyGroup
          key={lab}
          lab={lab}
          title={labDefById(lab)?.title ?? lab}
          checks={checks}
          focus={focus}
        />
      ))}
    </section>
  );
}
