import { networksLab } from '../../../core/labs/networks/lab';
import { DataControls } from './DataControls';
import { NetControls } from './NetControls';
import { useNetworksStore } from './store';

/** The controls panel: stories, data, network and training. */
export function Controls() {
  const storyId = useNetworksStore((s) => s.storyId);
  const storyApply = useNetworksStore((s) => s.storyApply);
  const story = networksLab.presets.find((s) => s.id === storyId);
  return (
    <aside className="lab-controls net-controls" aria-label="Controls">
      <label>
        Story
        <select
          value={storyId ?? ''}
          onChange={(e) => storyApply(e.target.value)}
          data-testid="net-story"
        >
          {storyId ? null : <option value="">(your own settings)</option>}
          {networksLab.presets.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      {story ? <p className="net-story">{story.story}</p> : null}
      <DataControls />
      <NetControls />
    </aside>
  );
}
