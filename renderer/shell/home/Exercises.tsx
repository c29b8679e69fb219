import { useState } from 'react';
import type { LabParamsShape } from '../../../core/labs/define';
import { exerciseCheck, type LabExercise } from '../../../core/labs/guide';
import { Tex } from '../../components/Tex';
import type { LabDefinition } from '../../labs/types';
import { labTargetShow } from './open-target';

type Exercise = LabExercise<LabParamsShape>;

/** One practice question: type a number, check it against core's value, then read the solution. */
function ExerciseItem({ lab, ex }: { lab: LabDefinition; ex: Exercise }) {
  const [text, setText] = useState('');
  const [verdict, setVerdict] = useState<boolean | null | undefined>(undefined);
  const [tried, setTried] = useState(false);
  const check = () => {
    const v = exerciseCheck(ex, text);
    setVerdict(v);
    if (v !== null) setTried(true);
  };
  return (
    <li className="learn-exercise" data-testid={`exercise-${ex.id}`}>
      <h4>{ex.title}</h4>
      <p>{ex.prompt}</p>
      {ex.tex && <Tex tex={ex.tex} block />}
      <form
        className="learn-answer"
        onSubmit={(e) => {
          e.preventDefault();
          check();
        }}
      >
        <input
          aria-label={`Your answer: ${ex.title}`}
          inputMode="decimal"
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid={`exercise-input-${ex.id}`}
        />
        <button type="submit">Check</button>
        <button type="button" onClick={() => labTargetShow(lab, ex, ex.title)}>
          Show in the lab
        </button>
      </form>
      {verdict !== undefined && (
        <p role="status" data-testid={`exercise-verdict-${ex.id}`}>
          {verdict === null
            ? 'Type a number, for example 0.25, -1.5 or 1/4.'
            : verdict
              ? 'Right.'
              : 'Not yet: compare your steps with the worked solution.'}
        </p>
      )}
      {tried && (
        <details open={verdict === false} data-testid={`exercise-solution-${ex.id}`}>
          <summary>Worked solution</summary>
          {ex.solution().map((line) => (
            <Tex key={line} tex={line} block />
          ))}
        </details>
      )}
    </li>
  );
}

/** The lab's exercises, if it has any. */
export function Exercises({ lab }: { lab: LabDefinition }) {
  const list = (lab.def.exercises ?? []) as readonly Exercise[];
  if (list.length === 0) return null;
  return (
    <section aria-labelledby="learn-exercises">
      <h3 id="learn-exercises">Exercises</h3>
      <ul className="learn-exercises">
        {list.map((ex) => (
          <ExerciseItem key={ex.id} lab={lab} ex={ex} />
        ))}
      </ul>
    </section>
  );
}
