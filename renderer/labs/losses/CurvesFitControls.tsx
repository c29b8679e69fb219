import { noisyLineDraw, SEED_EXAMPLE } from '../../../core/labs/losses/data';
import { sweepRange } from '../../../core/labs/losses/model-fit';
import { LOSS_IDS, type LossesParams } from '../../../core/labs/losses/params';
import { REGRESSION_LOSS_IDS } from '../../../core/ml/losses-regression';
import { ParamSlider } from '../../components/ParamSlider';
import { LOSS_NAME } from './colors';
import { nextSeed, Overlays, RegressionShapes, FocalShapes, spec, useSet } from './Controls';

/** The loss-curve view: overlays, shapes, range, cursors, the classification axis, the formula shown. */
export function CurvesControls({ params }: { params: LossesParams }) {
  const set = useSet();
  const c = params.curves;
  const curves = (patch: Partial<LossesParams['curves']>) =>
    set((p) => ({ ...p, curves: { ...p.curves, ...patch } }));
  return (
    <>
      <Overlays params={params} which="regression" />
      <RegressionShapes params={params} />
      <ParamSlider
        spec={spec('range', 'Residual range', 'r_{\\max}', 1, 20, { integer: true })}
        value={c.range}
        onChange={(range) => curves({ range })}
      />
      <ParamSlider
        spec={spec('residual', 'Cursor residual', 'r', -c.range, c.range)}
        value={Math.max(-c.range, Math.min(c.range, c.residual))}
        onChange={(residual) => curves({ residual })}
        testId="loss-cursor-r"
      />
      <Overlays params={params} which="classification" />
      <FocalShapes params={params} />
      <ParamSlider
        spec={spec('margin', 'Cursor margin', 'm', -6, 6)}
        value={c.margin}
        onChange={(margin) => curves({ margin })}
        testId="loss-cursor-m"
      />
      <div className="row" role="group" aria-label="Classification axis">
        {(['margin', 'probability'] as const).map((axis) => (
          <button
            key={axis}
            aria-pressed={c.axis === axis}
            onClick={() => curves({ axis })}
            data-testid={`loss-axis-${axis}`}
          >
            {axis === 'margin' ? 'Margin m' : 'p of true class'}
          </button>
        ))}
      </div>
      <label>
        Formula shown
        <select
          value={c.focus}
          onChange={(e) => curves({ focus: e.target.value as typeof c.focus })}
          data-testid="loss-focus"
        >
          {LOSS_IDS.map((id) => (
            <option key={id} value={id}>
              {LOSS_NAME[id]}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

/** The outlier view: the data, the degree, the focused fit, shapes, the outlier's y by keyboard. */
export function FitControls({ params }: { params: LossesParams }) {
  const set = useSet();
  const f = params.fit;
  const fit = (patch: Partial<LossesParams['fit']>) =>
    set((p) => ({ ...p, fit: { ...p.fit, ...patch } }));
  const [lo, hi] = sweepRange(f.inliers);
  return (
    <>
      <div className="row" role="group" aria-label="Points">
        <button onClick={() => fit({ ...SEED_EXAMPLE })} data-testid="loss-data-seed">
          Targets 1, 2, 3, 4, 100
        </button>
        <button
          onClick={() =>
            set((p) => ({
              ...p,
              seed: nextSeed(p.seed),
              fit: { ...p.fit, ...noisyLineDraw(nextSeed(p.seed)) },
            }))
          }
          data-testid="loss-data-line"
        >
          Noisy line (new)
        </button>
      </div>
      <ParamSlider
        spec={spec(
          'outlier',
          'Outlier’s y (or drag it)',
          'y_{\\text{out}}',
          Math.min(lo, f.outlier[1]),
          Math.max(hi, f.outlier[1]),
        )}
        value={f.outlier[1]}
        onChange={(y) => fit({ outlier: [f.outlier[0], +y.toFixed(2)] })}
        testId="loss-outlier-y"
      />
      <div className="row" role="group" aria-label="Degree">
        {[0, 1, 2, 3].map((d) => (
          <button
            key={d}
            aria-pressed={f.degree === d}
            onClick={() => fit({ degree: d })}
            data-testid={`loss-degree-${d}`}
          >
            {['Constant', 'Line', 'Quadratic', 'Cubic'][d]}
          </button>
        ))}
      </div>
      <label>
        Arrows and residuals of
        <select
          value={f.focus}
          onChange={(e) => fit({ focus: e.target.value as typeof f.focus })}
          data-testid="loss-fit-focus"
        >
          {REGRESSION_LOSS_IDS.map((id) => (
            <option key={id} value={id}>
              {LOSS_NAME[id]}
            </option>
          ))}
        </select>
      </label>
      <RegressionShapes params={params} />
      <Overlays params={params} which="regression" />
    </>
  );
}
