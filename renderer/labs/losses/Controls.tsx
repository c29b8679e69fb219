import type { ParamSpec } from '../../../core/ml/surfaces-types';
import { MARGIN_LOSS_IDS } from '../../../core/ml/losses-classification';
import { REGRESSION_LOSS_IDS } from '../../../core/ml/losses-regression';
import type { LossesParams } from '../../../core/labs/losses/params';
import { ParamSlider } from '../../components/ParamSlider';
import { LOSS_COLOR, LOSS_NAME } from './colors';
import { useLossesStore } from './store';

/** A slider spec (renderer/components/ParamSlider). */
export const spec = (
  id: string,
  title: string,
  tex: string,
  min: number,
  max: number,
  opts: { integer?: boolean; log?: boolean } = {},
): ParamSpec => ({
  id,
  title,
  tex,
  min,
  max,
  default: min,
  logScale: !!opts.log,
  integer: !!opts.integer,
});

const DELTA = spec('delta', 'Huber threshold', '\\delta', 0.1, 50, { log: true });
const TAU = spec('tau', 'Quantile level', '\\tau', 0.05, 0.95);
const GAMMA = spec('gamma', 'Focal exponent', '\\gamma', 0, 5);
const ALPHA = spec('alpha', 'Focal class-1 weight', '\\alpha', 0, 1);

/** The next seed of the "new points" buttons (wrapping within the seed's range). */
export const nextSeed = (seed: number) => (seed + 1) % 2 ** 31;

export type Setter = (update: (p: LossesParams) => LossesParams) => void;

export function useSet(): Setter {
  const setParams = useLossesStore((s) => s.setParams);
  return (update) => setParams(update);
}

/** δ and τ (the regression losses' shapes). */
export function RegressionShapes({ params }: { params: LossesParams }) {
  const set = useSet();
  return (
    <>
      <ParamSlider
        spec={DELTA}
        value={params.delta}
        onChange={(delta) => set((p) => ({ ...p, delta }))}
        testId="loss-delta"
      />
      <ParamSlider
        spec={TAU}
        value={params.tau}
        onChange={(tau) => set((p) => ({ ...p, tau }))}
        testId="loss-tau"
      />
    </>
  );
}

/** γ and α (focal loss's shape). */
export function FocalShapes({ params }: { params: LossesParams }) {
  const set = useSet();
  return (
    <>
      <ParamSlider
        spec={GAMMA}
        value={params.gamma}
        onChange={(gamma) => set((p) => ({ ...p, gamma }))}
        testId="loss-gamma"
      />
      <label className="loss-inline">
        <input
          type="checkbox"
          checked={params.alphaOn}
          onChange={(e) => set((p) => ({ ...p, alphaOn: e.target.checked }))}
          data-testid="loss-alpha-on"
        />
        Weight class 1 by α (class 0 by 1 − α)
      </label>
      {params.alphaOn && (
        <ParamSlider
          spec={ALPHA}
          value={params.alpha}
          onChange={(alpha) => set((p) => ({ ...p, alpha }))}
          testId="loss-alpha"
        />
      )}
    </>
  );
}

/** Which losses the views overlay (at most six per chart: there are five and six). */
export function Overlays({
  params,
  which,
}: {
  params: LossesParams;
  which: 'regression' | 'classification';
}) {
  const set = useSet();
  const ids = which === 'regression' ? REGRESSION_LOSS_IDS : MARGIN_LOSS_IDS;
  const shown = params.curves[which] as Record<string, boolean>;
  return (
    <fieldset className="loss-fieldset">
      <legend>
        {which === 'regression' ? 'Regression losses shown' : 'Classification losses shown'}
      </legend>
      <div className="loss-checks">
        {ids.map((id) => (
          <label key={id} className="loss-inline">
            <input
              type="checkbox"
              checked={shown[id]}
              onChange={(e) =>
                set((p) => ({
                  ...p,
                  curves: { ...p.curves, [which]: { ...p.curves[which], [id]: e.target.checked } },
                }))
              }
              data-testid={`loss-show-${id}`}
            />
            <i className="loss-swatch" style={{ background: LOSS_COLOR[id] }} />
            {LOSS_NAME[id]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
