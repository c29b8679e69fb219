import 'katex/dist/katex.min.css';
import './statistics.css';
import { useState } from 'react';
import { STATS_PRESETS } from '../../../core/labs/statistics/presets';
import type { StatsView } from '../../../core/labs/statistics/params';
import { BayesControls, BayesView } from './BayesView';
import { BiasVarianceView } from './BiasVarianceView';
import { LikelihoodView } from './LikelihoodView';
import { MleControls } from './MleControls';
import { BvControls } from './Controls';
import { useStatsStore } from './store';
import { useBvRun } from './use-bv-run';

const TABS: [StatsView, string][] = [
  ['bias-variance', 'Bias and variance'],
  ['likelihood', 'Likelihood and prior'],
  ['bayes', 'Bayesian line'],
];

/**
 * Statistics of learning: bias and variance measured by drawing many training sets, fitting every
 * polynomial degree to each in compute, and scoring the fits on fresh data.
 */
export default function StatisticsLab() {
  const params = useStatsStore((s) => s.params);
  const storyId = useStatsStore((s) => s.storyId);
  const runError = useStatsStore((s) => s.runError);
  const [storyShown, setStoryShown] = useState(false);
  useBvRun(params.view === 'bias-variance');
  // A story's text stays while what it set is still on screen.
  const story = storyShown
    ? STATS_PRESETS.find(
        (p) =>
          p.id === storyId &&
          p.params.view === params.view &&
          JSON.stringify(p.params.bv ?? p.params.mle) ===
            JSON.stringify(p.params.bv ? params.bv : params.mle),
      )
    : undefined;
  return (
    <div className="lab stats-lab" data-testid="lab-statistics">
      <aside className="lab-controls" aria-label="Controls">
        <h2>Statistics of learning</h2>
        <div className="stats-tabs" role="tablist" aria-label="View">
          {TABS.map(([id, label]) => (
            <button
              key={id}
              role="tab"
              aria-selected={params.view === id}
              onClick={() => useStatsStore.getState().setParams({ view: id })}
              data-testid={`tab-${id}`}
            >
              {label}
            </button>
          ))}
        </div>
        <div className="stats-presets" role="group" aria-label="Stories">
          {STATS_PRESETS.filter((p) => p.params.view === params.view).map((p) => (
            <button
              key={p.id}
              aria-pressed={story?.id === p.id}
              data-testid={`stats-preset-${p.id}`}
              onClick={() => {
                useStatsStore.getState().storyApply(p.id);
                setStoryShown(true);
              }}
            >
              {p.title}
            </button>
          ))}
        </div>
        {story && (
          <p className="stats-story" data-testid="stats-story">
            {story.story}
          </p>
        )}
        {runError && <p className="notice">Compute failed: {runError}</p>}
        {params.view === 'bias-variance' && <BvControls bv={params.bv} />}
        {params.view === 'likelihood' && <MleControls mle={params.mle} />}
        {params.view === 'bayes' && <BayesControls blr={params.blr} />}
      </aside>
      <div className="stats-views" role="tabpanel" data-tab={params.view}>
        {params.view === 'bias-variance' && <BiasVarianceView params={params} />}
        {params.view === 'likelihood' && <LikelihoodView params={params} />}
        {params.view === 'bayes' && <BayesView params={params} />}
      </div>
    </div>
  );
}
