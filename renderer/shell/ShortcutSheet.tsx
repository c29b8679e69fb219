import { useAppStore } from './app-store';

/** Every keyboard shortcut; the README lists the same keys. */
export const SHORTCUTS: readonly [string, string][] = [
  ['Space', 'Play / pause (in a deck while presenting: next scene)'],
  ['→ / ←', 'Step forward / back (in a deck while presenting: next / previous scene)'],
  ['PageDown / PageUp', 'Next / previous scene of the deck (presentation clickers)'],
  ['Home / End', 'Jump to the first / last step'],
  ['R', 'Reset the scene to how it was opened or saved'],
  ['P', 'Presentation mode (large type, high contrast, views fill the screen)'],
  ['C', 'While presenting: show / hide the controls'],
  ['F', 'Full screen'],
  ['?', 'This sheet'],
  ['Esc', 'Close this sheet or a dialog / hide the controls / leave presentation mode'],
  ['Tab', 'Move between controls (every control works from the keyboard)'],
];

export function ShortcutSheet() {
  const open = useAppStore((s) => s.shortcutsOpen);
  if (!open) return null;
  return (
    <div className="modal-backdrop" onClick={() => useAppStore.setState({ shortcutsOpen: false })}>
      <div
        className="modal"
        role="dialog"
        aria-label="Keyboard shortcuts"
        data-testid="shortcut-sheet"
        onClick={(e) => e.stopPropagation()}
      >
        <h2>Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUTS.map(([k, v]) => (
              <tr key={k}>
                <th>
                  <kbd>{k}</kbd>
                </th>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button onClick={() => useAppStore.setState({ shortcutsOpen: false })}>Close</button>
      </div>
    </div>
  );
}

export function AboutDialog() {
  const open = useAppStore((s) => s.aboutOpen);
  if (!open) return null;
  return (
    <div className="modal-backdrop" onClick={() => useAppStore.setState({ aboutOpen: false })}>
      <div
        className="modal"
        role="dialog"
        aria-label="About ML Math Lab"
        onClick={(e) => e.stopPropagation()}
      >
        <h2>ML Math Lab</h2>
        <p>
          See the mathematics of machine learning move. Everything is computed on this machine; the
          app never uses the network.
        </p>
        <button onClick={() => useAppStore.setState({ aboutOpen: false })}>Close</button>
      </div>
    </div>
  );
}
