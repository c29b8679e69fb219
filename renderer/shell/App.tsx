import { Suspense, useEffect } from 'react';
import { labById, LABS } from '../labs/registry';
import { useAppStore } from './app-store';
import { ErrorBoundary } from './ErrorBoundary';
import { AboutDialog, ShortcutSheet } from './ShortcutSheet';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { ToolkitBar } from './toolkit/ToolkitBar';
import { sceneFromUrl } from './toolkit/scenes';
import { useHashRoute } from './use-hash-route';
import { useMenuCommands } from './use-menu-commands';
import { useShortcuts } from './use-shortcuts';

function LabList() {
  return (
    <section className="lab-list" aria-label="Labs">
      <h1>ML Math Lab</h1>
      <p className="tagline">Pick a lab. Every number you see is computed live, on this machine.</p>
      <ul>
        {LABS.map((lab) => (
          <li key={lab.id}>
            <a href={`#/${lab.id}`} data-testid={`lab-link-${lab.id}`}>
              <strong>{lab.title}</strong>
              <span>{lab.summary}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function MessageLine() {
  const message = useAppStore((s) => s.message);
  useEffect(() => {
    if (!message || message.kind === 'error') return;
    const t = setTimeout(() => useAppStore.setState({ message: null }), 5000);
    return () => clearTimeout(t);
  }, [message]);
  // The slot always exists, so the app's grid rows never shift.
  if (!message) return <div className="message-slot" />;
  return (
    <div
      className={`message ${message.kind}`}
      role={message.kind === 'error' ? 'alert' : 'status'}
      data-testid="app-message"
    >
      {message.text}
      <button aria-label="Dismiss" onClick={() => useAppStore.setState({ message: null })}>
        ✕
      </button>
    </div>
  );
}

function DeckCounter() {
  const presenting = useAppStore((s) => s.presenting);
  const deck = useAppStore((s) => s.deck);
  const index = useAppStore((s) => s.deckIndex);
  if (!presenting || !deck) return null;
  return (
    <div className="deck-counter" data-testid="deck-counter" aria-live="polite">
      {index + 1} / {deck.scenes.length}
    </div>
  );
}

export function App() {
  const route = useHashRoute();
  const lab = route ? labById(route) : undefined;
  const presenting = useAppStore((s) => s.presenting);
  useShortcuts();
  useMenuCommands();
  useEffect(() => sceneFromUrl(), []);
  return (
    <div className={`app${presenting ? ' presenting' : ''}`} data-presenting={presenting}>
      <header className="app-header">
        <a href="#/" className="brand">
          ML Math Lab
        </a>
        <nav aria-label="Labs">
          {LABS.map((l) => (
            <a key={l.id} href={`#/${l.id}`} aria-current={l.id === route ? 'page' : undefined}>
              {l.title}
            </a>
          ))}
        </nav>
        <Toolbar />
        <ToolkitBar lab={lab} />
      </header>
      <MessageLine />
      <main className="app-main">
        {route && !lab && <p role="alert">There is no lab called “{route}”.</p>}
        {lab ? (
          <ErrorBoundary key={lab.id} label={lab.title}>
            <Suspense fallback={<p className="loading">Loading {lab.title}…</p>}>
              <lab.component />
            </Suspense>
          </ErrorBoundary>
        ) : (
          !route && <LabList />
        )}
      </main>
      <StatusBar />
      <DeckCounter />
      <ShortcutSheet />
      <AboutDialog />
    </div>
  );
}
