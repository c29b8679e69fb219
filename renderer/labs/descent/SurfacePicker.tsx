import { useEffect, useState } from 'react';
import { SURFACES } from '../../../core/ml/surfaces';
import { surfaceCustomCreate } from '../../../core/ml/surface-custom';
import { ParamSlider } from '../../components/ParamSlider';
import { useDescentStore } from './store';
import { descentCameraReframe } from './use-camera-frame';

const CUSTOM = '__custom__';

/** Built-in surface with its parameters, or a typed f(x, y) with its box and a pointed error. */
export function SurfacePicker() {
  const spec = useDescentStore((s) => s.params.surface);
  const setParams = useDescentStore((s) => s.setParams);
  const builtin = spec.kind === 'builtin' ? SURFACES.find((s) => s.id === spec.id) : undefined;
  const [draft, setDraft] = useState(
    spec.kind === 'custom' ? spec.expr : '(1 - x)^2 + 5*(y - x^2)^2',
  );
  const [box, setBox] = useState(
    spec.kind === 'custom' ? spec.domain : { xMin: -2, xMax: 2, yMin: -1, yMax: 3 },
  );
  const [problem, setProblem] = useState<{ message: string; column?: number } | null>(null);
  useEffect(() => {
    if (spec.kind === 'custom') {
      setDraft(spec.expr);
      setBox(spec.domain);
    }
  }, [spec]);

  const apply = () => {
    const made = surfaceCustomCreate(draft, box);
    if (!made.ok) {
      setProblem({ message: made.message, column: made.column });
      return; // the current surface stays as it was
    }
    setProblem(made.warning ? { message: made.warning } : null);
    setParams({
      surface: { kind: 'custom', expr: draft, domain: box },
      start: [made.surface.start.x, made.surface.start.y],
    });
    descentCameraReframe();
  };

  return (
    <fieldset className="panel">
      <legend>Surface</legend>
      <select
        value={spec.kind === 'custom' ? CUSTOM : spec.id}
        data-testid="surface-select"
        aria-label="Surface"
        onChange={(e) => {
          if (e.target.value === CUSTOM) return apply();
          const s = SURFACES.find((x) => x.id === e.target.value)!;
          setParams({
            surface: { kind: 'builtin', id: s.id, params: { ...s.paramValues } },
            start: [s.start.x, s.start.y],
          });
          descentCameraReframe();
        }}
      >
        {SURFACES.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
        <option value={CUSTOM}>Custom f(x, y)…</option>
      </select>
      {builtin &&
        spec.kind === 'builtin' &&
        builtin.params.map((p) => (
          <ParamSlider
            key={p.id}
            spec={p}
            value={spec.params?.[p.id] ?? p.default}
            onChange={(v) =>
              setParams({ surface: { ...spec, params: { ...spec.params, [p.id]: v } } })
            }
          />
        ))}
      <details open={spec.kind === 'custom'}>
        <summary>Type your own f(x, y)</summary>
        <form
          className="custom-form"
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <input
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            spellCheck={false}
            aria-label="f(x, y)"
            data-testid="custom-expr"
          />
          <div className="box-inputs">
            {(['xMin', 'xMax', 'yMin', 'yMax'] as const).map((k) => (
              <label key={k}>
                {k}
                <input
                  type="number"
                  step="any"
                  value={box[k]}
                  onChange={(e) => setBox({ ...box, [k]: Number(e.target.value) })}
                />
              </label>
            ))}
          </div>
          <button type="submit" data-testid="custom-apply">
            Use this function
          </button>
        </form>
        {problem && (
          <p className="notice" role="alert" data-testid="custom-error">
            {problem.message}
            {problem.column !== undefined && (
              <>
                <br />
                <code className="caret">
                  {draft}
                  {'\n'}
                  {' '.repeat(Math.max(0, problem.column - 1))}^
                </code>
              </>
            )}
          </p>
        )}
      </details>
    </fieldset>
  );
}
