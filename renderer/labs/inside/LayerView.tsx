import { useEffect, useMemo, useRef, useState } from 'react';
import { layerModel } from '../../../core/labs/inside/model-layer';
import { numLabel } from '../../../core/math/num-format';
import { Tex } from '../../components/Tex';
import { LayerPlane } from './LayerPlane';
import { layerSet, useInsideStore } from './store';

const ACT_TEX: Record<string, string> = {
  tanh: '\\tanh',
  relu: '\\operatorname{ReLU}',
  sigmoid: '\\sigma',
  'leaky-relu': '\\operatorname{LeakyReLU}_{0.1}',
};

/** Seconds the play button takes from the plane (t = 0) to after the activation (t = 2). */
const PLAY_SECONDS = 4;

function stageText(t: number): string {
  if (t === 0) return 'the input plane';
  if (t < 1) return 'moving to Wx + b';
  if (t === 1) return 'after Wx + b (straight lines stay straight)';
  if (t < 2) return 'bending by the activation';
  return 'after the activation';
}

/** What det W says about the plane, in words. */
function detText(det: number, rank: number): string {
  if (rank < 2)
    return rank === 0
      ? 'W is zero: every point lands on b.'
      : 'det W = 0: the plane is flattened onto one line, and points on a line through W’s null space land on the same spot.';
  const area = `The unit square becomes a parallelogram of area |det W| = ${numLabel(Math.abs(det))}`;
  return det < 0 ? `${area}, flipped over (det < 0).` : `${area}.`;
}

/**
 * A layer as a matrix bending the plane: the plane with its points carried through Wx + b and the
 * activation as t goes from 0 to 2 (slider or play), beside det W, the eigen-pairs and the rank.
 */
export function LayerView() {
  const p = useInsideStore((s) => s.params.layer);
  const seed = useInsideStore((s) => s.params.seed);
  const m = useMemo(() => layerModel(p, seed), [p, seed]);
  const [playing, setPlaying] = useState(false);
  const frame = useRef(0);
  useEffect(() => {
    if (!playing) return;
    const start = performance.now();
    const from =
      useInsideStore.getState().params.layer.t >= 2 ? 0 : useInsideStore.getState().params.layer.t;
    const tick = (now: number) => {
      const t = Math.min(2, from + ((now - start) / 1000) * (2 / PLAY_SECONDS));
      layerSet({ t: +t.toFixed(3) });
      if (t < 2) frame.current = requestAnimationFrame(tick);
      else setPlaying(false);
    };
    frame.current = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame.current);
  }, [playing]);
  const f = ACT_TEX[p.activation];
  return (
    <div className="inside-layer">
      <LayerPlane m={m} t={p.t} />
      <div className="inside-layer-side">
        <section className="inside-panel">
          <Tex tex={`x \\mapsto ${f}(Wx + b)`} block />
          <Tex tex={m.tex.map} block />
        </section>
        <section className="inside-panel">
          <label className="inside-t">
            <span data-testid="layer-stage">
              t = {numLabel(p.t, 3)}: {stageText(p.t)}
            </span>
            <input
              type="range"
              min={0}
              max={2}
              step={0.01}
              value={p.t}
              aria-label="Stage t"
              onChange={(e) => layerSet({ t: Number(e.target.value) })}
              data-testid="layer-t"
            />
          </label>
          <div className="row">
            <button onClick={() => setPlaying((x) => !x)} data-testid="layer-play">
              {playing ? 'Pause' : 'Play 0 → 2'}
            </button>
            {[0, 1, 2].map((t) => (
              <button key={t} onClick={() => layerSet({ t })} aria-pressed={p.t === t}>
                t = {t}
              </button>
            ))}
          </div>
        </section>
        <section className="inside-panel" data-testid="layer-readouts">
          <Tex tex={m.tex.det} block />
          <p className="inside-note">{detText(m.det, m.rank)}</p>
          <Tex tex={m.tex.eigen} block />
          <p className="inside-note">
            {m.eigen.real
              ? 'Along a dashed eigenvector direction W only stretches (by λ), it does not turn.'
              : 'W turns every direction, so no line through b stays put.'}{' '}
            Green and pink arrows: where e₁ and e₂ land, the columns of W.
          </p>
          <Tex tex={m.tex.rank} block />
        </section>
      </div>
    </div>
  );
}
