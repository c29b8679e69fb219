import type { VerifyCheck } from '../../../core/sim/verify';
import { useVerifyStore, verifyNumber, verifyRun } from './verify-store';

/** One lab's checks as a table: what is compared, the error measured, the tolerance, the verdict. */
export function VerifyGroup({
  lab,
  title,
  checks,
  focus,
}: {
  lab: string;
  title: string;
  checks: readonly VerifyCheck[];
  focus: string | null;
}) {
  const rows = useVerifyStore((s) => s.rows);
  const running = useVerifyStore((s) => s.running);
  const passed = checks.filter((c) => rows[c.id]?.pass).length;
  const measured = checks.filter((c) => rows[c.id]).length;
  return (
    <section
      className="verify-group"
      aria-labelledby={`verify-${lab}`}
      data-testid={`verify-group-${lab}`}
    >
      <header>
        <h2 id={`verify-${lab}`}>{title}</h2>
        <span className="verify-count">
          {measured === 0 ? `${checks.length} checks` : `${passed} of ${checks.length} pass`}
        </span>
        <button onClick={() => verifyRun(checks.map((c) => c.id))} disabled={running}>
          Run these
        </button>
        <a href={`#/${lab}`}>Open the {title} lab →</a>
      </header>
      <table>
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Error measured</th>
            <th scope="col">Tolerance</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {checks.map((c) => {
            const r = rows[c.id];
            const state = r ? (r.pass ? 'pass' : 'fail') : 'idle';
            return (
              <tr
                key={c.id}
                id={`check-${c.id}`}
                data-testid={`verify-row-${c.id}`}
                data-state={state}
                className={focus === c.id ? 'verify-focus' : undefined}
              >
                <th scope="row">
                  <span className="verify-name">{c.name}</span>
                  <span className="verify-compares">{c.compares}</span>
                </th>
                <td className="verify-num" data-testid="verify-error">
                  {r ? verifyNumber(r.error) : '—'}
                  <span className="verify-sub">
                    {c.measure}
                    {r ? `, ${r.count} values, ${r.ms < 1 ? '< 1' : Math.round(r.ms)} ms` : ''}
                  </span>
                </td>
                <td className="verify-num">{verifyNumber(c.tolerance)}</td>
                <td>
                  <span className={`verify-verdict ${state}`}>
                    {state === 'pass' ? '✓ Pass' : state === 'fail' ? '✗ Fail' : 'Not run'}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
