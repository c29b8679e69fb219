import { useMemo } from 'react';
import {
  curvesModel,
  dKey,
  MARGIN_RANGE,
  P_MIN,
  type CurveReadout,
} from '../../../core/labs/losses/model-curves';
import { focalOf, type LossesParams, type LossId } from '../../../core/labs/losses/params';
import { REGRESSION_LOSS_IDS } from '../../../core/ml/losses-regression';
import { Tex } from '../../components/Tex';
import { LOSS_COLOR, LOSS_NAME } from './colors';
import { CurveChart, type CurveSeries } from './CurveChart';
import { useLossesStore } from './store';
import { lossAtTex, lossTex, MEAN_TEX } from './tex';

const num = (v: number) => (Number.isFinite(v) ? String(+v.toPrecision(4)) : String(v));

function series(ids: LossId[]): CurveSeries[] {
  return [
    ...ids.map((id) => ({ key: id, color: LOSS_COLOR[id] })),
    ...ids.map((id) => ({ key: dKey(id), color: LOSS_COLOR[id], dashed: true })),
  ];
}

function Readout({
  rows,
  shown,
  focus,
  head,
  testId,
}: {
  rows: CurveReadout[];
  shown: LossId[];
  focus: LossId;
  head: [string, string, string];
  testId: string;
}) {
  const setParams = useLossesStore((s) => s.setParams);
  return (
    <table className="loss-table" data-testid={testId}>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows
          .filter((r) => shown.includes(r.id))
          .map((r) => (
            <tr key={r.id} data-loss={r.id}>
              <th scope="row">
                <button
                  className="loss-name"
                  aria-pressed={r.id === focus}
                  title="Typeset its formula"
                  onClick={() =>
                    setParams((s: LossesParams) => ({ ...s, curves: { ...s.curves, focus: r.id } }))
                  }
                >
                  <i style={{ background: LOSS_COLOR[r.id] }} />
                  {LOSS_NAME[r.id]}
                </button>
              </th>
              <td>{num(r.value)}</td>
              <td>{num(r.derivative)}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

/** Regression losses over the residual and classification losses over the margin, with derivatives. */
export function CurvesView({ params }: { params: LossesParams }) {
  const m = useMemo(() => curvesModel(params), [params]);
  const setParams = useLossesStore((s) => s.setParams);
  const c = params.curves;
  const setCursor = (key: 'residual' | 'margin') => (x: number) =>
    setParams((s: LossesParams) => ({ ...s, curves: { ...s.curves, [key]: +x.toFixed(4) } }));
  const f = focalOf(params);
  const [formula, derivative] = lossTex(c.focus, { ...f, delta: params.delta, tau: params.tau });
  const isRegression = (REGRESSION_LOSS_IDS as LossId[]).includes(c.focus);
  const at = isRegression
    ? m.regressionAt.find((r) => r.id === c.focus)!
    : m.classificationAt.find((r) => r.id === c.focus)!;
  const onP = c.axis === 'probability';
  const marginX = onP ? m.p : m.margin;
  return (
    <section className="loss-curves" aria-label="Loss curves">
      <div className="loss-panel loss-curves-reg">
        <h3>Regression: ρ(r) solid, ρ′(r) dashed, residual r = y − ŷ</h3>
        <CurveChart
          testId="curves-regression"
          rows={m.regressionRows}
          series={series(m.regressionIds)}
          xDomain={[-c.range, c.range]}
          xLabel="residual r = y − ŷ"
          yLabel="ρ(r), ρ′(r)"
          cursor={m.residual}
          marks={m.kinks
            .filter((k) => (m.regressionIds as LossId[]).includes(k.id))
            .map((k) => ({ at: k.at, color: LOSS_COLOR[k.id] }))}
          onCursor={setCursor('residual')}
        />
        <Readout
          rows={m.regressionAt}
          shown={m.regressionIds}
          focus={c.focus}
          head={[`at r = ${num(m.residual)}`, 'ρ(r)', 'ρ′(r)']}
          testId="curves-regression-readout"
        />
      </div>
      <div className="loss-panel loss-curves-cls">
        <h3>
          Classification: ℓ solid, {onP ? 'dℓ/dp' : 'dℓ/dm'} dashed,{' '}
          {onP ? 'p = probability of the true class' : 'margin m = y·s'}
        </h3>
        <CurveChart
          testId="curves-classification"
          rows={m.classificationRows}
          series={series(m.classificationIds)}
          xDomain={onP ? [P_MIN, 1 - P_MIN] : [-MARGIN_RANGE, MARGIN_RANGE]}
          yDomain={[-2, 4]}
          xLabel={onP ? 'p of the true class' : 'margin m = y·s'}
          yLabel={onP ? 'ℓ, dℓ/dp' : 'ℓ(m), ℓ′(m)'}
          cursor={marginX}
          marks={m.kinks
            .filter((k) => (m.classificationIds as LossId[]).includes(k.id))
            .map((k) => ({ at: k.at, color: LOSS_COLOR[k.id] }))}
          onCursor={(x) => setCursor('margin')(onP ? Math.log(x / (1 - x)) : x)}
        />
        <Readout
          rows={m.classificationAt}
          shown={m.classificationIds}
          focus={c.focus}
          head={[`at m = ${num(m.margin)}, p = ${num(m.p)}`, 'ℓ', onP ? 'dℓ/dp' : 'ℓ′(m)']}
          testId="curves-classification-readout"
        />
      </div>
      <div className="loss-panel loss-curves-tex" data-testid="curves-tex">
        <h3>{LOSS_NAME[c.focus]}</h3>
        <Tex tex={formula} block />
        <Tex tex={derivative} block />
        <Tex
          tex={lossAtTex(
            c.focus,
            isRegression ? m.residual : m.margin,
            at.value,
            at.derivative,
            c.axis,
            m.p,
          )}
          block
        />
        <Tex tex={isRegression ? MEAN_TEX.regression : MEAN_TEX.classification} block />
      </div>
    </section>
  );
}
