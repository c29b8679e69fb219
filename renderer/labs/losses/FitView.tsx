import { useMemo } from 'react';
import { fitModel, type FitModel } from '../../../core/labs/losses/model-fit';
import { SEED_PREDICTIONS } from '../../../core/labs/losses/data';
import type { LossesParams } from '../../../core/labs/losses/params';
import { REGRESSION_LOSS_IDS, type RegressionLossId } from '../../../core/ml/losses-regression';
import { LOSS_COLOR, LOSS_NAME } from './colors';
import { InfluenceChart, ResidualHistogram } from './FitCharts';
import { FitPlot } from './FitPlot';
import { useInfluenceRun } from './use-sims';

const num = (v: number) => (Number.isFinite(v) ? String(+v.toPrecision(4)) : String(v));

/** ŷ as a polynomial in x: "−38 + 20x". */
export function polyText(raw: ArrayLike<number>): string {
  const terms: string[] = [];
  for (let k = 0; k < raw.length; k++) {
    const c = +raw[k].toPrecision(4);
    if (c === 0 && raw.length > 1) continue;
    const mag = Math.abs(c);
    const x = k === 0 ? '' : k === 1 ? 'x' : `x${'⁰¹²³'[k]}`;
    const body = k > 0 && mag === 1 ? x : `${mag}${x}`;
    terms.push(terms.length === 0 ? (c < 0 ? `−${body}` : body) : `${c < 0 ? '−' : '+'} ${body}`);
  }
  return terms.length ? terms.join(' ') : '0';
}

function ScoreTable({ model, ids }: { model: FitModel; ids: RegressionLossId[] }) {
  const o = model.outlier;
  const best = Object.fromEntries(
    REGRESSION_LOSS_IDS.map((c) => [c, Math.min(...model.table.map((r) => r.scores[c]))]),
  ) as Record<RegressionLossId, number>;
  return (
    <table className="loss-table loss-score-table" data-testid="fit-table">
      <thead>
        <tr>
          <th scope="col">Fit by</th>
          <th scope="col">ŷ(x)</th>
          <th scope="col">ŷ at outlier</th>
          {REGRESSION_LOSS_IDS.map((c) => (
            <th key={c} scope="col" style={{ color: LOSS_COLOR[c] }}>
              {LOSS_NAME[c]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {model.table
          .filter((r) => r.row === 'seed' || ids.includes(r.row))
          .map((r) => {
            const fit = r.row === 'seed' ? null : model.fits[r.row];
            return (
              <tr key={r.row} data-row={r.row}>
                <th scope="row">
                  {fit ? (
                    <>
                      <i className="loss-swatch" style={{ background: LOSS_COLOR[fit.loss] }} />
                      {LOSS_NAME[fit.loss]}
                    </>
                  ) : (
                    'Seeds’ ŷ'
                  )}
                </th>
                <td>{fit ? polyText(fit.raw) : SEED_PREDICTIONS.join(', ')}</td>
                <td data-testid={fit ? `fit-at-outlier-${fit.loss}` : undefined}>
                  {num(fit ? fit.predictions[o] : SEED_PREDICTIONS[o])}
                </td>
                {REGRESSION_LOSS_IDS.map((c) => (
                  <td
                    key={c}
                    className={
                      r.scores[c] <= best[c] + 1e-12 * Math.abs(best[c]) ? 'loss-best' : undefined
                    }
                  >
                    {num(r.scores[c])}
                  </td>
                ))}
              </tr>
            );
          })}
      </tbody>
    </table>
  );
}

/** A fit with a draggable outlier under every regression loss, its influence and its residuals. */
export function FitView({ params }: { params: LossesParams }) {
  const model = useMemo(() => fitModel(params), [params]);
  useInfluenceRun(model.sweep, true);
  const ids = REGRESSION_LOSS_IDS.filter((id) => params.curves.regression[id]);
  const focus = params.fit.focus;
  const share = Math.round(model.outlierShare * 100);
  return (
    <section className="loss-fit" aria-label="Fits with an outlier">
      <div className="loss-panel loss-fit-main">
        <h3>
          All points — drag the ringed outlier; thick: {LOSS_NAME[focus]} fit with each point’s pull
        </h3>
        <FitPlot model={model} which="box" ids={ids} focus={focus} />
      </div>
      <div className="loss-panel loss-fit-zoom">
        <h3 data-testid="fit-share">
          Close-up — the outlier gives {share}% of the pull on the {LOSS_NAME[focus]} fit
        </h3>
        <FitPlot model={model} which="zoom" ids={ids} focus={focus} />
      </div>
      <div className="loss-panel loss-fit-influence">
        <h3>Each fit at the outlier’s x, as the outlier’s y moves</h3>
        <InfluenceChart model={model} ids={ids} />
      </div>
      <div className="loss-panel loss-fit-hist">
        <h3>Residuals of the {LOSS_NAME[focus]} fit</h3>
        <ResidualHistogram model={model} focus={focus} delta={params.delta} />
      </div>
      <div className="loss-panel loss-fit-table">
        <h3>Each fit scored by each loss (mean over the points; the best of each column bold)</h3>
        <ScoreTable model={model} ids={ids} />
      </div>
    </section>
  );
}
