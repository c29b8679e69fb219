import { LABS } from '../../labs/registry';
import { actionOpen } from '../toolkit/actions';
import './home.css';
import { LabCard } from './LabCard';
import { homeMap } from './map';
import { paletteOpen } from './palette-store';
import { RecentList } from './RecentList';

const mapped = LABS.map((view) => ({ ...view, curriculum: view.def.curriculum }));

/**
 * The first screen: a map of the subject. Every lab as a card in its branch of the curriculum,
 * numbered along a suggested path, with its guided tours; the path in one line; recently
 * opened scenes and decks; and how the app is used alone and in a lecture.
 */
export function Home() {
  const groups = homeMap(mapped);
  const path = groups.flatMap((g) => g.labs);
  return (
    <section className="home" aria-label="Labs">
      <header className="home-hero">
        <div>
          <h1>ML Math Lab</h1>
          <p className="tagline">
            The mathematics of machine learning, computed live on this machine. Start anywhere, or
            follow the path. <a href="#/verify">How we know it’s right</a>: the app’s own checks,
            run on demand.
          </p>
        </div>
        <button className="home-search" onClick={paletteOpen} data-testid="home-search">
          Search labs, views, stories and formulas <kbd>Ctrl K</kbd>
        </button>
      </header>
      <nav className="home-path" aria-label="Suggested path">
        <ol>
          {path.map(({ lab, step }) => (
            <li key={lab.id}>
              <a href={`#/${lab.id}`}>
                <span className="home-step">{step}</span> {lab.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <div className="home-branches">
        {groups.map((g) => (
          <section key={g.id} className="home-branch" aria-labelledby={`branch-${g.id}`}>
            <header>
              <h2 id={`branch-${g.id}`}>{g.title}</h2>
              <p>{g.blurb}</p>
            </header>
            {g.labs.length > 0 ? (
              <ul>
                {g.labs.map(({ lab, step }) => (
                  <LabCard key={lab.id} lab={lab} step={step} />
                ))}
              </ul>
            ) : (
              <p className="home-muted home-empty">No lab here yet.</p>
            )}
          </section>
        ))}
      </div>
      <div className="home-help">
        <RecentList />
        <section>
          <h2>In a lecture</h2>
          <p>
            <strong>+ Deck</strong> collects scenes; <kbd>P</kbd> presents them full screen with
            large type, and a clicker steps through them. <kbd>R</kbd> puts a scene back as it was
            saved. <strong>Record…</strong> makes a video. <kbd>?</kbd> lists every key.
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
