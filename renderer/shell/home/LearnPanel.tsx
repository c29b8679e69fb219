import { useEffect, useMemo } from 'react';
import type { LabParamsShape } from '../../../core/labs/define';
import { labTargetParams, type LabTour } from '../../../core/labs/guide';
import { LABS } from '../../labs/registry';
import type { LabDefinition } from '../../labs/types';
import { labTargetShow } from './open-target';
import { learnStart, useLearnStore } from './learn-store';
import { Exercises } from './Exercises';
import { Prediction } from './Prediction';
import './learn.css';

type Tour = LabTour<LabParamsShape>;

/**
 * The Learn side panel: walks a lab's guided tour one step at a time. Each step's state is shown
 * as a scene through the lab's toolkit (from the defaults, so every learner sees the same); a
 * step with a prediction waits for the learner's pick, or a skip, before it shows anything.
 */
export function LearnPanel({ lab }: { lab: LabDefinition | undefined }) {
  const { open, labId, tourId } = useLearnStore();
  if (!open || !lab) return null;
  const tour = labId === lab.id ? lab.def.tours?.find((t) => t.id === tourId) : undefined;
  return (
    <aside className="learn-panel" aria-label="Learn" data-testid="learn-panel">
      <header className="learn-head">
        <h2>Learn</h2>
        <button
          onClick={() => useLearnStore.setState({ open: false })}
          title="Hide the panel; Learn in the header brings it back at the same step"
          data-testid="learn-hide"
        >
          Hide
        </button>
      </header>
      {tour ? <TourSteps key={tour.id} lab={lab} tour={tour} /> : <TourChooser lab={lab} />}
    </aside>
  );
}

function TourChooser({ lab }: { lab: LabDefinition }) {
  const tours = lab.def.tours ?? [];
  const elsewhere = LABS.filter((l) => l.id !== lab.id && l.def.tours?.length);
  return (
    <div className="learn-body">
      {tours.length === 0 && <Exercises lab={lab} />}
      {tours.length === 0 ? (
        <p>{lab.title} has no guided tour yet. These labs have one:</p>
      ) : (
        <p>Guided tours through {lab.title}:</p>
      )}
      <ul className="learn-tours">
        {(tours.length ? [lab] : elsewhere).flatMap((l) =>
          (l.def.tours ?? []).map((t) => (
            <li key={`${l.id}-${t.id}`}>
              <button
                data-testid={`learn-tour-${l.id}-${t.id}`}
                onClick={() => learnStart(l.id, t.id)}
              >
                <strong>{t.title}</strong>
                <span>
                  {l.id === lab.id ? '' : `${l.title} · `}
                  {t.steps.length} steps. {t.summary}
                </span>
              </button>
            </li>
          )),
        )}
      </ul>
      {tours.length > 0 && <Exercises lab={lab} />}
    </div>
  );
}

function TourSteps({ lab, tour }: { lab: LabDefinition; tour: Tour }) {
  const { step: k, picked, shown } = useLearnStore();
  const step = tour.steps[Math.min(k, tour.steps.length - 1)];
  const params = useMemo(() => labTargetParams(lab.def, step), [lab, step]);
  const key = `${tour.id}:${k}`;
  const waiting = !!step.predict && picked[k] === undefined && shown !== key;
  const show = () => {
    if (labTargetShow(lab, step, `${tour.title}: ${k + 1}. ${step.title}`, 'defaults'))
      useLearnStore.setState({ shown: key });
  };
  useEffect(() => {
    if (!waiting) show();
    // Shown once per step (and again on request): waiting becomes false after a pick.
  }, [key, waiting]);
  const go = (to: number) => useLearnStore.setState({ step: to });
  const last = tour.steps.length - 1;
  return (
    <div className="learn-body" data-testid="learn-step" data-step={k} data-shown={shown === key}>
      <h3 className="learn-tour-title">
        {tour.title}{' '}
        <button
          className="home-link-button"
          onClick={() => useLearnStore.setState({ tourId: null })}
          data-testid="learn-all"
        >
          All tours and exercises
        </button>
      </h3>
      <ol className="learn-dots" aria-label="Steps">
        {tour.steps.map((s, i) => (
          <li key={s.title}>
            <button
              aria-current={i === k ? 'step' : undefined}
              aria-label={`Step ${i + 1}: ${s.title}`}
              onClick={() => go(i)}
            />
          </li>
        ))}
      </ol>
      <p className="learn-count">
        Step {k + 1} of {tour.steps.length}
      </p>
      <h4 className="learn-step-title">{step.title}</h4>
      <p>{step.text}</p>
      {step.predict && (
        <Prediction
          q={step.predict}
          params={params}
          picked={picked[k]}
          onPick={(c) => useLearnStore.setState({ picked: { ...picked, [k]: c } })}
        />
      )}
      {waiting ? (
        <button className="learn-skip" onClick={show} data-testid="learn-skip">
          Show it without predicting
        </button>
      ) : (
        <>
          <h4>Look at</h4>
          <p>{step.look}</p>
          <h4>Try this</h4>
          <p>{step.act}</p>
          <button className="learn-again" onClick={show} title="Put this step’s state back">
            Reset this step
          </button>
        </>
      )}
      <nav className="learn-nav" aria-label="Tour">
        <button onClick={() => go(k - 1)} disabled={k === 0} data-testid="learn-back">
          Back
        </button>
        <button onClick={() => go(k + 1)} disabled={k === last} data-testid="learn-next">
          Next
        </button>
      </nav>
    </div>
  );
}
