import { Suspense } from 'react';
import { LABS } from '../labs/registry';
import { actionOpen } from './toolkit/actions';

/** The first screen: every lab as a card with a picture drawn from its own math, and how to use the app. */
export function LabList() {
  return (
    <section className="lab-list" aria-label="Labs">
      <header className="home-hero">
        <h1>ML Math Lab</h1>
        <p className="tagline">
          See the mathematics of machine learning move. Every number and every picture is computed
          live on this machine; nothing is fetched, nothing is pre-rendered.
        </p>
      </header>
      <ul>
        {LABS.map((lab) => (
          <li key={lab.id}>
            <a href={`#/${lab.id}`} data-testid={`lab-link-${lab.id}`}>
              <span className="lab-thumb" aria-hidden="true">
                {lab.thumbnail && (
                  <Suspense fallback={null}>
                    <lab.thumbnail />
                  </Suspense>
                )}
              </span>
              <strong>{lab.title}</strong>
              <span className="lab-summary">{lab.summary}</span>
            </a>
          </li>
        ))}
      </ul>
      <div className="home-help">
        <section>
          <h2>On your own</h2>
          <p>
            Pick a lab, move a slider and watch the numbers follow. Stories set up a scene that
            shows one idea; change anything and see what breaks. <kbd>?</kbd> lists every key.
          </p>
        </section>
        <section>
          <h2>In a lecture</h2>
          <p>
            <strong>+ Deck</strong> collects scenes; <kbd>P</kbd> presents them full screen with
            large type, and a clicker steps through them (<kbd>PageDown</kbd>, <kbd>PageUp</kbd>).{' '}
            <kbd>R</kbd> puts a scene back as it was saved. <strong>Record…</strong> makes a video.
          </p>
        </section>
        <section>
          <h2>Scenes and decks</h2>
          <p>
            Saved scenes (<code>.mlscene</code>) and decks (<code>.mldeck</code>) open here or by
            double-click, and a <strong>Link</strong> reopens a scene anywhere the app runs.
          </p>
          <button onClick={() => void actionOpen()}>Open a scene or deck…</button>
        </section>
      </div>
    </section>
  );
}
