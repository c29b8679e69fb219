import { useMemo } from 'react';
import type { LabPrediction } from '../../../core/labs/guide';
import type { LabParamsShape } from '../../../core/labs/define';

/** The right choice, computed from core for these params; null if it could not be computed. */
function computedAnswer(q: LabPrediction<LabParamsShape>, params: LabParamsShape): number | null {
  try {
    const k = q.answer(params);
    return Number.isInteger(k) ? k : null;
  } catch {
    return null;
  }
}

/**
 * A question before the reveal: the learner picks a choice, then the step's state is shown and
 * the pick is checked against the answer the lab's own math computes for that state.
 */
export function Prediction({
  q,
  params,
  picked,
  onPick,
}: {
  q: LabPrediction<LabParamsShape>;
  params: LabParamsShape;
  picked: number | undefined;
  onPick: (k: number) => void;
}) {
  const choices = useMemo(() => q.choices(params), [q, params]);
  const answer = useMemo(
    () => (picked === undefined ? null : computedAnswer(q, params)),
    [q, params, picked],
  );
  return (
    <section className="learn-predict" aria-labelledby="learn-predict-q">
      <h4 id="learn-predict-q">Predict first</h4>
      <p>{q.question}</p>
      <div role="group" aria-label="Choices" className="learn-choices">
        {choices.map((c, k) => (
          <button
            key={c}
            aria-pressed={picked === k}
            disabled={picked !== undefined}
            data-testid={`learn-choice-${k}`}
            className={
              picked === undefined ? '' : k === answer ? 'is-right' : k === picked ? 'is-wrong' : ''
            }
            onClick={() => onPick(k)}
          >
            {c}
          </button>
        ))}
      </div>
      {picked !== undefined && (
        <p className="learn-verdict" role="status" data-testid="learn-verdict">
          {answer === null
            ? 'The outcome could not be computed for this state.'
            : answer === picked
              ? `Right: ${choices[answer]}. `
              : `Not this time: the lab computes ${choices[answer]}. `}
          {answer !== null && q.explain}
        </p>
      )}
    </section>
  );
}
