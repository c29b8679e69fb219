import type { KktSweep } from '../../../core/labs/calculus/model-kkt';
import { KKT_B_RANGE } from '../../../core/labs/calculus/model-kkt';
import { C, Plot, pathOf } from './plot-kit';

/** f*(b) and λ(b) over the slider's range, with the current b marked. */
export function KktSweepChart({ sweep, b }: { sweep: KktSweep; b: number }) {
  let lo = 0;
  let hi = 1;
  for (const arr of [sweep.f, sweep.lambda])
    for (const v of arr)
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
  const pad = 0.05 * (hi - lo);
  const x = { min: KKT_B_RANGE.min, max: KKT_B_RANGE.max, title: 'b' };
  return (
    <>
      <h3>As b moves: f* (green) and λ (orange); λ = 0 wherever the constraint is inactive</h3>
      <Plot
        x={x}
        y={{ min: lo - pad, max: hi + pad, title: 'f*, λ' }}
        testId="calc-kkt-sweep"
        label="f* and lambda against b"
      >
        {(F) => (
          <>
            <line
              x1={F.px(b)}
              x2={F.px(b)}
              y1={F.top}
              y2={F.bottom}
              stroke={C.axis}
              strokeDasharray="4 3"
            />
            <path d={pathOf(F, sweep.b, sweep.f)} stroke={C.green} strokeWidth={2} fill="none" />
            <path
              d={pathOf(F, sweep.b, sweep.lambda)}
              stroke={C.orange}
              strokeWidth={2}
              fill="none"
            />
          </>
        )}
      </Plot>
    </>
  );
}
