import { useEffect, useState } from 'react';
import type { ExprFailure } from '../../../core/math/expr-errors';

/** The failure in a model's result, or null when it read and computed. */
export const failure = (r: { readonly ok: true } | ExprFailure): ExprFailure | null =>
  r.ok ? null : r;

/**
 * A text field for a typed function. The text is read when the person presses Enter or leaves the
 * field: if the engine reads it, `onApply` gets it; if not, its message shows under the field and
 * the function already drawn stays. A new value from outside (a story, a scene) replaces the text.
 */
export function FunctionInput({
  label,
  value,
  check,
  onApply,
  testId,
}: {
  label: string;
  value: string;
  /** The engine's verdict on the text: null when it reads, else its message. */
  check(source: string): ExprFailure | null;
  onApply(source: string): void;
  testId: string;
}) {
  const [text, setText] = useState(value);
  const [problem, setProblem] = useState<ExprFailure | null>(null);
  useEffect(() => {
    setText(value);
    setProblem(null);
  }, [value]);
  const apply = () => {
    if (text === value) {
      setProblem(null);
      return;
    }
    const failure = check(text);
    setProblem(failure);
    if (!failure) onApply(text);
  };
  return (
    <label className="calc-input">
      <span>{label}</span>
      <input
        type="text"
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
        }}
        onBlur={apply}
        aria-invalid={problem ? true : undefined}
        data-testid={testId}
      />
      {problem && (
        <span className="calc-input-error" role="alert" data-testid={`${testId}-error`}>
          {problem.message}
        </span>
      )}
    </label>
  );
}
