import 'katex/dist/katex.min.css';
import './statistics.css';
import { useState } from 'react';
import { STATS_PRESETS } from '../../../core/labs/statistics/presets';
import { BiasVarianceView } from './BiasVarianceView';
import { BvControls } from './Controls';
import { useStatsStore } from './store';
import { useBvRun } from './use-bv-run';

/**
 * Statistics of learning: bias and variance measured by drawing many training sets, fitting every
 * polynomial degree to each in compute, and scoring the fits on fresh data.
 */
export default function StatisticsLab() {
  const params = useStatsStore((s) => s.params);
  const storyId = useStatsStore((s) => s.storyId);
  const runError = useStatsStore((s) => s.runError);
  const [storyShown, setStoryShown] = useState(false);
  useBvRun();
  // A story's text stays while what it set is still on screen.
  const story = storyShown
    ? STATS_PRESETS.find(
        (p) => p.id === storyId && JSON.stringify(p.params.bv) === JSON.stringify(params.bv),
      )
    : undefined;
  return (
    <div className="lab stats-lab" data-testid="lab-statistics">
      <aside className="lab-controls" aria-label="Controls">
        <h2>Statistics of learning</h2>
        <div className="stats-presets" role="group" aria-label="Stories">
          {STATS_PRESETS.map((p) => (
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
        <BvControls bv={params.bv} />
      </aside>
      <div className="stats-views" role="tabpanel">
        <BiasVarianceView params={params} />
      </div>
    </div>
  );
}
