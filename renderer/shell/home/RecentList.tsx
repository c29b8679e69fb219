import { useSyncExternalStore } from 'react';
import { labById } from '../../labs/registry';
import { sceneOrDeckOpen } from '../toolkit/scenes';
import { recentClear, recentRead, recentSubscribe, type RecentEntry } from './recent';

let cached: RecentEntry[] | null = null;
/** Read once, and again only after the list changed (useSyncExternalStore needs a stable value). */
const subscribe = (fn: () => void) =>
  recentSubscribe(() => {
    cached = null;
    fn();
  });
const snapshot = () => (cached ??= recentRead());

const ago = (ms: number) => {
  const min = Math.round(ms / 60_000);
  if (min < 1) return 'just now';
  if (min < 60) return `${min} min ago`;
  const h = Math.round(min / 60);
  return h < 24 ? `${h} h ago` : `${Math.round(h / 24)} d ago`;
};

/** Scenes and decks opened before, newest first; each reopens through the file readers. */
export function RecentList() {
  const list = useSyncExternalStore(subscribe, snapshot);
  return (
    <section className="home-recent" aria-labelledby="home-recent-title">
      <h2 id="home-recent-title">Recently opened</h2>
      {list.length === 0 ? (
        <p className="home-muted">
          Scenes and decks you open (files or links) are listed here, so you can return to them.
        </p>
      ) : (
        <>
          <ul data-testid="recent-list">
            {list.map((e) => (
              <li key={`${e.openedAt}-${e.name}`}>
                <button onClick={() => sceneOrDeckOpen(e.text, e.name)}>
                  <strong>{e.name === 'link' ? e.title : e.name}</strong>
                  <span className="home-muted">
                    {e.kind === 'deck' ? `deck · ${e.scenes} scenes` : 'scene'} ·{' '}
                    {labById(e.lab)?.title ?? e.lab} · {ago(Date.now() - e.openedAt)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <button className="home-link-button" onClick={recentClear}>
            Clear this list
          </button>
        </>
      )}
    </section>
  );
}
