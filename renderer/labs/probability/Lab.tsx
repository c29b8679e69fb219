import 'katex/dist/katex.min.css';
import './probability.css';
import { useState } from 'react';
import { PROB_PRESETS, type ProbTab } from '../../../core/labs/probability/params';
import { CalibrationView } from './CalibrationView';
import { EntropyView } from './EntropyView';
import { JacobianView } from './JacobianView';
import { LseView } from './LseView';
import { SoftmaxView } from './SoftmaxView';
import { useProbStore } from './store';
import { CalibrationControls, EntropyControls } from './DataControls';
import { LseControls, SoftmaxControls } from './TabControls';

const TABS: [ProbTab, string][] = [
  ['softmax', 'Softmax'],
  ['jacobian', 'Jacobian'],
  ['lse', 'Log-sum-exp'],
  ['entropy', 'Entropy and KL'],
  ['calibration', 'Calibration'],
];

/**
 * Probability lab: softmax and temperature, its Jacobian and the cross-entropy gradient,
 * log-sum-exp in three precisions, entropy and KL, and calibration. One view per tab; the tab is
 * part of the params, so a scene or deck step opens on the view it was saved on.
 */
export default function ProbabilityLab() {
  const params = useProbStore((s) => s.params);
  const tab = params.tab;
  const storyId = useProbStore((s) => s.storyId);
  const [storyShown, setStoryShown] = useState(false);
  // A story's text stays while what it set is still on screen (moving a slider it set ends it).
  const story = storyShown
    ? PROB_PRESETS.find(
        (p) =>
          p.id === storyId &&
          Object.entries(p.params).every(
            ([key, v]) => JSON.stringify(params[key as keyof typeof params]) === JSON.stringify(v),
          ),
      )
    : undefined;
  // Each story opens on its own view; the panel lists the stories of the view on screen.
  const stories = PROB_PRESETS.filter((p) => p.params.tab === tab);
  return (
    <div className="lab prob-lab" data-testid="lab-probability">
      <aside className="lab-controls" aria-label="Controls">
        <h2>Probability</h2>
        <div className="prob-tabs" role="tablist" aria-label="View">
          {TABS.map(([id, label]) => (
            <button
              key={id}
              role="tab"
              aria-selected={tab === id}
              onClick={() => useProbStore.getState().setParams({ tab: id })}
              data-testid={`tab-${id}`}
            >
              {label}
            </button>
          ))}
        </div>
        <div className="prob-presets" role="group" aria-label="Stories for this view">
          {stories.map((p) => (
            <button
              key={p.id}
              aria-pressed={story?.id === p.id}
              data-testid={`prob-preset-${p.id}`}
              onClick={() => {
                useProbStore.getState().storyApply(p.id);
                setStoryShown(true);
              }}
            >
              {p.title}
            </button>
          ))}
        </div>
        {story && (
          <p className="prob-story" data-testid="prob-story">
            {story.story}
          </p>
        )}
        {(tab === 'softmax' || tab === 'jacobian') && (
          <SoftmaxControls withTarget={tab === 'jacobian'} />
        )}
        {tab === 'lse' && <LseControls />}
        {tab === 'entropy' && <EntropyControls />}
        {tab === 'calibration' && <CalibrationControls />}
      </aside>
      <section className={`prob-views prob-views-${tab}`} role="tabpanel" data-tab={tab}>
        {tab === 'softmax' && <SoftmaxView />}
        {tab === 'jacobian' && <JacobianView />}
        {tab === 'lse' && <LseView />}
        {tab === 'entropy' && <EntropyView />}
        {tab === 'calibration' && <CalibrationView />}
      </section>
    </div>
  );
}
