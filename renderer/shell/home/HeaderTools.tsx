import { useLearnStore, learnToggle } from './learn-store';
import { paletteOpen } from './palette-store';
import './header.css';

/** Search (the command palette) and, in a lab, the Learn panel's toggle. */
export function HeaderTools({ inLab }: { inLab: boolean }) {
  const learning = useLearnStore((s) => s.open);
  return (
    <div className="toolbar-group header-tools" role="group" aria-label="Find and learn">
      <button onClick={paletteOpen} data-testid="palette-open" title="Find anything (Ctrl K)">
        Search <kbd>Ctrl K</kbd>
      </button>
      {inLab && (
        <button
          onClick={learnToggle}
          aria-pressed={learning}
          data-testid="learn-toggle"
          title="Guided tours through this lab"
        >
          Learn
        </button>
      )}
    </div>
  );
}
