import { lazy, Suspense, useEffect } from 'react';
import { chartTextScaleForPresenting, chartTextScaleSet } from '../components/text-scale';
import { labById, LABS } from '../labs/registry';
import { useAppStore } from './app-store';
import { ErrorBoundary } from './ErrorBoundary';
import { HeaderTools } from './home/HeaderTools';
import { Home } from './home/Home';
import { LearnPanel } from './home/LearnPanel';
import { useLearnStore } from './home/learn-store';
import { Palette } from './home/Palette';
import { AboutDialog, ShortcutSheet } from './ShortcutSheet';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { ToolkitBar } from './toolkit/ToolkitBar';
import { sceneFromUrl } from './toolkit/scenes';
import { useHashRoute } from './use-hash-route';
import { useMenuCommands } from './use-menu-commands';
import { useShortcuts } from './use-shortcuts';

/** The "How we know it's right" page (`#/verify`), loaded when opened. */
const VerifyPage = lazy(() => import('./verify/VerifyPage'));

/**
 * The message toast: it floats over the top right corner, so the layout never moves. While
 * presenting, information is not shown (the room sees the views); errors still are.
 */
function MessageLine() {
  const message = useAppStore((s) => s.message);
  const presenting = useAppStore((s) => s.presenting);
  useEffect(() => {
    if (!message || message.kind === 'error') return;
    const t = setTimeout(() => useAppStore.setState({ message: null }), 5000);
    return () => clearTimeout(t);
  }, [message]);
  if (!message || (presenting && message.kind !== 'error')) return null;
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

/** Chart text follows presentation mode and the window's height (renderer/components/text-scale). */
function usePresentingTextScale(presenting: boolean) {
  useEffect(() => {
    const apply = () =>
      chartTextScaleSet(presenting ? chartTextScaleForPresenting(window.innerHeight) : 1);
    apply();
    window.addEventListener('resize', apply);
    return () => window.removeEventListener('resize', apply);
  }, [presenting]);
}

/** While presenting, a small handle that shows or hides the lab's controls (also the C key). */
function ControlsHandle() {
  const presenting = useAppStore((s) => s.presenting);
  const open = useAppStore((s) => s.presentControls);
  if (!presenting) return null;
  return (
    <button
      className="present-handle"
      data-testid="present-controls"
      aria-expanded={open}
      onClick={() => useAppStore.setState({ presentControls: !open })}
    >
      {open ? 'Hide controls' : 'Controls'} <kbd>C</kbd>
    </button>
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
  const presentControls = useAppStore((s) => s.presentControls);
  const learning = useLearnStore((s) => s.open) && !!lab && !presenting;
  useShortcuts();
  useMenuCommands();
  usePresentingTextScale(presenting);
  useEffect(() => {
    sceneFromUrl();
    // A scene link followed inside the app (a lab's <a href="#/lab?scene=…">) is applied too.
    const followed = () => sceneFromUrl(false);
    window.addEventListener('hashchange', followed);
    return () => window.removeEventListener('hashchange', followed);
  }, []);
  return (
    <div
      className={`app${presenting ? ' presenting' : ''}${presenting && presentControls ? ' present-controls' : ''}${learning ? ' learning' : ''}`}
      data-presenting={presenting}
    >
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
        <HeaderTools inLab={!!lab} />
        <Toolbar />
        <ToolkitBar lab={lab} />
      </header>
      <MessageLine />
      <main className="app-main">
        {route && !lab && route !== 'verify' && (
          <p role="alert">There is no lab called “{route}”.</p>
        )}
        {lab ? (
          <ErrorBoundary key={lab.id} label={lab.title}>
            <Suspense fallback={<p className="loading">Loading {lab.title}…</p>}>
              <lab.component />
            </Suspense>
          </ErrorBoundary>
        ) : route === 'verify' ? (
          <Suspense fallback={<p className="loading">Loading the checks…</p>}>
            <VerifyPage />
          </Suspense>
        ) : (
          !route && <Home />
        )}
      </main>
      {learning && <LearnPanel lab={lab} />}
      <StatusBar route={route} />
      <ControlsHandle />
      <DeckCounter />
      <Palette />
      <ShortcutSheet />
      <AboutDialog />
    </div>
  );
}
