import 'katex/dist/katex.min.css';
import './calculus.css';
import { useState } from 'react';
import type { CalculusView } from '../../../core/labs/calculus/params';
import { CALCULUS_PRESETS } from '../../../core/labs/calculus/presets';
import { ChainView } from './ChainView';
import { ChainControls, DerivativeControls, TaylorControls } from './Controls';
import { CriticalControls } from './CriticalControls';
import { CriticalView } from './CriticalView';
import { KktControls } from './KktControls';
import { KktView } from './KktView';
import { SvmControls } from './SvmControls';
import { SvmView } from './SvmView';
import { LagrangeControls } from './LagrangeControls';
import { LagrangeView } from './LagrangeView';
import { DerivativeView } from './DerivativeView';
import { TaylorView } from './TaylorView';
import { useCalculusStore } from './store';

const VIEWS: [CalculusView, string][] = [
  ['derivative', 'Derivative'],
  ['chain', 'Chain rule'],
  ['taylor', 'Taylor'],
  ['critical', 'Critical points'],
  ['lagrange', 'Lagrange'],
  ['kkt', 'KKT'],
  ['svm', 'SVM'],
];

/**
 * Calculus lab: the derivative as the limit of secants and what float64 does to that limit; the
 * chain rule with numbers; Taylor polynomials with their errors and radius of convergence. Every
 * function can be typed; the engine is the Descent lab's.
 */
export default function CalculusLab() {
  const params = useCalculusStore((s) => s.params);
  const storyId = useCalculusStore((s) => s.storyId);
  const [storyShown, setStoryShown] = useState(false);
  const view = params.view;
  // A story's text stays while what it set is still on screen.
  const story = storyShown
    ? CALCULUS_PRESETS.find(
        (p) =>
          p.id === storyId &&
          Object.entries(p.params).every(
            ([key, v]) => JSON.stringify(params[key as keyof typeof params]) === JSON.stringify(v),
          ),
      )
    : undefined;
  return (
    <div className="lab calc-lab" data-testid="lab-calculus">
      <aside className="lab-controls" aria-label="Controls">
        <h2>Calculus</h2>
        <div className="calc-tabs" role="tablist" aria-label="View">
          {VIEWS.map(([id, label]) => (
            <button
              key={id}
              role="tab"
              aria-selected={view === id}
              onClick={() => useCalculusStore.getState().setParams({ view: id })}
              data-testid={`tab-${id}`}
            >
              {label}
            </button>
          ))}
        </div>
        {view === 'derivative' && <DerivativeControls p={params.derivative} />}
        {view === 'chain' && <ChainControls p={params.chain} />}
        {view === 'taylor' && <TaylorControls p={params.taylor} />}
        {view === 'critical' && <CriticalControls p={params.critical} />}
        {view === 'lagrange' && <LagrangeControls p={params.lagrange} />}
        {view === 'kkt' && <KktControls p={params.kkt} />}
        {view === 'svm' && <SvmControls p={params.svm} />}
        <div className="calc-stories" role="group" aria-label="Stories">
          {CALCULUS_PRESETS.filter((p) => p.params.view === view).map((p) => (
            <button
              key={p.id}
              aria-pressed={storyId === p.id}
              data-testid={`calc-preset-${p.id}`}
              onClick={() => {
                useCalculusStore.getState().storyApply(p.id);
                setStoryShown(true);
              }}
            >
              {p.title}
            </button>
          ))}
        </div>
        {/* In the controls column: the views never move when a drag ends the story. */}
        {story && (
          <p className="calc-story" data-testid="calc-story">
            {story.story}
          </p>
        )}
      </aside>
      <div className={`calc-views calc-views-${view}`} role="tabpanel">
        {view === 'derivative' && <DerivativeView params={params.derivative} />}
        {view === 'chain' && <ChainView params={params.chain} />}
        {view === 'taylor' && <TaylorView params={params.taylor} />}
        {view === 'critical' && <CriticalView params={params.critical} />}
        {view === 'lagrange' && <LagrangeView params={params.lagrange} />}
        {view === 'kkt' && <KktView params={params.kkt} />}
        {view === 'svm' && <SvmView params={params.svm} />}
      </div>
    </div>
  );
}
