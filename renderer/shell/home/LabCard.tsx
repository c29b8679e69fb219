import { Suspense } from 'react';
import type { LabDefinition } from '../../labs/types';
import { learnStart } from './learn-store';

/** One lab on the map: its picture, number on the path, title and question, and its tours. */
export function LabCard({ lab, step }: { lab: LabDefinition; step: number }) {
  const { def } = lab;
  const tours = def.tours ?? [];
  const stories = def.presets.length;
  return (
    <li className="home-card">
      <a href={`#/${lab.id}`} data-testid={`lab-link-${lab.id}`} className="home-card-link">
        <span className="lab-thumb" aria-hidden="true">
          <Suspense fallback={null}>
            <lab.thumbnail />
          </Suspense>
        </span>
        <span className="home-card-head">
          <span className="home-step" aria-label={`Step ${step} of the suggested path`}>
            {step}
          </span>
          <strong>{lab.title}</strong>
        </span>
        <span className={def.curriculum ? 'home-question' : 'home-question is-summary'}>
          {def.curriculum?.question ?? lab.summary}
        </span>
        {def.curriculum && <span className="home-summary">{lab.summary}</span>}
      </a>
      <span className="home-card-foot">
        <span className="home-counts">
          {stories} {stories === 1 ? 'story' : 'stories'}
          {def.views?.length ? ` · ${def.views.length} views` : ''}
        </span>
        {tours.map((t) => (
          <button
            key={t.id}
            className="home-tour"
            data-testid={`tour-start-${lab.id}-${t.id}`}
            title={t.summary}
            onClick={() => learnStart(lab.id, t.id)}
          >
            Guided tour · {t.steps.length} steps
          </button>
        ))}
      </span>
    </li>
  );
}
