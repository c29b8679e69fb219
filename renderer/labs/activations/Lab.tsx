import 'katex/dist/katex.min.css';
import './activations.css';
import { startTransition, useCallback, useEffect, useState } from 'react';
import { Controls } from './Controls';
import { FlowPanel } from './FlowPanel';
import { FlowSettingsForm } from './FlowSettingsForm';
import { GalleryControls } from './GalleryControls';
import { GalleryPanel } from './GalleryPanel';
import {
  FLOW_PRESETS,
  type ActivationsParams,
  type FlowPreset,
  type FlowSettings,
} from '../../../core/labs/activations/params';
import { useActivationsStore } from './store';
import { useFlowRun } from './use-flow-run';

type Tab = 'gallery' | 'flow';

/** The preset whose settings equal `flow`, if any. */
function presetOf(flow: FlowSettings): string | null {
  const key = JSON.stringify(flow);
  return (
    FLOW_PRESETS.find((p) => JSON.stringify({ ...flow, ...p.params.flow }) === key)?.id ?? null
  );
}

export default function ActivationsLab() {
  const state = useActivationsStore((s) => s.params);
  const setState = useActivationsStore((s) => s.setParams);
  const applied = useActivationsStore((s) => s.applied);
  const tab = state.tab;
  const setTab = (t: Tab) => setState((s: ActivationsParams) => ({ ...s, tab: t }));
  // Training starts the first time the gradient-flow view is shown (by a click or a scene).
  const [flowClicked, setFlowOpened] = useState(false);
  const flowOpened = flowClicked || tab === 'flow';
  const cursor = useActivationsStore((s) => s.cursor);
  const setCursor = useCallback((x: number) => useActivationsStore.setState({ cursor: x }), []);
  const run = useFlowRun(state.flow, flowOpened);
  const { restart } = run;
  // A scene opened from a file or deck replaces the settings: train again from step 0.
  useEffect(() => {
    if (applied) restart();
  }, [applied, restart]);

  // A transition: the other tab's charts and formulas are built in slices, not in the click.
  const openTab = (t: Tab) =>
    startTransition(() => {
      setTab(t);
      if (t === 'flow') setFlowOpened(true);
    });
  const setFlow = useCallback(
    (patch: Partial<FlowSettings>) =>
      setState((s: ActivationsParams) => ({ ...s, flow: { ...s.flow, ...patch } })),
    [setState],
  );
  const setChain = useCallback(
    (chain: ActivationsParams['chain']) => setState((s: ActivationsParams) => ({ ...s, chain })),
    [setState],
  );
  const applyPreset = (p: FlowPreset) => {
    useActivationsStore.getState().storyApply(p.id);
    restart();
  };

  return (
    <div className="lab act-lab" data-testid="lab-activations">
      <aside className="lab-controls" aria-label="Controls">
        <h2>Activations</h2>
        <div className="act-tabs" role="tablist" aria-label="View">
          {(['gallery', 'flow'] as const).map((t) => (
            <button
              key={t}
              role="tab"
              aria-selected={tab === t}
              onClick={() => openTab(t)}
              data-testid={`tab-${t}`}
            >
              {t === 'gallery' ? 'Gallery' : 'Gradient flow'}
            </button>
          ))}
        </div>
        {tab === 'gallery' ? (
          <GalleryControls
            gallery={state.gallery}
            onChange={(gallery) => setState((s: ActivationsParams) => ({ ...s, gallery }))}
            cursor={cursor}
            onCursor={setCursor}
          />
        ) : (
          <>
            <Controls
              run={run}
              total={state.flow.steps}
              presetId={presetOf(state.flow)}
              onPreset={applyPreset}
            />
            <FlowSettingsForm flow={state.flow} onChange={setFlow} />
          </>
        )}
      </aside>
      <div className="act-views" role="tabpanel">
        {tab === 'gallery' ? (
          <GalleryPanel
            gallery={state.gallery}
            cursor={cursor}
            onCursor={setCursor}
            onFocus={(focus) =>
              setState((s: ActivationsParams) => ({ ...s, gallery: { ...s.gallery, focus } }))
            }
          />
        ) : (
          <FlowPanel run={run} state={state} onChain={setChain} />
        )}
      </div>
    </div>
  );
}
