import { Suspense } from 'react';
import { labById, LABS } from '../labs/registry';
import { ErrorBoundary } from './ErrorBoundary';
import { StatusBar } from './StatusBar';
import { useHashRoute } from './use-hash-route';

function LabList() {
  return (
    <section className="lab-list" aria-label="Labs">
      <h1>ML Math Lab</h1>
      <p className="tagline">Pick a lab. Every number you see is computed live.</p>
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

export function App() {
  const route = useHashRoute();
  const lab = route ? labById(route) : undefined;
  return (
    <div className="app">
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
      </header>
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
    </div>
  );
}
