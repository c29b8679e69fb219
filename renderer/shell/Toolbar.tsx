import { useAppStore } from './app-store';
import {
  actionCopyLink,
  actionDeckAdd,
  actionDeckSave,
  actionOpen,
  actionSaveScene,
  actionTogglePresentation,
  deckStep,
} from './toolkit/actions';

/** Scene, deck and presentation controls in the header (the desktop menu offers the same). */
export function Toolbar() {
  const deck = useAppStore((s) => s.deck);
  const index = useAppStore((s) => s.deckIndex);
  return (
    <div className="toolbar" role="toolbar" aria-label="Scenes and presentation">
      <button
        onClick={() => void actionSaveScene()}
        data-testid="scene-save"
        title="Save this scene to a file"
      >
        Save scene
      </button>
      <button
        onClick={() => void actionOpen()}
        data-testid="scene-open"
        title="Open a scene or deck file"
      >
        Open…
      </button>
      <button
        onClick={() => void actionCopyLink()}
        data-testid="scene-link"
        title="Copy a link that reopens this scene"
      >
        Link
      </button>
      <span className="toolbar-group" aria-label="Deck">
        <button onClick={actionDeckAdd} data-testid="deck-add" title="Add this scene to the deck">
          + Deck
        </button>
        {deck && (
          <>
            <button onClick={() => deckStep(-1)} aria-label="Previous scene" disabled={index === 0}>
              ‹
            </button>
            <span className="readout" data-testid="deck-position">
              {index + 1}/{deck.scenes.length}
            </span>
            <button
              onClick={() => deckStep(1)}
              aria-label="Next scene"
              disabled={index >= deck.scenes.length - 1}
            >
              ›
            </button>
            <button onClick={() => void actionDeckSave()} data-testid="deck-save">
              Save deck
            </button>
          </>
        )}
      </span>
      <button
        onClick={actionTogglePresentation}
        data-testid="present"
        title="Presentation mode (P)"
      >
        Present
      </button>
      <button
        onClick={() => useAppStore.setState({ shortcutsOpen: true })}
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
      >
        ?
      </button>
    </div>
  );
}
