import { descentStoryShown } from '../../../core/labs/descent/story';
import { useDescentStore } from './store';

/** Choosing a story: its params, racer 0 selected, and its caption. */
export function descentStoryChoose(id: string): void {
  useDescentStore.getState().storyApply(id);
  useDescentStore.setState((st) => ({ selected: 0, cameraRequest: st.cameraRequest + 1 }));
}

/**
 * The story's caption while the race on screen is the story's own; once any of its parameters
 * changed, only a note that says so, with a way back (the old text would describe another race).
 */
export function StoryCaption() {
  const storyId = useDescentStore((s) => s.storyId);
  const params = useDescentStore((s) => s.params);
  const shown = descentStoryShown(storyId, params);
  if (!shown) return null;
  if (shown.state === 'current') {
    return (
      <p className="story" data-testid="story" data-state="current">
        {shown.preset.story}
      </p>
    );
  }
  return (
    <p className="story changed" data-testid="story" data-state="changed">
      From the story “{shown.preset.title}” — parameters changed, so its caption no longer applies.{' '}
      <button onClick={() => descentStoryChoose(shown.preset.id)} data-testid="story-restore">
        Back to the story
      </button>
    </p>
  );
}
