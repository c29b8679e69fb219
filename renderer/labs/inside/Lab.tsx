import 'katex/dist/katex.min.css';
import './inside.css';
import { useEffect, useState } from 'react';
import { INSIDE_PRESETS, INSIDE_VIEWS, type InsideView } from '../../../core/labs/inside/params';
import { BackpropView } from './BackpropView';
import { BnControls } from './BnControls';
import { BnView } from './BnView';
import { BpControls } from './BpControls';
import { LandscapeControls } from './LandscapeControls';
import { LandscapeView } from './LandscapeView';
import { LayerControls } from './LayerControls';
import { LayerView } from './LayerView';
import { useInsideStore } from './store';

const TABS: [InsideView, string][] = [
  ['backprop', 'Backprop step by step'],
  ['layer', 'A layer bends the plane'],
  ['batchnorm', 'Batch norm step by step'],
  ['landscape', 'The loss landscape'],
];

/** The view a link names (`#/inside?view=layer`), if it names one. */
function viewFromHash(): InsideView | null {
  const m = window.location.hash.match(/[?&]view=([a-z-]+)/);
  const v = m?.[1] as InsideView | undefined;
  return v && INSIDE_VIEWS.includes(v) ? v : null;
}

/**
 * Inside a network: backprop one node at a time with its gradient check, a layer as a matrix
 * bending the plane, batch norm step by step, and the loss landscape of a trained net. The view is part of the params (a scene or deck step opens on it) and
 * can be named in a link, `#/inside?view=<view>`.
 */
export default function InsideLab() {
  const params = useInsideStore((s) => s.params);
  const view = params.view;
  const storyId = useInsideStore((s) => s.storyId);
  const [storyShown, setStoryShown] = useState(false);
  useEffect(() => {
    const apply = () => {
      const v = viewFromHash();
      if (v) useInsideStore.getState().setParams({ view: v });
    };
    apply();
    window.addEventListener('hashchange', apply);
    return () => window.removeEventListener('hashchange', apply);
  }, []);
  // A story's text stays while what it set is still on screen.
  const story = storyShown
    ? INSIDE_PRESETS.find(
        (p) =>
          p.id === storyId &&
          Object.entries(p.params).every(
            ([key, v]) => JSON.stringify(params[key as keyof typeof params]) === JSON.stringify(v),
          ),
      )
    : undefined;
  const stories = INSIDE_PRESETS.filter((p) => p.params.view === view);
  return (
    <div className="lab inside-lab" data-testid="lab-inside">
      <aside className="lab-controls" aria-label="Controls">
        <h2>Inside a network</h2>
        <div className="inside-tabs" role="tablist" aria-label="View">
          {TABS.map(([id, label]) => (
            <button
              key={id}
              role="tab"
              aria-selected={view === id}
              onClick={() => useInsideStore.getState().setParams({ view: id })}
              data-testid={`tab-${id}`}
            >
              {label}
            </button>
          ))}
        </div>
        <div className="inside-presets" role="group" aria-label="Stories for this view">
          {stories.map((p) => (
            <button
              key={p.id}
              aria-pressed={story?.id === p.id}
              data-testid={`inside-preset-${p.id}`}
              onClick={() => {
                useInsideStore.getState().storyApply(p.id);
                setStoryShown(true);
              }}
            >
              {p.title}
            </button>
          ))}
        </div>
        {story && (
          <p className="inside-story" data-testid="inside-story">
            {story.story}
          </p>
        )}
        {view === 'backprop' && <BpControls />}
        {view === 'layer' && <LayerControls />}
        {view === 'batchnorm' && <BnControls />}
        {view === 'landscape' && <LandscapeControls />}
      </aside>
      <section className={`inside-views inside-views-${view}`} role="tabpanel" data-view={view}>
        {view === 'backprop' && <BackpropView />}
        {view === 'layer' && <LayerView />}
        {view === 'batchnorm' && <BnView />}
        {view === 'landscape' && <LandscapeView />}
      </section>
    </div>
  );
}
