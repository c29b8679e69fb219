import 'katex/dist/katex.min.css';
import './losses.css';
import { useState } from 'react';
import { LOSSES_PRESETS } from '../../../core/labs/losses/presets';
import type { LossesView } from '../../../core/labs/losses/params';
import { ClassifyView } from './ClassifyView';
import { CurvesView } from './CurvesView';
import { FitView } from './FitView';
import { LikelihoodView } from './LikelihoodView';
import { useLossesStore } from './store';
import { CurvesControls, FitControls } from './CurvesFitControls';
import { ClassifyControls, LikelihoodControls } from './LikelihoodClassifyControls';

const VIEWS: [LossesView, string][] = [
  ['curves', 'Curves'],
  ['outliers', 'Outliers'],
  ['likelihood', 'Likelihoods'],
  ['classify', 'Classifier'],
];

/**
 * Losses lab: regression and classification losses beside their derivatives; a fit that one
 * dragged outlier can or cannot ruin (with its influence computed in compute); the noise each loss
 * assumes; and a linear classifier trained with logistic, hinge or focal loss, point by point.
 */
export default function LossesLab() {
  const params = useLossesStore((s) => s.params);
  const setParams = useLossesStore((s) => s.setParams);
  const storyId = useLossesStore((s) => s.storyId);
  const runError = useLossesStore((s) => s.runError);
  const [story, setStory] = useState<string | null>(null);
  const shown = LOSSES_PRESETS.find((p) => p.id === storyId && p.story === story);
  return (
    <div className="lab loss-lab" data-testid="lab-losses">
      <aside className="lab-controls" aria-label="Controls">
        <h2>Losses</h2>
        <div className="loss-tabs" role="tablist" aria-label="View">
          {VIEWS.map(([id, label]) => (
            <button
              key={id}
              role="tab"
              aria-selected={params.view === id}
              onClick={() => setParams({ view: id })}
              data-testid={`tab-${id}`}
            >
              {label}
            </button>
          ))}
        </div>
        <div className="loss-presets" role="group" aria-label="Stories">
          {LOSSES_PRESETS.map((p) => (
            <button
              key={p.id}
              aria-pressed={storyId === p.id}
              data-testid={`loss-preset-${p.id}`}
              onClick={() => {
                useLossesStore.getState().storyApply(p.id);
                setStory(p.story);
              }}
            >
              {p.title}
            </button>
          ))}
        </div>
        {shown && <p className="loss-story">{shown.story}</p>}
        {runError && <p className="notice">Compute failed: {runError}</p>}
        {params.view === 'curves' && <CurvesControls params={params} />}
        {params.view === 'outliers' && <FitControls params={params} />}
        {params.view === 'likelihood' && <LikelihoodControls params={params} />}
        {params.view === 'classify' && <ClassifyControls params={params} />}
      </aside>
      <div className={`loss-views loss-views-${params.view}`} role="tabpanel">
        {params.view === 'curves' && <CurvesView params={params} />}
        {params.view === 'outliers' && <FitView params={params} />}
        {params.view === 'likelihood' && <LikelihoodView params={params} />}
        {params.view === 'classify' && <ClassifyView params={params} />}
      </div>
    </div>
  );
}
