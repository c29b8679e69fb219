import { useEffect, useMemo } from 'react';
import { bpStepState, type BpModel } from '../../../core/labs/inside/model-backprop';
import { numLabel } from '../../../core/math/num-format';
import { Tex } from '../../components/Tex';
import { BpGraph } from './BpGraph';
import { GradCheck } from './GradCheck';
import { bpSet } from './store';
import { useBpModel } from './use-models';

const typing = (t: EventTarget | null) => {
  const el = t as HTMLElement | null;
  if (!el) return false;
  return (
    el.isContentEditable ||
    el.tagName === 'TEXTAREA' ||
    el.tagName === 'SELECT' ||
    (el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'range')
  );
};

/** Where the walk through the graph is, in words. */
function stepTitle(m: BpModel): string {
  const s = m.steps[m.step];
  const n = m.eval.order.length;
  const name = (id: string | null) => m.graph.nodes.find((x) => x.id === id)?.text ?? '';
  switch (s.phase) {
    case 'start':
      return 'Only the inputs and the weights are known. Press → to compute the first node.';
    case 'forward':
      return `Forward ${m.step} of ${n}: compute ${name(s.node)}`;
    case 'backward':
      return `Backward ${m.step - n} of ${n}: from ${name(s.node)} back along its edges`;
    case 'update':
      return `Update every weight: w ← w − η ∂L/∂w`;
    case 'next':
      return `The loss with the new weights`;
  }
}

/** Moves the walk by `delta` steps (clamped). */
export function bpStepBy(m: BpModel, delta: number): void {
  bpSet({ step: Math.max(0, Math.min(m.steps.length - 1, m.step + delta)) });
}

/**
 * Backprop step by step: the graph, the current step's formulas with the numbers in, and the
 * gradient check. → and ← (or the buttons) walk forward and back one operation at a time.
 */
export function BackpropView() {
  const m = useBpModel();
  const state = useMemo(() => bpStepState(m, m.step), [m]);
  const step = m.steps[m.step];
  const last = m.steps.length - 1;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const delta =
        e.key === 'ArrowRight'
          ? 1
          : e.key === 'ArrowLeft'
            ? -1
            : e.key === 'End'
              ? last
              : e.key === 'Home'
                ? -last
                : 0;
      if (!delta) return;
      e.preventDefault();
      bpStepBy(m, delta);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [m, last]);
  const many = step.lines.length > 4;
  return (
    <div className="inside-bp">
      <div className="inside-bp-main">
        <div className="inside-stepbar">
          <button
            onClick={() => bpStepBy(m, -1)}
            disabled={m.step === 0}
            data-testid="bp-back"
            aria-label="Previous step"
          >
            ←
          </button>
          <button
            onClick={() => bpStepBy(m, 1)}
            disabled={m.step === last}
            data-testid="bp-next"
            aria-label="Next step"
          >
            →
          </button>
          <span className="inside-step-title" data-testid="bp-step-title" data-step={m.step}>
            {stepTitle(m)}
          </span>
          <span className="inside-loss" data-testid="bp-loss">
            L = {numLabel(m.loss)}
          </span>
        </div>
        <BpGraph model={m} state={state} />
        <section
          className={`inside-panel inside-formulas${many ? ' inside-formulas-many' : ''}`}
          data-testid="bp-formulas"
        >
          {step.lines.length === 0 ? (
            <p className="inside-hint">
              Values appear in white as the forward pass reaches each node; ∂L/∂(node) appears in
              orange as the backward pass reaches it.
            </p>
          ) : (
            // Each formula in a box of its own, so it fits its grid cell and not the whole panel.
            step.lines.map((l) => (
              <div key={l} className="inside-line">
                <Tex tex={l} block />
              </div>
            ))
          )}
          {step.phase === 'next' && (
            <button onClick={() => bpSet(m.nextParams)} data-testid="bp-apply">
              Keep the new weights and start the next step
            </button>
          )}
        </section>
      </div>
      <div className="inside-bp-side">
        <GradCheck />
      </div>
    </div>
  );
}
